import type { Executor, IndicatorTable, IndicatorValueTable } from '../platform/db/schema.js';

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;
export type IndicatorValueRow = Awaited<ReturnType<typeof valuesOf>>[number];

export const findIndicator = (db: Executor, id: number) => db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();

export function listIndicators(db: Executor, filter: { conventionId?: number; actionId?: number; axisId?: number }) {
  let q = db.selectFrom('indicator').selectAll();
  if (filter.conventionId) q = q.where('convention_id', '=', filter.conventionId);
  if (filter.actionId) q = q.where('action_id', '=', filter.actionId);
  if (filter.axisId) q = q.where('axis_id', '=', filter.axisId);
  return q.orderBy('id').execute();
}

export async function valuesOf(db: Executor, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return [];
  return db.selectFrom('indicator_value').selectAll().where('indicator_id', 'in', indicatorIds).orderBy('indicator_id').orderBy('date').orderBy('id').execute();
}

export async function insertIndicator(db: Executor, values: Omit<IndicatorTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('indicator').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateIndicator(db: Executor, id: number, version: number, changes: Partial<Omit<IndicatorTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('indicator')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertValue(db: Executor, values: Omit<IndicatorValueTable, 'id'>): Promise<number> {
  return (await db.insertInto('indicator_value').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export const findValue = (db: Executor, id: number) => db.selectFrom('indicator_value').selectAll().where('id', '=', id).executeTakeFirst();

export async function deleteValue(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('indicator_value').where('id', '=', id).execute();
}

/** A value added or removed is a new version of the indicator; false if `expectedVersion` is stale. */
export async function touchIndicator(db: Executor, id: number, now: string, expectedVersion?: number): Promise<boolean> {
  let query = db.updateTable('indicator').set((eb) => ({ updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes an indicator and its values, if it still has this version. */
export async function deleteIndicator(db: Executor, id: number, version: number): Promise<boolean> {
  const found = await db.selectFrom('indicator').select('id').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!found) return false;
  await db.deleteFrom('indicator_value').where('indicator_id', '=', id).execute();
  await db.deleteFrom('indicator').where('id', '=', id).execute();
  return true;
}
