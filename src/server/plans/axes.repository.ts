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

/** What the axes' progress is rolled up from, for one convention. */
export async function axisFactsOf(db: Executor, conventionId: number) {
  const actions = await db
    .selectFrom('action')
    .select(['id', 'axis_id', 'parent_id', 'status', 'progress'])
    .where('convention_id', '=', conventionId)
    .execute();
  const secondary = await db
    .selectFrom('action_axis as aa')
    .innerJoin('action as a', 'a.id', 'aa.action_id')
    .select(['aa.action_id', 'aa.axis_id'])
    .where('a.convention_id', '=', conventionId)
    .execute();
  return actions.map((a) => ({
    axisIds: [...(a.axis_id === null ? [] : [a.axis_id]), ...secondary.filter((s) => s.action_id === a.id).map((s) => s.axis_id)],
    parentId: a.parent_id,
    status: a.status,
    progress: a.progress,
  }));
}

/** The axis just before or after the given position, to swap places with. */
export async function neighbourAxis(db: Executor, conventionId: number, position: number, direction: 'up' | 'down'): Promise<AxisRow | undefined> {
  const q = db.selectFrom('axis').select(axisColumns).where('convention_id', '=', conventionId);
  return direction === 'up'
    ? q.where('position', '<', position).orderBy('position', 'desc').limit(1).executeTakeFirst()
    : q.where('position', '>', position).orderBy('position', 'asc').limit(1).executeTakeFirst();
}
