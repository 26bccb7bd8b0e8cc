import type { Executor, ThemeTable } from '../platform/db/schema.js';

export type ThemeRow = Omit<ThemeTable, 'version'> & { version: number };

export const listThemes = (db: Executor): Promise<ThemeRow[]> =>
  db.selectFrom('theme').selectAll().orderBy('position').orderBy('code').execute();

export const findTheme = (db: Executor, code: string): Promise<ThemeRow | undefined> =>
  db.selectFrom('theme').selectAll().where('code', '=', code).executeTakeFirst();

export async function findThemeCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('theme').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function nextThemePosition(db: Executor): Promise<number> {
  const row = await db.selectFrom('theme').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertTheme(db: Executor, theme: Omit<ThemeTable, 'version'>): Promise<void> {
  await db.insertInto('theme').values(theme).onConflict((oc) => oc.column('code').doNothing()).execute();
}

export async function updateTheme(
  db: Executor,
  code: string,
  version: number,
  changes: Partial<Pick<ThemeTable, 'label' | 'description' | 'active'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('theme')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
