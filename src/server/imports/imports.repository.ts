import type { Executor } from '../platform/db/schema.js';
import type { Gazetteer, Place } from './gazetteer.js';

const CHUNK = 400;
const columns = ['code', 'kind', 'name', 'search_name', 'departement_code', 'population'] as const;
type Row = { code: string; kind: string; name: string; search_name: string; departement_code: string | null; population: number | null };
const toPlace = (r: Row): Place => ({ code: r.code, kind: r.kind, name: r.name, searchName: r.search_name, departementCode: r.departement_code, population: r.population });

/** The COG referential of the database, as the extraction sees it. */
export function databaseGazetteer(db: Executor): Gazetteer {
  let groups: Promise<Place[]> | null = null;
  let departements: Promise<Place[]> | null = null;
  return {
    async findByNames(keys) {
      const places: Place[] = [];
      const unique = [...new Set(keys)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = await db.selectFrom('territory').select(columns).where('search_name', 'in', unique.slice(i, i + CHUNK)).execute();
        places.push(...rows.map(toPlace));
      }
      return places;
    },
    groups() {
      groups ??= db.selectFrom('territory').select(columns).where('kind', 'in', ['epci', 'ept']).execute().then((rows) => rows.map(toPlace));
      return groups;
    },
    departements() {
      departements ??= db.selectFrom('territory').select(columns).where('kind', '=', 'departement').execute().then((rows) => rows.map(toPlace));
      return departements;
    },
  };
}

export async function insertConventionSource(
  db: Executor,
  values: { convention_id: number; source_name: string | null; text: string; created_at: string; actor: string },
): Promise<void> {
  await db.insertInto('convention_source').values(values).execute();
}

export async function findConventionSource(db: Executor, conventionId: number) {
  return db
    .selectFrom('convention_source')
    .select(['convention_id', 'source_name', 'text', 'created_at'])
    .where('convention_id', '=', conventionId)
    .executeTakeFirst();
}

/** Persons whose accent-free full name is this one. */
export async function findPersonsByName(db: Executor, searchName: string) {
  return db.selectFrom('person').select(['id', 'first_name', 'last_name']).where('search_name', '=', searchName).orderBy('id').execute();
}

export async function conventionVersion(db: Executor, conventionId: number): Promise<number> {
  const row = await db.selectFrom('convention').select('version').where('id', '=', conventionId).executeTakeFirstOrThrow();
  return row.version;
}

/** An organisation of this kind whose name reads the same (accents, case and spacing aside). */
export async function findOrganisationByName(db: Executor, kind: string, searchName: string) {
  return db.selectFrom('organisation').select('id').where('kind', '=', kind).where('search_name', '=', searchName).orderBy('id').executeTakeFirst();
}
