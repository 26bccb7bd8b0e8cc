import type { Executor } from '../platform/db/schema.js';

const SERIES = ['id', 'code', 'label', 'unit', 'source', 'layout', 'rounded_to', 'version'] as const;
const CHUNK = 500;

export async function listSeries(db: Executor) {
  return db
    .selectFrom('data_series as s')
    .select(SERIES.map((c) => `s.${c}` as const))
    .select((eb) => eb.selectFrom('data_value as v').whereRef('v.series_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('value_count'))
    .orderBy('s.label')
    .execute();
}

export async function findSeriesByCode(db: Executor, code: string) {
  return db
    .selectFrom('data_series as s')
    .select(SERIES.map((c) => `s.${c}` as const))
    .select((eb) => eb.selectFrom('data_value as v').whereRef('v.series_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('value_count'))
    .where('s.code', '=', code)
    .executeTakeFirst();
}

export async function insertSeries(db: Executor, values: { code: string; label: string; unit: string; source: string | null; layout: string; rounded_to: number | null; created_at: string; updated_at: string }) {
  const row = await db.insertInto('data_series').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateSeries(db: Executor, id: number, values: { label: string; unit: string; source: string | null; layout: string; rounded_to: number | null; updated_at: string }) {
  await db.updateTable('data_series').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

/** Which of these codes are known territories. */
export async function knownTerritoryCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db.selectFrom('territory').select('code').where('code', 'in', codes.slice(i, i + CHUNK)).execute();
    for (const r of rows) known.add(r.code);
  }
  return known;
}

export async function upsertValues(db: Executor, rows: { series_id: number; territory_code: string; reference_date: string; geo_vintage: string | null; value: number }[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('data_value')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['series_id', 'territory_code', 'reference_date']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), geo_vintage: eb.ref('excluded.geo_vintage') })),
      )
      .execute();
  }
}

export async function valuesOf(db: Executor, seriesId: number, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('data_value')
    .select(['territory_code', 'reference_date', 'value'])
    .where('series_id', '=', seriesId)
    .where('territory_code', 'in', codes)
    .orderBy('reference_date')
    .execute();
}

export async function findTerritory(db: Executor, code: string) {
  return db.selectFrom('territory').select(['code', 'name', 'kind', 'departement_code']).where('code', '=', code).executeTakeFirst();
}
