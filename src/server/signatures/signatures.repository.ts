import type { Executor, PartyTable, SignatureEventTable } from '../platform/db/schema.js';

export async function listParties(db: Executor, conventionIds: readonly number[]) {
  if (conventionIds.length === 0) return [];
  return db
    .selectFrom('party as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id', 'p.convention_id', 'p.role', 'p.deliberation_ref', 'p.deliberation_date', 'p.commitments', 'p.position',
      'p.version', 'o.id as organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind',
    ])
    .where('p.convention_id', 'in', conventionIds)
    .orderBy('p.convention_id')
    .orderBy('p.position')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof listParties>>[number];

export const findPartyRow = (db: Executor, id: number) =>
  db.selectFrom('party').selectAll().where('id', '=', id).executeTakeFirst();

export async function nextPartyPosition(db: Executor, conventionId: number): Promise<number> {
  const row = await db.selectFrom('party').select((eb) => eb.fn.max('position').as('max')).where('convention_id', '=', conventionId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertParty(db: Executor, values: Omit<PartyTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('party').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateParty(db: Executor, id: number, version: number, changes: Partial<Omit<PartyTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('party')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listSignatureEvents(db: Executor, conventionIds: readonly number[]) {
  if (conventionIds.length === 0) return [];
  return db
    .selectFrom('signature_event')
    .select(['id', 'convention_id', 'date', 'place', 'kind', 'description', 'version'])
    .where('convention_id', 'in', conventionIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
}
export type SignatureEventRow = Awaited<ReturnType<typeof listSignatureEvents>>[number];

export const findSignatureEventRow = (db: Executor, id: number) =>
  db.selectFrom('signature_event').select(['id', 'convention_id', 'date', 'place', 'kind', 'description', 'version']).where('id', '=', id).executeTakeFirst();

export async function listSignatories(db: Executor, eventIds: readonly number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('signatory as s')
    .innerJoin('person as pe', 'pe.id', 's.person_id')
    .leftJoin('party as pa', 'pa.id', 's.party_id')
    .leftJoin('organisation as o', 'o.id', 'pa.organisation_id')
    .select([
      's.id', 's.signature_event_id', 's.party_id', 's.capacity', 's.position', 'pe.id as person_id',
      'pe.first_name', 'pe.last_name', 'o.name as organisation_name',
    ])
    .where('s.signature_event_id', 'in', eventIds)
    .orderBy('s.signature_event_id')
    .orderBy('s.position')
    .execute();
}
export type SignatoryRow = Awaited<ReturnType<typeof listSignatories>>[number];

export async function insertSignatureEvent(db: Executor, values: Omit<SignatureEventTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('signature_event').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateSignatureEvent(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<Omit<SignatureEventTable, 'id' | 'version'>>,
) {
  const result = await db
    .updateTable('signature_event')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceSignatories(
  db: Executor,
  eventId: number,
  signatories: { personId: number; partyId?: number | null; capacity: string }[],
): Promise<void> {
  await db.deleteFrom('signatory').where('signature_event_id', '=', eventId).execute();
  if (signatories.length === 0) return;
  await db
    .insertInto('signatory')
    .values(
      signatories.map((s, index) => ({
        signature_event_id: eventId,
        person_id: s.personId,
        party_id: s.partyId ?? null,
        capacity: s.capacity,
        position: index + 1,
      })),
    )
    .execute();
}

export async function countSignatureEvents(db: Executor, conventionId: number): Promise<number> {
  const row = await db.selectFrom('signature_event').select((eb) => eb.fn.countAll<number>().as('n')).where('convention_id', '=', conventionId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
