import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import { HttpError } from '../platform/http/errors.js';

const dateArray = (iso: string): DateArray => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};
const nextDay = (iso: string): DateArray => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
};

/** A whole-day event (dates, not times: no time zone can move it to the day before). */
function dayEvent(uid: string, day: string, title: string, description: string, location?: string | null): EventAttributes {
  return {
    uid,
    start: dateArray(day),
    end: nextDay(day),
    startInputType: 'utc',
    startOutputType: 'utc',
    title,
    description,
    ...(location ? { location } : {}),
    status: 'CONFIRMED',
    productId: 'pilote-ctg',
  };
}

/** The calendar of a convention: its signatures (convention and amendments) and its end date. */
export function conventionCalendar(c: ConventionDetail, host: string): string {
  const events: EventAttributes[] = c.signatureEvents.map((e) =>
    dayEvent(
      `signature-${e.id}@${host}`,
      e.date,
      `${e.kind === 'avenant' ? 'Signature d’un avenant' : 'Signature'} — ${c.title}`,
      [e.description, ...e.signatories.map((s) => `${s.person.fullName}, ${s.capacity}${s.organisationName ? ` (${s.organisationName})` : ''}`)].filter(Boolean).join('\n'),
      e.place,
    ),
  );
  events.push(dayEvent(`echeance-${c.id}@${host}`, `${c.endYear}-12-31`, `Échéance — ${c.title}`, 'Dernier jour de la convention : l’évaluation finale prépare son renouvellement.'));
  const { error, value } = createEvents(events, { productId: 'pilote-ctg', calName: c.title, method: 'PUBLISH' });
  if (error || !value) throw new HttpError(500, 'calendar', 'Le calendrier n’a pas pu être produit.');
  return value;
}
