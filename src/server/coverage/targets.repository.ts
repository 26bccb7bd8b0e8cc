import type { Executor } from '../platform/db/schema.js';

const COLUMNS = ['id', 'caf_id', 'year', 'rate_bp', 'version'] as const;

/** Targets of a Caf (or, with null, the national reference trajectory), by year. */
export async function listTargets(db: Executor, cafId: number | null) {
  const query = db.selectFrom('coverage_target').select(COLUMNS).orderBy('year');
  return (cafId === null ? query.where('caf_id', 'is', null) : query.where('caf_id', '=', cafId)).execute();
}

/** Year → target rate (0..1). */
export async function targetsByYear(db: Executor, cafId: number | null): Promise<Map<number, number>> {
  const rows = await listTargets(db, cafId);
  return new Map(rows.map((r) => [Number(r.year), Number(r.rate_bp) / 10000]));
}

export async function findTarget(db: Executor, id: number) {
  return db.selectFrom('coverage_target').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findTargetOf(db: Executor, cafId: number, year: number) {
  return db.selectFrom('coverage_target').select(COLUMNS).where('caf_id', '=', cafId).where('year', '=', year).executeTakeFirst();
}

export async function insertTarget(db: Executor, values: { caf_id: number; year: number; rate_bp: number; created_at: string; updated_at: string }) {
  const row = await db.insertInto('coverage_target').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateTarget(db: Executor, id: number, version: number, rateBp: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('coverage_target')
    .set((eb) => ({ rate_bp: rateBp, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTarget(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('coverage_target').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
