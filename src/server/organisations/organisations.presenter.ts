import type { Organisation, Person } from '../../shared/api/organisations.js';
import type { OrganisationKind } from '../../shared/enums.js';
import type { OrganisationRow, PersonRow, findMandatesOf } from './organisations.repository.js';

type MandateRow = Awaited<ReturnType<typeof findMandatesOf>>[number];

export const presentOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  kind: row.kind as OrganisationKind,
  name: row.name,
  territoryCode: row.territory_code,
  departementCode: row.departement_code,
  version: row.version,
});

export const fullName = (p: { first_name: string; last_name: string }): string => `${p.first_name} ${p.last_name}`;

export const presentPerson = (row: PersonRow, mandates: MandateRow[]): Person => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  fullName: fullName(row),
  version: row.version,
  mandates: mandates
    .filter((m) => m.person_id === row.id)
    .map((m) => ({
      id: m.id,
      capacity: m.capacity,
      startDate: m.start_date,
      endDate: m.end_date,
      organisation: { id: m.organisation_id, name: m.organisation_name, kind: m.organisation_kind as OrganisationKind },
    })),
});
