import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

export const findFeedOf = (db: Executor, userId: number) => db.selectFrom('calendar_feed').selectAll().where('user_id', '=', userId).executeTakeFirst();
export const findFeedByHash = (db: Executor, tokenHash: string) => db.selectFrom('calendar_feed').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/** One address per account: a new one replaces the previous one, which stops working at once. */
export async function replaceFeed(db: Executor, userId: number, tokenHash: string, now: string): Promise<void> {
  await db.deleteFrom('calendar_feed').where('user_id', '=', userId).execute();
  await db.insertInto('calendar_feed').values({ user_id: userId, token_hash: tokenHash, created_at: now, last_used_at: null }).execute();
}

export async function deleteFeed(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('calendar_feed').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function markFeedUsed(db: Executor, userId: number, now: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ last_used_at: now }).where('user_id', '=', userId).execute();
}

/** Signature events of the conventions in scope (convention and amendments). */
export function signaturesInScope(db: Executor, scope: ConventionScope) {
  return db
    .selectFrom('signature_event as s')
    .innerJoin('convention as c', 'c.id', 's.convention_id')
    .select(['s.id', 's.date', 's.place', 's.kind', 's.description', 'c.id as convention_id', 'c.title as convention_title'])
    .where(inScope(sql.ref('s.convention_id'), scope))
    .orderBy('s.date')
    .orderBy('s.id')
    .limit(2000)
    .execute();
}

/** Conventions in scope that are still running or being prepared: their end is a deadline. */
export function openConventionsInScope(db: Executor, scope: ConventionScope) {
  return db
    .selectFrom('convention as c')
    .select(['c.id', 'c.title', 'c.end_year'])
    .where(inScope(sql.ref('c.id'), scope))
    .where('c.status', 'not in', ['echue', 'resiliee'])
    .orderBy('c.id')
    .limit(2000)
    .execute();
}

export interface MeetingEventRow {
  id: number;
  starts_at: string;
  duration_minutes: number;
  place: string | null;
  visio_url: string | null;
  body_name: string;
  convention_title: string;
}

const meetingEvents = (db: Executor) =>
  db
    .selectFrom('meeting as m')
    .innerJoin('governance_body as b', 'b.id', 'm.body_id')
    .innerJoin('convention as c', 'c.id', 'm.convention_id')
    .select(['m.id', 'm.starts_at', 'm.duration_minutes', 'm.place', 'm.visio_url', 'b.name as body_name', 'c.title as convention_title'])
    .orderBy('m.starts_at');

/** Governance meetings of the conventions in scope, from `since` (a date) on. */
export function meetingsInScope(db: Executor, scope: ConventionScope, since: string): Promise<MeetingEventRow[]> {
  return meetingEvents(db).where(inScope(sql.ref('m.convention_id'), scope)).where('m.starts_at', '>=', since).limit(2000).execute();
}

/** Every governance meeting of one convention. */
export function meetingsOfConvention(db: Executor, conventionId: number): Promise<MeetingEventRow[]> {
  return meetingEvents(db).where('m.convention_id', '=', conventionId).execute();
}
