import type { AxisTable, Executor } from '../platform/db/schema.js';

const axisColumns = ['id', 'convention_id', 'title', 'position', 'version'] as const;
export type AxisRow = { id: number; convention_id: number; title: string; position: number; version: number };

export const listAxes = (db: Executor, conventionId: number): Promise<AxisRow[]> =>
  db.selectFrom('axis').select(axisColumns).where('convention_id', '=', conventionId).orderBy('position').orderBy('id').execute();

export const findAxis = (db: Executor, id: number): Promise<AxisRow | undefined> =>
  db.selectFrom('axis').select(axisColumns).where('id', '=', id).executeTakeFirst();

export async function nextAxisPosition(db: Executor, conventionId: number): Promise<number> {
  const row = await db.selectFrom('axis').select((eb) => eb.fn.max('position').as('max')).where('convention_id', '=', conventionId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertAxis(db: Executor, values: Omit<AxisTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('axis').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAxis(db: Executor, id: number, version: number, changes: Partial<Omit<AxisTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('axis')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
