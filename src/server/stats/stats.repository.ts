import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

export async function conventionsByStatus(db: Executor, scope: ConventionScope) {
  const rows = await db
    .selectFrom('convention as c')
    .select(['c.status as status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope(sql.ref('c.id'), scope))
    .groupBy('c.status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

/** Distinct communes (directly or through a group) under a convention in force in the given year. */
export async function coverageInYear(db: Executor, year: number, statuses: readonly string[], scope: ConventionScope) {
  const result = await sql<{ communes: number; population: number }>`
    select count(*) as communes, coalesce(sum(population), 0) as population from (
      select distinct com.code, com.population
      from convention c
      join convention_territory ct on ct.convention_id = c.id
      left join territory_member m on m.group_code = ct.territory_code
      join territory com on com.code = coalesce(m.member_code, ct.territory_code) and com.kind = 'commune'
      where c.status in (${sql.join(statuses)}) and c.start_year <= ${year} and c.end_year >= ${year}
        and ${inScope(sql.ref('c.id'), scope)}
    ) covered`.execute(db);
  const row = result.rows[0];
  return { communes: Number(row?.communes ?? 0), population: Number(row?.population ?? 0) };
}

export async function themeCounts(db: Executor, scope: ConventionScope) {
  const result = await sql<{ code: string; label: string; convention_count: number; action_count: number }>`
    select t.code, t.label,
      (select count(*) from convention c where ${inScope(sql.ref('c.id'), scope)} and (exists (select 1 from convention_theme ct where ct.convention_id = c.id and ct.theme_code = t.code)
         or exists (select 1 from action a join action_theme at on at.action_id = a.id where a.convention_id = c.id and at.theme_code = t.code))) as convention_count,
      (select count(*) from action_theme at join action a on a.id = at.action_id
        where at.theme_code = t.code and ${inScope(sql.ref('a.convention_id'), scope)}) as action_count
    from theme t where t.active = 1 order by t.position, t.code`.execute(db);
  return result.rows.map((r) => ({ code: r.code, label: r.label, conventionCount: Number(r.convention_count), actionCount: Number(r.action_count) }));
}

export async function totals(db: Executor, scope: ConventionScope) {
  const conventions = await db
    .selectFrom('convention as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScope(sql.ref('c.id'), scope))
    .executeTakeFirst();
  const actions = await db
    .selectFrom('action as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScope(sql.ref('a.convention_id'), scope))
    .executeTakeFirst();
  return { conventions: Number(conventions?.n ?? 0), actions: Number(actions?.n ?? 0) };
}
