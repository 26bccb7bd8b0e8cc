import { createEvents, type DateArray } from 'ics';
import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, HttpError, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { enqueueMail } from '../platform/jobs/mail-job.js';
import { notify } from '../notifications/notifications.service.js';
import type { Meeting } from '../../shared/api/governance.js';
import * as repo from './governance.repository.js';
import { formatMeetingDate } from './governance.presenter.js';
import { getMeeting, requireBody, requireOpen } from './meetings.service.js';

const toDateArray = (startsAt: string): DateArray => {
  const [date, time] = startsAt.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return [y, m, d, h, min];
};

/** The meeting as an iCalendar request, in local (floating) time: 14 h 30 stays 14 h 30 in every calendar. */
export function meetingCalendar(meeting: Meeting, host: string): string {
  const { error, value } = createEvents(
    [{
      uid: `reunion-${meeting.id}@${host}`,
      start: toDateArray(meeting.startsAt),
      startInputType: 'local',
      startOutputType: 'local',
      duration: { minutes: meeting.durationMinutes },
      title: `${meeting.title} — ${meeting.conventionTitle}`,
      description: [meeting.agenda.length ? `Ordre du jour :\n${meeting.agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n')}` : '', meeting.visioUrl ? `Visioconférence : ${meeting.visioUrl}` : ''].filter(Boolean).join('\n\n'),
      ...(meeting.place ? { location: meeting.place } : {}),
      ...(meeting.visioUrl ? { url: meeting.visioUrl } : {}),
      status: 'CONFIRMED',
      productId: 'pilote-ctg',
    }],
    { productId: 'pilote-ctg', method: 'PUBLISH' },
  );
  if (error || !value) throw new HttpError(500, 'calendar', 'L’invitation n’a pas pu être produite.');
  return value;
}

/** Members with an e-mail address, once each; and the accounts among them (for in-app notices). */
async function recipientsOf(db: Executor, bodyId: number) {
  const body = await requireBody(db, bodyId);
  const members = (JSON.parse(body.members) as { name: string; email?: string | null }[]).filter((m): m is { name: string; email: string } => Boolean(m.email));
  const emails = [...new Map(members.map((m) => [m.email.toLowerCase(), m])).values()];
  const accounts = emails.length ? await db.selectFrom('app_user').select(['id', 'email']).where('email', 'in', emails.map((m) => m.email.toLowerCase())).where('status', '=', 'active').execute() : [];
  return { emails, accounts };
}

function invitationText(m: Meeting, baseUrl: string): string {
  return [
    `Vous êtes invité(e) au ${m.title} de la convention « ${m.conventionTitle} ».`,
    `Date : ${formatMeetingDate(m.startsAt)} (${m.durationMinutes} minutes)`,
    m.place ? `Lieu : ${m.place}` : null,
    m.visioUrl ? `Visioconférence : ${m.visioUrl}` : null,
    m.agenda.length ? `\nOrdre du jour :\n${m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.linkLabel && a.linkLabel !== a.title ? ` (${a.linkLabel})` : ''}`).join('\n')}` : null,
    `\nLe dossier de séance : ${baseUrl}/reunions/${m.id}/dossier`,
    'L’invitation est jointe au format calendrier (.ics).',
  ].filter((l) => l !== null).join('\n');
}

/** Invitations by e-mail with the calendar file, one per member address and meeting date (a new date invites again). */
export async function sendInvitations(ctx: ServiceContext, meetingId: number, version: number, baseUrl: string): Promise<Meeting> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await getMeeting(trx, meetingId);
    await requireConventionAccess(trx, principalOf(ctx), meeting.conventionId, 'editPlan');
    if (meeting.version !== version) throw staleVersion(meeting);
    requireOpen(meeting);
    const { emails, accounts } = await recipientsOf(trx, meeting.bodyId);
    if (!emails.length) throw businessRule('Aucun membre de cette instance n’a d’adresse e-mail : ajoutez-en pour envoyer les invitations.', 'members');
    const ics = meetingCalendar(meeting, new URL(baseUrl).host);
    const event = `meeting:${meeting.id}:invitation:${meeting.startsAt}`;
    for (const member of emails) {
      await enqueueMail(trx, { to: member.email, subject: `Invitation : ${meeting.title} — ${meeting.conventionTitle}`, text: `Bonjour ${member.name},\n\n${invitationText(meeting, baseUrl)}`, attachments: [{ filename: 'invitation.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] }, { dedupeKey: `${event}:${member.email.toLowerCase()}` });
    }
    for (const account of accounts) {
      // The mail above carries the calendar file: the in-app notice only.
      await trx.insertInto('notification').values({ user_id: account.id, kind: 'meeting_invitation', event_key: event, title: `Invitation : ${meeting.title}`, body: `${meeting.conventionTitle} — ${formatMeetingDate(meeting.startsAt)}`, link: `/reunions/${meeting.id}`, needs_action: 0, read_at: null, digested_at: null, created_at: nowIso() }).onConflict((oc) => oc.columns(['user_id', 'event_key']).doNothing()).execute();
    }
    const now = nowIso();
    if (!(await repo.updateMeeting(trx, meetingId, version, { invitations_sent_at: now, updated_at: now }))) throw staleVersion(meeting);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'meeting', entityId: meetingId, operation: 'update', before: { title: meeting.title, invitationsSentAt: meeting.invitationsSentAt }, after: { title: meeting.title, invitationsSentAt: now } });
    return getMeeting(trx, meetingId);
  });
}

/** After validation: the minutes and the decisions applied, to every member with an address (once). */
export async function queueMinutesMails(db: Executor, meeting: Meeting, baseUrl: string): Promise<void> {
  const { emails, accounts } = await recipientsOf(db, meeting.bodyId);
  const decisions = meeting.decisions.length ? `\n\nDécisions :\n${meeting.decisions.map((d, i) => `${i + 1}. ${d.summary}`).join('\n')}` : '';
  const text = `Le compte rendu du ${meeting.title} (« ${meeting.conventionTitle} ») est validé.\n\n${meeting.minutes ?? ''}${decisions}\n\nEn ligne : ${baseUrl}/reunions/${meeting.id}`;
  const byEmail = new Map(accounts.map((a) => [a.email.toLowerCase(), a.id]));
  for (const member of emails) {
    const userId = byEmail.get(member.email.toLowerCase());
    // People with an account follow their own preference (immediate or weekly digest).
    if (userId) await notify(db, { userId, kind: 'meeting_minutes', eventKey: `meeting:${meeting.id}:minutes`, title: `Compte rendu validé : ${meeting.title}`, body: text, link: `/reunions/${meeting.id}` });
    else await enqueueMail(db, { to: member.email, subject: `Compte rendu : ${meeting.title} — ${meeting.conventionTitle}`, text: `Bonjour ${member.name},\n\n${text}` }, { dedupeKey: `meeting:${meeting.id}:minutes:${member.email.toLowerCase()}` });
  }
}
