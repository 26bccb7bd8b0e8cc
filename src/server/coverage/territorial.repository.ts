import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import type { ScopeFilter } from './coverage.repository.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

/** Conventions whose perimeter lies in the scope (EPCI and EPT by their main département). */
function conventionsOfScope(scope: ScopeFilter) {
  if (scope.kind === 'france') return sql`select c.id from convention c`;
  const condition =
    scope.kind === 'departement'
      ? sql`t.departement_code = ${scope.code}`
      : sql`t.departement_code in (select d.code from territory d where d.kind = 'departement' and d.region_code = ${scope.code})`;
  return sql`select distinct ct.convention_id as id from convention_territory ct join territory t on t.code = ct.territory_code where ${condition}`;
}

/** Conventions of a territory that the caller may see (`access`: the caller's convention scope). */
export async function conventionRows(db: Executor, scope: ScopeFilter, access: ConventionScope) {
  const result = await sql<{ id: number; title: string; status: string; start_year: number; end_year: number; predecessor_id: number | null }>`
    select c.id, c.title, c.status, c.start_year, c.end_year, c.predecessor_id from convention c
    where c.id in (${conventionsOfScope(scope)}) and ${inScope(sql.ref('c.id'), access)} order by c.start_year, c.id`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), start_year: Number(r.start_year), end_year: Number(r.end_year) }));
}

export async function perimeters(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('convention_territory as ct')
    .innerJoin('territory as t', 't.code', 'ct.territory_code')
    .select(['ct.convention_id', 't.code', 't.name'])
    .where('ct.convention_id', 'in', ids)
    .orderBy('ct.convention_id')
    .orderBy('ct.position')
    .execute();
}

export async function declaredThemes(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('convention_theme').select(['convention_id', 'theme_code']).where('convention_id', 'in', ids).execute();
}

export async function actionCountsByTheme(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('action as a')
    .innerJoin('action_theme as at', 'at.action_id', 'a.id')
    .select(['a.convention_id', 'at.theme_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.convention_id', 'in', ids)
    .groupBy(['a.convention_id', 'at.theme_code'])
    .execute();
  return rows.map((r) => ({ conventionId: Number(r.convention_id), theme: r.theme_code, count: Number(r.n) }));
}

export async function activeThemes(db: Executor) {
  return db.selectFrom('theme').select(['code', 'label']).where('active', '=', 1).orderBy('position').orderBy('code').execute();
}

export async function findTheme(db: Executor, code: string) {
  return db.selectFrom('theme').select(['code', 'label']).where('code', '=', code).executeTakeFirst();
}

export async function actionsWithTheme(db: Executor, ids: number[], theme: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action as a')
    .innerJoin('action_theme as at', 'at.action_id', 'a.id')
    .innerJoin('convention as c', 'c.id', 'a.convention_id')
    .select(['a.id', 'a.title', 'a.description', 'a.status', 'a.highlighted', 'a.convention_id', 'c.title as convention_title'])
    .where('at.theme_code', '=', theme)
    .where('a.convention_id', 'in', ids)
    .orderBy('a.convention_id')
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
}

/** Population of the distinct communes of each convention's perimeter. */
export async function perimeterPopulations(db: Executor, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ convention_id: number; population: unknown }>`
    select x.convention_id, coalesce(sum(com.population), 0) as population from (
      select distinct ct.convention_id, coalesce(m.member_code, ct.territory_code) as code
      from convention_territory ct left join territory_member m on m.group_code = ct.territory_code
      where ct.convention_id in (${sql.join(ids)})
    ) x join territory com on com.code = x.code and com.kind = 'commune'
    group by x.convention_id`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.convention_id), Number(r.population)]));
}

/** Ids among `ids` that have a signature event dated on or before `date`. */
export async function signedBy(db: Executor, ids: number[], date: string): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('signature_event').select('convention_id').distinct().where('convention_id', 'in', ids).where('date', '<=', date).execute();
  return new Set(rows.map((r) => Number(r.convention_id)));
}

export async function withSuccessor(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('convention').select('predecessor_id').where('predecessor_id', 'in', ids).execute();
  return new Set(rows.map((r) => Number(r.predecessor_id)));
}

/** Communes of the scope never in the perimeter of a signed convention, largest first. */
export async function neverCoveredCommunes(db: Executor, scope: ScopeFilter) {
  const condition =
    scope.kind === 'departement' ? sql`t.departement_code = ${scope.code}` : scope.kind === 'region' ? sql`t.region_code = ${scope.code}` : sql`1 = 1`;
  const result = await sql<{ code: string; name: string; population: number | null }>`
    select t.code, t.name, t.population from territory t
    where t.kind = 'commune' and ${condition}
      and t.code not in (
        select coalesce(m.member_code, ct.territory_code) from convention_territory ct
        left join territory_member m on m.group_code = ct.territory_code
        where exists (select 1 from signature_event s where s.convention_id = ct.convention_id)
      )
    order by coalesce(t.population, 0) desc, t.name`.execute(db);
  return result.rows.map((r) => ({ code: r.code, name: r.name, population: Number(r.population ?? 0) }));
}
