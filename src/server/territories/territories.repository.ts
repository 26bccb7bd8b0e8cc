import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { likeContains, likePrefix } from '../platform/db/dialect.js';
import { normalizeForSearch } from '../../shared/text.js';
import type { TerritorySearchQuery } from '../../shared/api/territories.js';

const columns = ['code', 'kind', 'name', 'departement_code', 'region_code', 'population', 'postal_codes'] as const;
export type TerritoryRow = {
  code: string;
  kind: string;
  name: string;
  departement_code: string | null;
  region_code: string | null;
  population: number | null;
  postal_codes: string;
};

export async function searchTerritories(db: Executor, query: TerritorySearchQuery): Promise<TerritoryRow[]> {
  let q = db.selectFrom('territory').select(columns);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.departement) q = q.where('departement_code', '=', query.departement);
  const text = query.q ? normalizeForSearch(query.q) : '';
  if (/^[0-9][0-9ab]/.test(text)) {
    q = q.where('code', 'like', likePrefix(text.toUpperCase()));
  } else if (text) {
    q = q.where('search_name', 'like', likeContains(text));
    q = q.orderBy(sql`case when search_name like ${likePrefix(text)} then 0 else 1 end`);
  }
  return q
    .orderBy(sql`coalesce(population, 0)`, 'desc')
    .orderBy('code')
    .limit(query.limit)
    .execute();
}

export async function findTerritories(db: Executor, codes: readonly string[]): Promise<TerritoryRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('territory').select(columns).where('code', 'in', codes).execute();
}

/** Groups (EPCI, EPT) a commune belongs to. */
export async function findGroupsOf(db: Executor, communeCode: string): Promise<TerritoryRow[]> {
  return db
    .selectFrom('territory_member as m')
    .innerJoin('territory as t', 't.code', 'm.group_code')
    .select(columns.map((c) => `t.${c}` as const))
    .where('m.member_code', '=', communeCode)
    .orderBy('t.kind')
    .execute();
}

/** Communes of a group, or of a département. */
export async function findMembersOf(db: Executor, territory: TerritoryRow): Promise<TerritoryRow[]> {
  if (territory.kind === 'departement') {
    return db
      .selectFrom('territory')
      .select(columns)
      .where('kind', '=', 'commune')
      .where('departement_code', '=', territory.code)
      .orderBy('name')
      .execute();
  }
  return db
    .selectFrom('territory_member as m')
    .innerJoin('territory as t', 't.code', 'm.member_code')
    .select(columns.map((c) => `t.${c}` as const))
    .where('m.group_code', '=', territory.code)
    .orderBy('t.name')
    .execute();
}

export async function countTerritories(db: Executor): Promise<number> {
  const row = await db.selectFrom('territory').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
