import type { Executor, OrganisationTable } from '../platform/db/schema.js';
import { likeContains } from '../platform/db/dialect.js';
import { normalizeForSearch } from '../../shared/text.js';

export type OrganisationRow = {
  id: number;
  kind: string;
  name: string;
  territory_code: string | null;
  departement_code: string | null;
  version: number;
};
const orgColumns = ['id', 'kind', 'name', 'territory_code', 'departement_code', 'version'] as const;

export async function listOrganisations(db: Executor, filter: { kind?: string; q?: string; limit: number }) {
  let q = db.selectFrom('organisation').select(orgColumns);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.q) q = q.where('search_name', 'like', likeContains(normalizeForSearch(filter.q)));
  return q.orderBy('name').orderBy('id').limit(filter.limit).execute();
}

export const findOrganisation = (db: Executor, id: number): Promise<OrganisationRow | undefined> =>
  db.selectFrom('organisation').select(orgColumns).where('id', '=', id).executeTakeFirst();

export async function findOrganisations(db: Executor, ids: readonly number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisation').select(orgColumns).where('id', 'in', ids).execute();
}

export const findOrganisationOfTerritory = (db: Executor, territoryCode: string): Promise<OrganisationRow | undefined> =>
  db
    .selectFrom('organisation')
    .select(orgColumns)
    .where('territory_code', '=', territoryCode)
    .where('kind', 'in', ['commune', 'epci', 'ept', 'departement'])
    .orderBy('id')
    .executeTakeFirst();

export async function insertOrganisation(
  db: Executor,
  values: Omit<OrganisationTable, 'id' | 'version' | 'search_name'>,
): Promise<number> {
  const row = await db
    .insertInto('organisation')
    .values({ ...values, search_name: normalizeForSearch(values.name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type PersonRow = { id: number; first_name: string; last_name: string; version: number };

export async function listPersons(db: Executor, filter: { q?: string; organisation?: number; limit: number }) {
  let q = db.selectFrom('person').select(['id', 'first_name', 'last_name', 'version']);
  if (filter.q) q = q.where('search_name', 'like', likeContains(normalizeForSearch(filter.q)));
  if (filter.organisation) {
    const orgId = filter.organisation;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('mandate').select('mandate.id').whereRef('mandate.person_id', '=', 'person.id').where('mandate.organisation_id', '=', orgId),
      ),
    );
  }
  return q.orderBy('last_name').orderBy('first_name').orderBy('id').limit(filter.limit).execute();
}

export async function findPersons(db: Executor, ids: readonly number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').select(['id', 'first_name', 'last_name', 'version']).where('id', 'in', ids).execute();
}

export async function insertPerson(db: Executor, firstName: string, lastName: string, now: string): Promise<number> {
  const row = await db
    .insertInto('person')
    .values({
      first_name: firstName,
      last_name: lastName,
      search_name: normalizeForSearch(`${firstName} ${lastName}`),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMandates(
  db: Executor,
  rows: { person_id: number; organisation_id: number; capacity: string; start_date: string | null; end_date: string | null }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('mandate').values(rows).execute();
}

export async function findMandatesOf(db: Executor, personIds: readonly number[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('mandate as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.person_id', 'm.capacity', 'm.start_date', 'm.end_date', 'o.id as organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('m.person_id', 'in', personIds)
    .orderBy('m.id')
    .execute();
}
