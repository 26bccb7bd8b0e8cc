import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import { HttpError } from '../platform/http/errors.js';
import type { MyFollowUp } from '../../shared/api/my-follow-up.js';
import { REVIEW_KIND_LABELS, type ReviewKind } from '../../shared/plan.js';
import type { MeetingEventRow } from './calendar-feed.repository.js';

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

const calendarOf = (events: EventAttributes[], calName: string): string => {
  if (!events.length) {
    // ics refuses an empty list, yet a person with nothing due yet still subscribes to a valid calendar.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:pilote-ctg', 'METHOD:PUBLISH', `X-WR-CALNAME:${calName}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(events, { productId: 'pilote-ctg', calName, method: 'PUBLISH' });
  if (error || !value) throw new HttpError(500, 'calendar', 'Le calendrier n’a pas pu être produit.');
  return value;
};

/** A meeting at its local time (floating: 14 h 30 stays 14 h 30 in every calendar). */
function meetingEvent(m: MeetingEventRow, host: string): EventAttributes {
  const [date, time] = m.starts_at.split('T') as [string, string];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return {
    uid: `reunion-${m.id}@${host}`,
    start: [...dateArray(date), h, min] as DateArray,
    startInputType: 'local',
    startOutputType: 'local',
    duration: { minutes: m.duration_minutes },
    title: `${m.body_name} — ${m.convention_title}`,
    description: m.visio_url ? `Visioconférence : ${m.visio_url}` : 'Réunion de gouvernance de la convention.',
    ...(m.place ? { location: m.place } : {}),
    ...(m.visio_url ? { url: m.visio_url } : {}),
    status: 'CONFIRMED',
    productId: 'pilote-ctg',
  };
}

export interface PersonCalendarItems {
  owner: string;
  signatures: { id: number; date: string; place: string | null; kind: string; description: string | null; convention_title: string }[];
  conventions: { id: number; title: string; end_year: number }[];
  actions: MyFollowUp['actions'];
  reviews: MyFollowUp['reviews'];
  meetings: MeetingEventRow[];
}

/** A person's calendar: signatures and ends of the conventions they see, their actions' end dates, reviews to validate. */
export function personCalendar(items: PersonCalendarItems, host: string): string {
  const events: EventAttributes[] = [
    ...items.signatures.map((e) =>
      dayEvent(`signature-${e.id}@${host}`, e.date, `${e.kind === 'avenant' ? 'Signature d’un avenant' : 'Signature'} — ${e.convention_title}`, e.description ?? '', e.place),
    ),
    ...items.conventions.map((c) => dayEvent(`echeance-${c.id}@${host}`, `${c.end_year}-12-31`, `Échéance — ${c.title}`, 'Dernier jour de la convention.')),
    ...items.actions.map((a) => dayEvent(`action-${a.id}-fin@${host}`, a.endDate!, `Fin prévue — ${a.title}`, `Action de la convention « ${a.conventionTitle} », avancement ${a.progress} %.`)),
    ...items.reviews.map((r) =>
      dayEvent(`bilan-${r.id}@${host}`, r.snapshotDate, `${REVIEW_KIND_LABELS[r.kind as ReviewKind] ?? 'Bilan'} ${r.year} à valider — ${r.conventionTitle}`, 'Date d’arrêt du bilan en brouillon.'),
    ),
    ...items.meetings.map((m) => meetingEvent(m, host)),
  ];
  return calendarOf(events, `Pilote CTG — ${items.owner}`);
}

/** The calendar of a convention: its signatures (convention and amendments), its meetings and its end date. */
export function conventionCalendar(c: ConventionDetail, host: string, meetings: MeetingEventRow[] = []): string {
  const events: EventAttributes[] = c.signatureEvents.map((e) =>
    dayEvent(
      `signature-${e.id}@${host}`,
      e.date,
      `${e.kind === 'avenant' ? 'Signature d’un avenant' : 'Signature'} — ${c.title}`,
      [e.description, ...e.signatories.map((s) => `${s.person.fullName}, ${s.capacity}${s.organisationName ? ` (${s.organisationName})` : ''}`)].filter(Boolean).join('\n'),
      e.place,
    ),
  );
  events.push(...meetings.map((m) => meetingEvent(m, host)));
  events.push(dayEvent(`echeance-${c.id}@${host}`, `${c.endYear}-12-31`, `Échéance — ${c.title}`, 'Dernier jour de la convention : l’évaluation finale prépare son renouvellement.'));
  return calendarOf(events, c.title);
}
