import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidField, notFound } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireTerritories } from '../territories/territories.service.js';
import type { TerritoryRow } from '../territories/territories.repository.js';
import { withDe } from '../../shared/text.js';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../shared/enums.js';
import type { OrganisationCreateInput, PersonCreateInput } from '../../shared/api/organisations.js';
import * as repo from './organisations.repository.js';
import { principalOf, requireAnyCafRole } from '../accounts/access.js';
import { presentOrganisation, presentPerson } from './organisations.presenter.js';

export async function listOrganisations(db: Executor, filter: { kind?: string; q?: string; limit: number }) {
  return (await repo.listOrganisations(db, filter)).map(presentOrganisation);
}

export async function getOrganisation(db: Executor, id: number) {
  const row = await repo.findOrganisation(db, id);
  if (!row) throw notFound(`Organisation ${id}`);
  return presentOrganisation(row);
}

/** The organisation must exist (and be of the given kind); the error names the field. */
export async function requireOrganisation(db: Executor, id: number, field: string, kind?: OrganisationKind) {
  const row = await repo.findOrganisation(db, id);
  if (!row) throw invalidField(field, `aucune organisation n’a l’identifiant ${id}.`);
  if (kind && row.kind !== kind) {
    throw invalidField(field, `l’organisation « ${row.name} » n’est pas de type ${ORGANISATION_KIND_LABELS[kind]}.`);
  }
  return row;
}

export async function createOrganisation(ctx: ServiceContext, input: OrganisationCreateInput) {
  requireAnyCafRole(principalOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    if (input.territoryCode) await requireTerritories(trx, [input.territoryCode], 'territoryCode');
    const now = nowIso();
    const values = {
      kind: input.kind,
      name: input.name,
      territory_code: input.territoryCode ?? null,
      departement_code: input.departementCode ?? null,
      created_at: now,
      updated_at: now,
    };
    const id = await repo.insertOrganisation(trx, values);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'organisation', entityId: id, operation: 'create', after: values });
    return presentOrganisation((await repo.findOrganisation(trx, id))!);
  });
}

const ORGANISATION_NAME: Record<string, (name: string) => string> = {
  commune: (name) => `Ville ${withDe(name)}`,
  epci: (name) => name,
  ept: (name) => name,
  departement: (name) => `Conseil départemental (${name})`,
};

/** The local authority of a territory, created the first time a convention names it. */
export async function organisationForTerritory(ctx: ServiceContext, db: Executor, territory: TerritoryRow) {
  const existing = await repo.findOrganisationOfTerritory(db, territory.code);
  if (existing) return existing;
  const now = nowIso();
  const values = {
    kind: territory.kind,
    name: (ORGANISATION_NAME[territory.kind] ?? ((n: string) => n))(territory.name),
    territory_code: territory.code,
    departement_code: territory.departement_code,
    created_at: now,
    updated_at: now,
  };
  const id = await repo.insertOrganisation(db, values);
  await recordAudit(db, { actor: ctx.actor, entityType: 'organisation', entityId: id, operation: 'create', after: values });
  return (await repo.findOrganisation(db, id))!;
}

export async function listPersons(db: Executor, filter: { q?: string; organisation?: number; limit: number }) {
  const rows = await repo.listPersons(db, filter);
  const mandates = await repo.findMandatesOf(db, rows.map((r) => r.id));
  return rows.map((r) => presentPerson(r, mandates));
}

export async function getPerson(db: Executor, id: number) {
  const [row] = await repo.findPersons(db, [id]);
  if (!row) throw notFound(`Personne ${id}`);
  return presentPerson(row, await repo.findMandatesOf(db, [id]));
}

export async function createPerson(ctx: ServiceContext, input: PersonCreateInput) {
  requireAnyCafRole(principalOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    for (const [index, mandate] of input.mandates.entries()) {
      await requireOrganisation(trx, mandate.organisationId, `mandates.${index}.organisationId`);
    }
    const id = await repo.insertPerson(trx, input.firstName, input.lastName, nowIso());
    await repo.insertMandates(
      trx,
      input.mandates.map((m) => ({
        person_id: id,
        organisation_id: m.organisationId,
        capacity: m.capacity,
        start_date: m.startDate ?? null,
        end_date: m.endDate ?? null,
      })),
    );
    await recordAudit(trx, { actor: ctx.actor, entityType: 'person', entityId: id, operation: 'create', after: input });
    return getPerson(trx, id);
  });
}

/** Every person must exist; the error names the offending entry. */
export async function requirePersons(db: Executor, ids: readonly number[], fieldOf: (index: number) => string) {
  const rows = await repo.findPersons(db, ids);
  const known = new Set(rows.map((r) => r.id));
  ids.forEach((id, index) => {
    if (!known.has(id)) throw invalidField(fieldOf(index), `aucune personne n’a l’identifiant ${id}.`);
  });
}
