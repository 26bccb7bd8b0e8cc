import type { Executor } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';

/** The stable references of a convention's imported actions, both ways. */
export async function actionRefsOf(db: Executor, conventionId: number): Promise<{ byRef: Map<string, number>; byId: Map<number, string> }> {
  const rows = await db
    .selectFrom('plan_external_ref')
    .select(['ref', 'object_id'])
    .where('convention_id', '=', conventionId)
    .where('kind', '=', 'action')
    .orderBy('ref')
    .execute();
  return { byRef: new Map(rows.map((r) => [r.ref, r.object_id])), byId: new Map(rows.map((r) => [r.object_id, r.ref])) };
}

/** Records (or moves) many references at once. */
export async function saveActionRefs(db: Executor, conventionId: number, refs: ReadonlyMap<string, number>): Promise<void> {
  const list = [...refs];
  for (let start = 0; start < list.length; start += 500) {
    const chunk = list.slice(start, start + 500);
    await db.deleteFrom('plan_external_ref').where('convention_id', '=', conventionId).where('kind', '=', 'action').where('ref', 'in', chunk.map(([ref]) => ref)).execute();
    const createdAt = nowIso();
    await db.insertInto('plan_external_ref').values(chunk.map(([ref, object_id]) => ({ convention_id: conventionId, kind: 'action', ref, object_id, created_at: createdAt }))).execute();
  }
}

export async function conventionTitleOf(db: Executor, conventionId: number): Promise<string | undefined> {
  const row = await db.selectFrom('convention').select('title').where('id', '=', conventionId).executeTakeFirst();
  return row?.title;
}
