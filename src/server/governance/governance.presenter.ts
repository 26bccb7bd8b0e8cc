import { BODY_KIND_SHORT, FREQUENCY_MONTHS, type Body, type BodyKind, type Decision, type Meeting, type MeetingListItem } from '../../shared/api/governance.js';
import { formatLongDate } from '../../shared/format.js';
import { renderMarkdown } from '../news/news.render.js';
import type { BodyRow, DecisionRow, MeetingRow } from './governance.repository.js';

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** « 2026-12-15T14:30 » → « 15 décembre 2026 à 14 h 30 ». */
export function formatMeetingDate(startsAt: string): string {
  const [day, time] = startsAt.split('T') as [string, string];
  return `${formatLongDate(day)} à ${time.replace(':', ' h ')}`;
}

/** « COPIL du 15 décembre 2026 », or the body's own name for the other bodies: the origin written in histories. */
export function meetingTitle(body: Pick<BodyRow, 'kind' | 'name'>, startsAt: string): string {
  const who = body.kind === 'copil' ? BODY_KIND_SHORT.copil : body.name;
  return `${who} du ${formatLongDate(startsAt.slice(0, 10))}`;
}

function addMonths(isoDateTime: string, months: number): string {
  const date = new Date(`${isoDateTime.slice(0, 10)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

export function presentBody(row: BodyRow, dates: { last: string | null; next: string | null } | undefined): Body {
  const frequency = row.frequency as Body['frequency'];
  const months = FREQUENCY_MONTHS[frequency];
  const last = dates?.last ?? null;
  return {
    id: row.id,
    conventionId: row.convention_id,
    kind: row.kind as BodyKind,
    name: row.name,
    frequency,
    members: parse<Body['members']>(row.members, []).map((m) => ({ name: m.name, organisation: m.organisation ?? null, role: m.role ?? null, email: m.email ?? null })),
    lastMeetingAt: last,
    nextMeetingAt: dates?.next ?? null,
    nextDueBy: last && months ? addMonths(last, months) : null,
    version: row.version,
  };
}

export function presentDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.kind as Decision['kind'],
    summary: row.summary,
    payload: parse<Record<string, unknown>>(row.payload, {}),
    status: row.status as Decision['status'],
    resultRef: row.result_ref,
    followUp: row.follow_up,
    appliedAt: row.applied_at,
  };
}

export function presentMeetingItem(row: MeetingRow, body: BodyRow): MeetingListItem {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: body.name,
    bodyKind: body.kind as BodyKind,
    conventionId: row.convention_id,
    title: meetingTitle(body, row.starts_at),
    startsAt: row.starts_at,
    place: row.place,
    status: row.status as MeetingListItem['status'],
  };
}

type AgendaStored = { title: string; axisId?: number | null; actionId?: number | null; indicatorId?: number | null };

export function presentMeeting(row: MeetingRow, body: BodyRow, conventionTitle: string, decisions: DecisionRow[], linkLabels: Map<string, string>): Meeting {
  const agenda = parse<AgendaStored[]>(row.agenda, []).map((item) => {
    const key = item.actionId ? `action:${item.actionId}` : item.indicatorId ? `indicator:${item.indicatorId}` : item.axisId ? `axis:${item.axisId}` : null;
    return { title: item.title, axisId: item.axisId ?? null, actionId: item.actionId ?? null, indicatorId: item.indicatorId ?? null, linkLabel: key ? (linkLabels.get(key) ?? null) : null };
  });
  return {
    ...presentMeetingItem(row, body),
    conventionTitle,
    durationMinutes: row.duration_minutes,
    visioUrl: row.visio_url,
    agenda,
    attendance: parse<Meeting['attendance']>(row.attendance, []).map((a) => ({ ...a, organisation: a.organisation ?? null })),
    minutes: row.minutes,
    minutesHtml: row.minutes ? renderMarkdown(row.minutes) : null,
    invitationsSentAt: row.invitations_sent_at,
    validatedAt: row.validated_at,
    validatedBy: row.validated_by,
    decisions: decisions.map(presentDecision),
    version: row.version,
  };
}
