import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../platform/db/schema.js';

/** Which communes count: one département, one région, or all of France. */
export type ScopeFilter = { kind: 'france' } | { kind: 'departement'; code: string } | { kind: 'region'; code: string };

/**
 * Conventions in force on `date`: signed on or before it (a signature event dated ≤ date), the date
 * within the period (1 January of the start year to 31 December of the end year), and not terminated
 * (no « résiliée » change effective on or before the date).
 */
export function conventionsInForce(date: string): RawBuilder<{ id: number }> {
  const year = Number(date.slice(0, 4));
  return sql<{ id: number }>`select c.id from convention c
    where c.start_year <= ${year} and c.end_year >= ${year}
      and exists (select 1 from signature_event s where s.convention_id = c.id and s.date <= ${date})
      and not exists (select 1 from convention_status_change sc where sc.convention_id = c.id and sc.to_status = 'resiliee'
        and coalesce(sc.effective_date, substr(sc.changed_at, 1, 10)) <= ${date})`;
}

/** (commune, convention) pairs of the perimeters of the conventions in force: EPCI and EPT reach their members. */
function coveredPairs(date: string, scope: ScopeFilter = { kind: 'france' }) {
  // The scope is applied to the communes here, not after: a département's dashboard then joins only
  // its own perimeters instead of every pair of France (40 ms → a few on the national dataset).
  return sql<{ commune_code: string; convention_id: number }>`select distinct com.code as commune_code, f.id as convention_id
    from (${conventionsInForce(date)}) f
    join convention_territory ct on ct.convention_id = f.id
    left join territory_member m on m.group_code = ct.territory_code
    join territory com on com.code = coalesce(m.member_code, ct.territory_code) and com.kind = 'commune' and ${scopeCondition(scope, 'com')}`;
}

function scopeCondition(scope: ScopeFilter, alias = 't') {
  if (scope.kind === 'departement') return sql`${sql.ref(`${alias}.departement_code`)} = ${scope.code}`;
  if (scope.kind === 'region') return sql`${sql.ref(`${alias}.region_code`)} = ${scope.code}`;
  return sql`1 = 1`;
}

export interface CoverageTotals {
  population: number;
  coveredPopulation: number;
  communeCount: number;
  coveredCommuneCount: number;
}

type TotalsRow = { population: unknown; covered_population: unknown; communes: unknown; covered_communes: unknown };
const toTotals = (r: TotalsRow | undefined): CoverageTotals => ({
  population: Number(r?.population ?? 0),
  coveredPopulation: Number(r?.covered_population ?? 0),
  communeCount: Number(r?.communes ?? 0),
  coveredCommuneCount: Number(r?.covered_communes ?? 0),
});

const totalsColumns = sql`coalesce(sum(t.population), 0) as population,
  coalesce(sum(case when cv.code is not null then t.population else 0 end), 0) as covered_population,
  count(*) as communes, count(cv.code) as covered_communes`;

/** Population and covered population of a scope; a commune covered twice counts once. */
export async function coverageTotals(db: Executor, scope: ScopeFilter, date: string): Promise<CoverageTotals> {
  const result = await sql<TotalsRow>`select ${totalsColumns}
    from territory t
    left join (select distinct p.commune_code as code from (${coveredPairs(date, scope)}) p) cv on cv.code = t.code
    where t.kind = 'commune' and ${scopeCondition(scope)}`.execute(db);
  return toTotals(result.rows[0]);
}

/** The same totals for every département (or région) at once, for the maps. */
export async function coverageByArea(db: Executor, by: 'departement' | 'region', date: string) {
  const column = by === 'departement' ? sql.ref('t.departement_code') : sql.ref('t.region_code');
  const result = await sql<TotalsRow & { area: string }>`select ${column} as area, ${totalsColumns}
    from territory t
    left join (select distinct p.commune_code as code from (${coveredPairs(date)}) p) cv on cv.code = t.code
    where t.kind = 'commune' and ${column} is not null
    group by ${column}
    order by ${column}`.execute(db);
  return result.rows.map((r) => ({ area: r.area, ...toTotals(r) }));
}

/** The communes of a scope (all, or only the covered ones), ordered by name. */
export async function communesOfScope(db: Executor, scope: ScopeFilter, date: string, coveredOnly: boolean) {
  const result = await sql<{ code: string; name: string; departement_code: string | null; population: number | null }>`
    select t.code, t.name, t.departement_code, t.population from territory t
    where t.kind = 'commune' and ${scopeCondition(scope)}
      ${coveredOnly ? sql`and t.code in (select p.commune_code from (${coveredPairs(date, scope)}) p)` : sql``}
    order by t.name, t.code`.execute(db);
  return result.rows;
}

/** Which conventions cover which commune of the scope. */
export async function coveringConventions(db: Executor, scope: ScopeFilter, date: string) {
  const result = await sql<{ commune_code: string; convention_id: number }>`
    select p.commune_code, p.convention_id from (${coveredPairs(date, scope)}) p
    join territory t on t.code = p.commune_code
    where ${scopeCondition(scope)}
    order by p.commune_code, p.convention_id`.execute(db);
  return result.rows.map((r) => ({ communeCode: r.commune_code, conventionId: Number(r.convention_id) }));
}

export async function findTerritoryName(db: Executor, code: string, kind: string) {
  const row = await db.selectFrom('territory').select(['name', 'region_code']).where('code', '=', code).where('kind', '=', kind).executeTakeFirst();
  return row ?? null;
}

export async function departementNames(db: Executor) {
  return db.selectFrom('territory').select(['code', 'name', 'region_code']).where('kind', '=', 'departement').orderBy('code').execute();
}

export async function regionHasCommunes(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('territory').select('code').where('kind', '=', 'commune').where('region_code', '=', code).limit(1).executeTakeFirst();
  return Boolean(row);
}

/** The last end year of any convention touching the scope, to bound the timeline. */
export async function lastEndYear(db: Executor): Promise<number | null> {
  const row = await db.selectFrom('convention').select((eb) => eb.fn.max('end_year').as('y')).executeTakeFirst();
  return row?.y == null ? null : Number(row.y);
}

export async function cafOfDepartement(db: Executor, departementCode: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'caf')
    .where('departement_code', '=', departementCode)
    .orderBy('id')
    .executeTakeFirst();
}

export async function conventionsInForceIds(db: Executor, date: string): Promise<number[]> {
  const result = await conventionsInForce(date).execute(db);
  return result.rows.map((r) => Number(r.id));
}
