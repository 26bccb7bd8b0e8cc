import type { Executor } from '../platform/db/schema.js';
import { invalidField } from '../platform/http/errors.js';
import { getConventionDetail } from '../conventions/conventions.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { DraftFacts, DraftSignature } from './draft.facts.js';
import * as repo from './news.repository.js';
import type { ConventionScope } from '../accounts/access.js';

/** The signatures a draft covers: those of the period, or the chosen ones (each must exist). */
export async function signaturesToCover(db: Executor, input: { from?: string; to?: string; signatureEventIds?: number[] }, scope: ConventionScope) {
  if (input.signatureEventIds) {
    const rows = await repo.signatureEventsByIds(db, input.signatureEventIds, scope);
    const found = new Set(rows.map((r) => r.id));
    const missing = input.signatureEventIds.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      throw invalidField(`signatureEventIds.${missing}`, `aucune signature n’a l’identifiant ${input.signatureEventIds[missing]}.`);
    }
    return rows;
  }
  return repo.signatureEventsInPeriod(db, input.from!, input.to!, scope);
}

/** Reads everything the generator needs about these signatures from the conventions themselves. */
export async function loadDraftFacts(db: Executor, events: { id: number; convention_id: number }[]): Promise<DraftFacts> {
  const conventions = new Map<number, ConventionDetail>();
  // One after the other: inside a transaction they share one connection.
  for (const conventionId of new Set(events.map((e) => e.convention_id))) {
    conventions.set(conventionId, await getConventionDetail(db, conventionId));
  }
  const themes = await listThemes(db);
  const signatures = events.map((event) => toDraftSignature(conventions.get(event.convention_id)!, event.id));
  return { signatures, themeLabels: Object.fromEntries(themes.map((t) => [t.code, t.label])) };
}

function toDraftSignature(convention: ConventionDetail, eventId: number): DraftSignature {
  const event = convention.signatureEvents.find((e) => e.id === eventId)!;
  const organisationOfParty = new Map(convention.parties.map((p) => [p.id, p.organisation]));
  const signing = convention.parties.filter((p) => p.role === 'signataire');
  return {
    eventId,
    conventionId: convention.id,
    date: event.date,
    place: event.place,
    kind: event.kind,
    territoryNames: convention.territories.map((t) => t.name),
    caf: { name: convention.caf.name, kind: convention.caf.kind },
    partners: signing.filter((p) => p.organisation.id !== convention.caf.id).map((p) => ({ name: p.organisation.name, kind: p.organisation.kind })),
    signatories: event.signatories.map((s) => {
      const org = s.partyId ? organisationOfParty.get(s.partyId) : undefined;
      return { fullName: s.person.fullName, capacity: s.capacity, organisation: org ? { name: org.name, kind: org.kind } : null };
    }),
    startYear: convention.startYear,
    endYear: convention.endYear,
    themes: convention.declaredThemes.length > 0 ? convention.declaredThemes : convention.themes,
    highlightedActions: convention.actions
      .filter((a) => a.highlighted)
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ title: a.title, labels: a.labels })),
  };
}
