import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireOrganisation, requirePersons } from '../organisations/organisations.service.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import type {
  Party,
  PartyCreateInput,
  PartyUpdateInput,
  SignatureEvent,
  SignatureEventCreateInput,
  SignatureEventUpdateInput,
} from '../../shared/api/signatures.js';
import * as repo from './signatures.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { presentParty, presentSignatureEvent } from './signatures.presenter.js';

export async function listPartiesOf(db: Executor, conventionIds: number[]): Promise<Party[]> {
  return (await repo.listParties(db, conventionIds)).map(presentParty);
}

export async function listSignatureEventsOf(db: Executor, conventionIds: number[]): Promise<SignatureEvent[]> {
  const events = await repo.listSignatureEvents(db, conventionIds);
  const signatories = await repo.listSignatories(db, events.map((e) => e.id));
  return events.map((e) => presentSignatureEvent(e, signatories));
}

async function conventionOfParty(db: Executor, id: number): Promise<number> {
  return (await repo.findPartyRow(db, id))!.convention_id;
}

async function getParty(db: Executor, id: number): Promise<Party> {
  const row = await repo.findPartyRow(db, id);
  if (!row) throw notFound(`Partie ${id}`);
  return (await listPartiesOf(db, [row.convention_id])).find((p) => p.id === id)!;
}

export async function getSignatureEvent(db: Executor, id: number): Promise<SignatureEvent> {
  const row = await repo.findSignatureEventRow(db, id);
  if (!row) throw notFound(`Signature ${id}`);
  return presentSignatureEvent(row, await repo.listSignatories(db, [id]));
}

/** Adds an organisation as a party; used by the API and when a convention is created. */
export async function addParty(ctx: ServiceContext, db: Executor, conventionId: number, input: PartyCreateInput): Promise<Party> {
  await requireOrganisation(db, input.organisationId, 'organisationId');
  const existing = await repo.listParties(db, [conventionId]);
  if (existing.some((p) => p.organisation_id === input.organisationId)) {
    throw new HttpError(409, 'duplicate', 'Cette organisation est déjà partie à la convention.', [
      { path: 'organisationId', message: 'Organisation déjà partie à la convention.' },
    ]);
  }
  const now = nowIso();
  const id = await repo.insertParty(db, {
    convention_id: conventionId,
    organisation_id: input.organisationId,
    role: input.role ?? 'signataire',
    deliberation_ref: input.deliberationRef ?? null,
    deliberation_date: input.deliberationDate ?? null,
    commitments: input.commitments ?? null,
    position: await repo.nextPartyPosition(db, conventionId),
    created_at: now,
    updated_at: now,
  });
  const party = await getParty(db, id);
  await recordAudit(db, { actor: ctx.actor, entityType: 'party', entityId: id, operation: 'create', after: party });
  return party;
}

export async function createParty(ctx: ServiceContext, conventionId: number, input: PartyCreateInput): Promise<Party> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'edit');
    const party = await addParty(ctx, trx, conventionId, input);
    await touchConvention(trx, conventionId, nowIso());
    return party;
  });
}

export async function updateParty(ctx: ServiceContext, id: number, input: PartyUpdateInput): Promise<Party> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getParty(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), await conventionOfParty(trx, id), 'edit');
    const now = nowIso();
    const ok = await repo.updateParty(trx, id, input.version, {
      ...(input.role !== undefined && { role: input.role }),
      ...(input.deliberationRef !== undefined && { deliberation_ref: input.deliberationRef }),
      ...(input.deliberationDate !== undefined && { deliberation_date: input.deliberationDate }),
      ...(input.commitments !== undefined && { commitments: input.commitments }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(before);
    const after = await getParty(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'party', entityId: id, operation: 'update', before, after });
    return after;
  });
}

/** Signatories must be known persons, and their party one of this convention's. */
async function checkSignatories(db: Executor, conventionId: number, signatories: SignatureEventCreateInput['signatories']) {
  await requirePersons(db, signatories.map((s) => s.personId), (i) => `signatories.${i}.personId`);
  const partyIds = new Set((await repo.listParties(db, [conventionId])).map((p) => p.id));
  signatories.forEach((s, i) => {
    if (s.partyId && !partyIds.has(s.partyId)) {
      throw invalidField(`signatories.${i}.partyId`, `la partie ${s.partyId} n’est pas partie à cette convention.`);
    }
  });
}

export async function createSignatureEvent(
  ctx: ServiceContext,
  conventionId: number,
  input: SignatureEventCreateInput,
): Promise<SignatureEvent> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'edit');
    await checkSignatories(trx, conventionId, input.signatories);
    const now = nowIso();
    const id = await repo.insertSignatureEvent(trx, {
      convention_id: conventionId,
      date: input.date,
      place: input.place ?? null,
      kind: input.kind,
      description: input.description ?? null,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceSignatories(trx, id, input.signatories);
    await touchConvention(trx, conventionId, now);
    const event = await getSignatureEvent(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'signature_event', entityId: id, operation: 'create', after: event });
    return event;
  });
}

export async function updateSignatureEvent(ctx: ServiceContext, id: number, input: SignatureEventUpdateInput): Promise<SignatureEvent> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSignatureEvent(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'edit');
    if (input.signatories) await checkSignatories(trx, before.conventionId, input.signatories);
    const now = nowIso();
    const ok = await repo.updateSignatureEvent(trx, id, input.version, {
      ...(input.date !== undefined && { date: input.date }),
      ...(input.place !== undefined && { place: input.place }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.description !== undefined && { description: input.description }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(before);
    if (input.signatories) await repo.replaceSignatories(trx, id, input.signatories);
    await touchConvention(trx, before.conventionId, now);
    const after = await getSignatureEvent(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'signature_event', entityId: id, operation: 'update', before, after });
    return after;
  });
}
