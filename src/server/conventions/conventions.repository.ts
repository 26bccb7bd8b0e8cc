import { sql } from 'kysely';
import type { ConventionTable, Executor } from '../platform/db/schema.js';
import { likeContains, searchWords } from '../platform/db/dialect.js';
import { notFound } from '../platform/http/errors.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { inScope, type ConventionScope } from '../accounts/access.js';
import { normalizeForSearch } from '../../shared/text.js';

export type ConventionRow = Omit<ConventionTable, 'id' | 'version' | 'search_text'> & { id: number; version: number };
const conventionColumns = [
  'c.id', 'c.title', 'c.caf_id', 'c.status', 'c.start_year', 'c.end_year', 'c.predecessor_id', 'c.summary',
  'c.version', 'c.created_at', 'c.updated_at',
] as const;

export interface ConventionFilter {
  statuses?: string[];
  theme?: string;
  territory?: string;
  cafId?: number;
  year?: number;
  from?: number;
  to?: number;
  q?: string;
  scope?: ConventionScope;
}

function filtered(db: Executor, f: ConventionFilter) {
  let q = db.selectFrom('convention as c');
  if (f.scope) {
    const scope = f.scope;
    q = q.where(inScope(sql.ref('c.id'), scope));
  }
  if (f.statuses?.length) q = q.where('c.status', 'in', f.statuses);
  if (f.cafId) q = q.where('c.caf_id', '=', f.cafId);
  if (f.year) q = q.where('c.start_year', '<=', f.year).where('c.end_year', '>=', f.year);
  if (f.from) q = q.where('c.end_year', '>=', f.from);
  if (f.to) q = q.where('c.start_year', '<=', f.to);
  // Each word must appear in the convention (title, Caf, territories) or in one of its actions.
  for (const word of searchWords(normalizeForSearch(f.q ?? ''))) {
    const pattern = likeContains(word);
    q = q.where((eb) =>
      eb.or([
        eb('c.search_text', 'like', pattern),
        eb.exists(eb.selectFrom('action as sa').select('sa.id').whereRef('sa.convention_id', '=', 'c.id').where('sa.search_text', 'like', pattern)),
      ]),
    );
  }
  if (f.theme) {
    const theme = f.theme;
    // Two uncorrelated sets, built once per query from the theme indexes, instead of one probe of the
    // actions per convention (37 ms → a few on the national dataset).
    q = q.where((eb) =>
      eb.or([
        eb('c.id', 'in', eb.selectFrom('convention_theme as ct').select('ct.convention_id').where('ct.theme_code', '=', theme)),
        eb('c.id', 'in', eb.selectFrom('action_theme as at').innerJoin('action as a', 'a.id', 'at.action_id').select('a.convention_id').where('at.theme_code', '=', theme)),
      ]),
    );
  }
  if (f.territory) {
    const code = f.territory;
    // A territory matches the conventions on it, on a group containing it, on its member communes, or inside its département.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('convention_territory as ctt')
          .innerJoin('territory as t', 't.code', 'ctt.territory_code')
          .select('ctt.convention_id')
          .whereRef('ctt.convention_id', '=', 'c.id')
          .where((w) =>
            w.or([
              w('ctt.territory_code', '=', code),
              w('t.departement_code', '=', code),
              w('ctt.territory_code', 'in', w.selectFrom('territory_member').select('group_code').where('member_code', '=', code)),
              w('ctt.territory_code', 'in', w.selectFrom('territory_member').select('member_code').where('group_code', '=', code)),
            ]),
          ),
      ),
    );
  }
  return q;
}

export async function listConventionRows(db: Executor, f: ConventionFilter, page: { afterId?: number; limit: number }) {
  let q = filtered(db, f).select(conventionColumns);
  if (page.afterId) q = q.where('c.id', '>', page.afterId);
  return q.orderBy('c.id').limit(page.limit).execute() as Promise<ConventionRow[]>;
}

export async function countConventions(db: Executor, f: ConventionFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const findConventionRow = (db: Executor, id: number) =>
  db.selectFrom('convention as c').select(conventionColumns).where('c.id', '=', id).executeTakeFirst() as Promise<ConventionRow | undefined>;

export async function requireConventionRow(db: Executor, id: number): Promise<ConventionRow> {
  const row = await findConventionRow(db, id);
  if (!row) throw notFound(`Convention ${id}`);
  return row;
}

/** Territories of each convention, in perimeter order. */
export async function territoriesOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('convention_territory as ct')
    .innerJoin('territory as t', 't.code', 'ct.territory_code')
    .select(['ct.convention_id', 't.code', 't.kind', 't.name', 't.departement_code', 't.population'])
    .where('ct.convention_id', 'in', ids)
    .orderBy('ct.convention_id')
    .orderBy('ct.position')
    .execute();
}

/** Population of the distinct communes in each perimeter (a group counts through its member communes). */
export async function coveredPopulationOf(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ convention_id: number; population: number }>`
    select convention_id, coalesce(sum(population), 0) as population from (
      select distinct ct.convention_id, com.code, com.population
      from convention_territory ct
      join territory t on t.code = ct.territory_code
      left join territory_member m on m.group_code = t.code
      join territory com on com.code = coalesce(m.member_code, t.code) and com.kind = 'commune'
      where ct.convention_id in (${sql.join(ids)})
    ) perimeter group by convention_id`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.convention_id), Number(r.population)]));
}

export async function declaredThemesOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('convention_theme as ct')
    .innerJoin('theme as t', 't.code', 'ct.theme_code')
    .select(['ct.convention_id', 'ct.theme_code', 't.position'])
    .where('ct.convention_id', 'in', ids)
    .execute();
}

export async function actionThemesOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action as a')
    .innerJoin('action_theme as at', 'at.action_id', 'a.id')
    .innerJoin('theme as t', 't.code', 'at.theme_code')
    .select(['a.convention_id', 'at.theme_code', 't.position'])
    .distinct()
    .where('a.convention_id', 'in', ids)
    .execute();
}

export async function firstSignatureDatesOf(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('signature_event')
    .select(['convention_id', (eb) => eb.fn.min<string>('date').as('first_date')])
    .where('convention_id', 'in', ids)
    .groupBy('convention_id')
    .execute();
  return new Map(rows.map((r) => [r.convention_id, r.first_date]));
}

export async function actionCountsOf(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('action')
    .select(['convention_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('convention_id', 'in', ids)
    .groupBy('convention_id')
    .execute();
  return new Map(rows.map((r) => [r.convention_id, Number(r.n)]));
}

export async function insertConvention(db: Executor, values: Omit<ConventionTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('convention').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateConvention(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Omit<ConventionTable, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('convention')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Every plan write runs it: built and compiled once (see preparedQuery).
const touchQuery = preparedQuery<unknown, 'id' | 'now'>((db, value) => db.updateTable('convention').set({ updated_at: value('now') }).where('id', '=', value('id')));

/**
 * Records that something inside the convention changed, without touching its own version. Call it last in
 * the transaction: on PostgreSQL the update locks the convention's row until the commit, and every other
 * write to the same convention waits for it that long.
 */
export async function touchConvention(db: Executor, id: number, now: string): Promise<void> {
  await touchQuery(db, { id, now });
}

export async function replaceTerritories(db: Executor, id: number, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('convention_territory').where('convention_id', '=', id).execute();
  await db
    .insertInto('convention_territory')
    .values(codes.map((territory_code, index) => ({ convention_id: id, territory_code, position: index + 1 })))
    .execute();
}

export async function replaceThemes(db: Executor, id: number, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('convention_theme').where('convention_id', '=', id).execute();
  if (codes.length) {
    await db.insertInto('convention_theme').values(codes.map((theme_code) => ({ convention_id: id, theme_code }))).execute();
  }
}

export async function insertStatusChange(
  db: Executor,
  values: {
    convention_id: number;
    from_status: string | null;
    to_status: string;
    effective_date: string | null;
    changed_at: string;
    comment: string | null;
    actor: string;
  },
): Promise<void> {
  await db.insertInto('convention_status_change').values(values).execute();
}

export const statusHistoryOf = (db: Executor, id: number) =>
  db
    .selectFrom('convention_status_change')
    .select(['from_status', 'to_status', 'effective_date', 'changed_at', 'comment'])
    .where('convention_id', '=', id)
    .orderBy('id')
    .execute();

