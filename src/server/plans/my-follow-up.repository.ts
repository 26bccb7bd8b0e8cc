import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

export async function conventionInScope(db: Executor, conventionId: number, scope: ConventionScope): Promise<boolean> {
  const row = await db.selectFrom('convention as c').select('c.id').where('c.id', '=', conventionId).where(inScope(sql.ref('c.id'), scope)).executeTakeFirst();
  return Boolean(row);
}

export interface PilotKeys {
  userId: number | null;
  organisationIds: number[];
  /** Lower-cased display name, matched against the free-text pilot. */
  name: string | null;
}

/** Actions piloted by the caller (account, organisation or name), in the conventions of their scope. */
export function pilotedActions(db: Executor, keys: PilotKeys, scope: ConventionScope) {
  return db
    .selectFrom('action as a')
    .innerJoin('convention as c', 'c.id', 'a.convention_id')
    .select(['a.id', 'a.convention_id', 'c.title as convention_title', 'a.title', 'a.status', 'a.progress', 'a.end_date', 'a.pilot', 'a.pilot_user_id', 'a.pilot_organisation_id'])
    .where(inScope(sql.ref('a.convention_id'), scope))
    .where((eb) => {
      const branches = [];
      if (keys.userId !== null) branches.push(eb('a.pilot_user_id', '=', keys.userId));
      if (keys.organisationIds.length) branches.push(eb('a.pilot_organisation_id', 'in', keys.organisationIds));
      if (keys.name) branches.push(sql<SqlBool>`lower(trim(a.pilot)) = ${keys.name}`);
      return branches.length ? eb.or(branches) : sql<SqlBool>`1 = 0`;
    })
    .orderBy('a.end_date')
    .orderBy('a.id')
    .limit(500)
    .execute();
}

export async function lastNoteDates(db: Executor, actionIds: number[]): Promise<Map<number, string>> {
  if (!actionIds.length) return new Map();
  const rows = await db
    .selectFrom('action_note')
    .select(['action_id', (eb) => eb.fn.max('date').as('last')])
    .where('action_id', 'in', actionIds)
    .groupBy('action_id')
    .execute();
  return new Map(rows.map((r) => [r.action_id, String(r.last)]));
}

/** Indicators of these actions with no value dated in the given year. */
export function indicatorsWithoutValueIn(db: Executor, actionIds: number[], year: number) {
  if (!actionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('indicator as i')
    .select(['i.id', 'i.title', 'i.action_id'])
    .where('i.action_id', 'in', actionIds)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('indicator_value as v').select('v.id').whereRef('v.indicator_id', '=', 'i.id').where('v.date', '>=', `${year}-01-01`).where('v.date', '<=', `${year}-12-31`))),
    )
    .orderBy('i.id')
    .execute();
}

/** Draft reviews of the conventions where the caller may validate them. */
export function draftReviews(db: Executor, scope: ConventionScope) {
  return db
    .selectFrom('review as r')
    .innerJoin('convention as c', 'c.id', 'r.convention_id')
    .select(['r.id', 'r.convention_id', 'c.title as convention_title', 'r.kind', 'r.year', 'r.snapshot_date'])
    .where('r.status', '=', 'brouillon')
    .where(inScope(sql.ref('r.convention_id'), scope))
    .orderBy('r.year')
    .orderBy('r.id')
    .limit(200)
    .execute();
}
