import type { Db, Executor, TerritoryTable } from '../platform/db/schema.js';
import { normalizeForSearch } from '../../shared/text.js';
import { readCogData, type CogData, type CogGroup } from './cog-source.js';

export interface LoadTerritoriesOptions {
  /** Only these départements, their communes and the EPCI/EPT that have members there. */
  departements?: string[];
  data?: CogData;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadTerritoriesResult {
  communes: number;
  departements: number;
  groups: number;
  memberships: number;
}

const CHUNK = 500;

/**
 * Loads the Code officiel géographique into `territory` and `territory_member`.
 * Idempotent: rows are upserted and each loaded group's membership is replaced, in one transaction.
 */
export async function loadTerritories(db: Db, options: LoadTerritoriesOptions = {}): Promise<LoadTerritoriesResult> {
  const data = options.data ?? readCogData();
  const wanted = options.departements ? new Set(options.departements) : null;
  const communes = data.communes.filter((c) => c.departement && (!wanted || wanted.has(c.departement)));
  const populationOf = new Map(data.communes.map((c) => [c.code, c.population ?? 0]));
  const loadedCodes = new Set(communes.map((c) => c.code));
  const departementOf = new Map(data.communes.map((c) => [c.code, c.departement ?? null]));

  const communeRows: TerritoryTable[] = communes.map((c) =>
    row(c.code, 'commune', c.nom, c.departement ?? null, c.region ?? null, c.population ?? null, c.codesPostaux ?? []),
  );
  const departementRows: TerritoryTable[] = data.departements
    .filter((d) => !wanted || wanted.has(d.code))
    .map((d) => {
      const population = data.communes.filter((c) => c.departement === d.code).reduce((s, c) => s + (c.population ?? 0), 0);
      return row(d.code, 'departement', d.nom, d.code, d.region, population, []);
    });
  const groups = [
    ...data.epci.map((g) => ({ group: g, kind: 'epci' })),
    ...data.ept.map((g) => ({ group: g, kind: 'ept' })),
  ].filter(({ group }) => group.membres.some((m) => loadedCodes.has(m.code)));
  const groupRows = groups.map(({ group, kind }) => groupRow(group, kind, populationOf, departementOf));
  const memberships = groups.flatMap(({ group }) =>
    group.membres.filter((m) => loadedCodes.has(m.code)).map((m) => ({ group_code: group.code, member_code: m.code })),
  );

  const territoryRows = [...departementRows, ...communeRows, ...groupRows];
  const total = territoryRows.length + memberships.length;
  await db.transaction().execute(async (trx) => {
    let done = 0;
    for (let i = 0; i < territoryRows.length; i += CHUNK) {
      await upsertTerritories(trx, territoryRows.slice(i, i + CHUNK));
      done += Math.min(CHUNK, territoryRows.length - i);
      options.onProgress?.(done, total);
    }
    const groupCodes = groupRows.map((g) => g.code);
    for (let i = 0; i < groupCodes.length; i += CHUNK) {
      await trx.deleteFrom('territory_member').where('group_code', 'in', groupCodes.slice(i, i + CHUNK)).execute();
    }
    for (let i = 0; i < memberships.length; i += CHUNK) {
      await trx.insertInto('territory_member').values(memberships.slice(i, i + CHUNK)).execute();
      done += Math.min(CHUNK, memberships.length - i);
      options.onProgress?.(done, total);
    }
  });
  return {
    communes: communeRows.length,
    departements: departementRows.length,
    groups: groupRows.length,
    memberships: memberships.length,
  };
}

function row(
  code: string,
  kind: string,
  name: string,
  departementCode: string | null,
  regionCode: string | null,
  population: number | null,
  postalCodes: string[],
): TerritoryTable {
  return {
    code,
    kind,
    name,
    search_name: normalizeForSearch(name),
    departement_code: departementCode,
    region_code: regionCode,
    population,
    postal_codes: postalCodes.join(','),
  };
}

/** EPCI and EPT get their population from the same commune figures, and the département of most members. */
function groupRow(
  group: CogGroup,
  kind: string,
  populationOf: Map<string, number>,
  departementOf: Map<string, string | null>,
): TerritoryTable {
  const population = group.membres.reduce((sum, m) => sum + (populationOf.get(m.code) ?? 0), 0);
  const counts = new Map<string, number>();
  for (const m of group.membres) {
    const dep = departementOf.get(m.code);
    if (dep) counts.set(dep, (counts.get(dep) ?? 0) + 1);
  }
  const mainDepartement = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return row(group.code, kind, group.nom, mainDepartement, null, population, []);
}

async function upsertTerritories(db: Executor, rows: TerritoryTable[]): Promise<void> {
  await db
    .insertInto('territory')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name: eb.ref('excluded.name'),
        search_name: eb.ref('excluded.search_name'),
        departement_code: eb.ref('excluded.departement_code'),
        region_code: eb.ref('excluded.region_code'),
        population: eb.ref('excluded.population'),
        postal_codes: eb.ref('excluded.postal_codes'),
      })),
    )
    .execute();
}
