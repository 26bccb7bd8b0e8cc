import type { Party, SignatureEvent } from '../../shared/api/signatures.js';
import type { OrganisationKind, SignatureEventKind } from '../../shared/enums.js';
import type { PartyRow, SignatoryRow, SignatureEventRow } from './signatures.repository.js';

export const presentParty = (row: PartyRow): Party => ({
  id: row.id,
  organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind as OrganisationKind },
  role: row.role as Party['role'],
  deliberationRef: row.deliberation_ref,
  deliberationDate: row.deliberation_date,
  commitments: row.commitments,
  position: row.position,
  version: row.version,
});

export const presentSignatureEvent = (row: SignatureEventRow, signatories: SignatoryRow[]): SignatureEvent => ({
  id: row.id,
  conventionId: row.convention_id,
  date: row.date,
  place: row.place,
  kind: row.kind as SignatureEventKind,
  description: row.description,
  version: row.version,
  signatories: signatories
    .filter((s) => s.signature_event_id === row.id)
    .map((s) => ({
      id: s.id,
      person: { id: s.person_id, firstName: s.first_name, lastName: s.last_name, fullName: `${s.first_name} ${s.last_name}` },
      partyId: s.party_id,
      organisationName: s.organisation_name,
      capacity: s.capacity,
      position: s.position,
    })),
});
