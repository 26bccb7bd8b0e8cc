import type { Territory, TerritoryDetail } from '../../shared/api/territories.js';
import type { TerritoryKind } from '../../shared/enums.js';
import type { TerritoryRow } from './territories.repository.js';

export const presentTerritory = (row: TerritoryRow): Territory => ({
  code: row.code,
  kind: row.kind as TerritoryKind,
  name: row.name,
  departementCode: row.departement_code,
  population: row.population,
});

export const presentTerritoryDetail = (row: TerritoryRow, groups: TerritoryRow[], members: TerritoryRow[]): TerritoryDetail => ({
  ...presentTerritory(row),
  regionCode: row.region_code,
  postalCodes: row.postal_codes ? row.postal_codes.split(',') : [],
  groups: groups.map(presentTerritory),
  members: members.map(presentTerritory),
});
