import type { AmendmentTable, Executor, PlanVersionTable } from '../platform/db/schema.js';

export type PlanVersionRow = NonNullable<Awaited<ReturnType<typeof findPlanVersion>>>;
export type AmendmentRow = NonNullable<Awaited<ReturnType<typeof findAmendment>>>;

export const findPlanVersion = (db: Executor, id: number) => db.selectFrom('plan_version').selectAll().where('id', '=', id).executeTakeFirst();
export const listPlanVersions = (db: Executor, conventionId: number) =>
  db.selectFrom('plan_version').selectAll().where('convention_id', '=', conventionId).orderBy('number').execute();

export async function nextNumber(db: Executor, table: 'plan_version' | 'amendment', conventionId: number): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('number').as('max')).where('convention_id', '=', conventionId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertPlanVersion(db: Executor, values: Omit<PlanVersionTable, 'id'>): Promise<number> {
  return (await db.insertInto('plan_version').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export const findAmendment = (db: Executor, id: number) => db.selectFrom('amendment').selectAll().where('id', '=', id).executeTakeFirst();
export const listAmendments = (db: Executor, conventionId: number) =>
  db.selectFrom('amendment').selectAll().where('convention_id', '=', conventionId).orderBy('number').execute();

export async function insertAmendment(db: Executor, values: Omit<AmendmentTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('amendment').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAmendment(db: Executor, id: number, version: number, changes: Partial<Omit<AmendmentTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('amendment')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
