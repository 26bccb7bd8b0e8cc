import type { Executor, GovernanceBodyTable, MeetingTable, DecisionTable } from '../platform/db/schema.js';

export type BodyRow = Omit<GovernanceBodyTable, 'id' | 'version'> & { id: number; version: number };
export type MeetingRow = Omit<MeetingTable, 'id' | 'version'> & { id: number; version: number };
export type DecisionRow = Omit<DecisionTable, 'id'> & { id: number };

export const findBody = (db: Executor, id: number): Promise<BodyRow | undefined> => db.selectFrom('governance_body').selectAll().where('id', '=', id).executeTakeFirst();

export const listBodies = (db: Executor, conventionId: number): Promise<BodyRow[]> =>
  db.selectFrom('governance_body').selectAll().where('convention_id', '=', conventionId).orderBy('kind').orderBy('id').execute();

export async function insertBody(db: Executor, values: Omit<GovernanceBodyTable, 'id' | 'version'>): Promise<number> {
  const row = await db.insertInto('governance_body').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateBody(db: Executor, id: number, version: number, values: Partial<Omit<GovernanceBodyTable, 'id' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('governance_body').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteBody(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('governance_body').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export const findMeeting = (db: Executor, id: number): Promise<MeetingRow | undefined> => db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();

export const listMeetingsOfConvention = (db: Executor, conventionId: number): Promise<MeetingRow[]> =>
  db.selectFrom('meeting').selectAll().where('convention_id', '=', conventionId).orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();

/** The meeting of the same body held just before this one (its decisions are followed up in the pack). */
export const previousMeetingOf = (db: Executor, meeting: MeetingRow): Promise<MeetingRow | undefined> =>
  db
    .selectFrom('meeting')
    .selectAll()
    .where('body_id', '=', meeting.body_id)
    .where('starts_at', '<', meeting.starts_at)
    .orderBy('starts_at', 'desc')
    .executeTakeFirst();

export async function insertMeeting(db: Executor, values: Omit<MeetingTable, 'id' | 'version'>): Promise<number> {
  const row = await db.insertInto('meeting').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeeting(db: Executor, id: number, version: number, values: Partial<Omit<MeetingTable, 'id' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('meeting').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const decisionsOf = (db: Executor, meetingIds: readonly number[]): Promise<DecisionRow[]> =>
  meetingIds.length ? db.selectFrom('decision').selectAll().where('meeting_id', 'in', meetingIds).orderBy('position').orderBy('id').execute() : Promise.resolve([]);

export const findDecision = (db: Executor, id: number): Promise<DecisionRow | undefined> => db.selectFrom('decision').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertDecision(db: Executor, values: Omit<DecisionTable, 'id'>): Promise<number> {
  const row = await db.insertInto('decision').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function nextDecisionPosition(db: Executor, meetingId: number): Promise<number> {
  const row = await db.selectFrom('decision').select((eb) => eb.fn.max('position').as('p')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

export async function deleteDecision(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('decision').where('id', '=', id).execute();
}

export async function markDecisionApplied(db: Executor, id: number, resultRef: string | null, at: string): Promise<void> {
  await db.updateTable('decision').set({ status: 'appliquee', result_ref: resultRef, applied_at: at }).where('id', '=', id).execute();
}

export async function setDecisionFollowUp(db: Executor, id: number, followUp: string | null): Promise<void> {
  await db.updateTable('decision').set({ follow_up: followUp }).where('id', '=', id).execute();
}

/** Last held and next planned meeting of each body, for the « expected frequency » check. */
export async function meetingDatesOfBodies(db: Executor, bodyIds: readonly number[], now: string) {
  if (!bodyIds.length) return new Map<number, { last: string | null; next: string | null }>();
  const rows = await db.selectFrom('meeting').select(['body_id', 'starts_at']).where('body_id', 'in', bodyIds).execute();
  const dates = new Map<number, { last: string | null; next: string | null }>();
  for (const r of rows) {
    const d = dates.get(r.body_id) ?? { last: null, next: null };
    if (r.starts_at < now && (!d.last || r.starts_at > d.last)) d.last = r.starts_at;
    if (r.starts_at >= now && (!d.next || r.starts_at < d.next)) d.next = r.starts_at;
    dates.set(r.body_id, d);
  }
  return dates;
}
