import type { Executor } from '../platform/db/schema.js';
import { invalidField, notFound } from '../platform/http/errors.js';
import type { TerritorySearchQuery } from '../../shared/api/territories.js';
import * as repo from './territories.repository.js';
import { presentTerritory, presentTerritoryDetail } from './territories.presenter.js';

export async function searchTerritories(db: Executor, query: TerritorySearchQuery) {
  return (await repo.searchTerritories(db, query)).map(presentTerritory);
}

export async function getTerritory(db: Executor, code: string) {
  const [row] = await repo.findTerritories(db, [code]);
  if (!row) throw notFound(`Territoire ${code}`);
  const groups = row.kind === 'commune' ? await repo.findGroupsOf(db, code) : [];
  if (row.kind === 'commune' && row.departement_code) {
    groups.push(...(await repo.findTerritories(db, [row.departement_code])));
  }
  const members = row.kind === 'commune' ? [] : await repo.findMembersOf(db, row);
  return presentTerritoryDetail(row, groups, members);
}

/** Every code must exist in the referential; the error names the offending entry. */
export async function requireTerritories(db: Executor, codes: readonly string[], field: string) {
  const rows = await repo.findTerritories(db, codes);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  codes.forEach((code, index) => {
    if (!byCode.has(code)) {
      throw invalidField(`${field}.${index}`, `aucun territoire du Code officiel géographique n’a le code ${code}.`);
    }
  });
  return codes.map((code) => byCode.get(code)!);
}
