import type { Executor } from '../platform/db/schema.js';
import { nowIso, toFlag } from '../platform/db/dialect.js';
import { notFound } from '../platform/http/errors.js';
import { enqueueJob } from '../platform/jobs/queue.js';
import type { JobHandler } from '../platform/jobs/worker.js';
import type { Principal } from '../accounts/principal.js';
import { forbidden, mustSignIn } from '../accounts/accounts.policy.js';
import type { NotificationList, NotificationQuery } from '../../shared/api/notifications.js';
import * as repo from './notifications.repository.js';

export const NOTIFICATION_MAIL_JOB = 'notification.mail';

export interface NoticeSpec {
  userId: number;
  kind: string;
  /** Names the event: one notification, and at most one mail, per person and key. */
  eventKey: string;
  title: string;
  body: string;
  link?: string | null;
  needsAction?: boolean;
  /** Deferred sending (e.g. an assignment that may be undone within a few minutes). */
  mailAt?: Date;
}

export const notificationMailKey = (userId: number, eventKey: string) => `notification:${userId}:${eventKey}`;

/**
 * Records an in-app notification and, for people who want mails one by one, queues its mail in the
 * same transaction. A second call for the same person and event does nothing (no mail twice).
 */
export async function notify(db: Executor, spec: NoticeSpec): Promise<boolean> {
  const created = await repo.insertNotification(db, {
    user_id: spec.userId,
    kind: spec.kind,
    event_key: spec.eventKey,
    title: spec.title,
    body: spec.body,
    link: spec.link ?? null,
    needs_action: toFlag(spec.needsAction ?? false),
    created_at: nowIso(),
  });
  if (!created) return false;
  if ((await repo.preferenceOf(db, spec.userId)) === 'immediate') {
    await enqueueJob(db, { kind: NOTIFICATION_MAIL_JOB, payload: { userId: spec.userId, eventKey: spec.eventKey }, dedupeKey: notificationMailKey(spec.userId, spec.eventKey), runAt: spec.mailAt });
  }
  return true;
}

const absolute = (baseUrl: string, link: string | null) => (link ? `${baseUrl}${link}` : baseUrl);

/** Sends the mail of one notification, if the notification and its person are still there. */
export const sendNotificationMail: JobHandler = async (payload: { userId: number; eventKey: string }, { db, mailer, config }) => {
  const user = await repo.userContact(db, payload.userId);
  const notice = await db.selectFrom('notification').selectAll().where('user_id', '=', payload.userId).where('event_key', '=', payload.eventKey).executeTakeFirst();
  if (!user || user.erased_at || user.status !== 'active' || !notice) return;
  await mailer.send({
    to: user.email,
    subject: `[Pilote CTG] ${notice.title}`,
    text: `Bonjour ${user.display_name},\n\n${notice.body}\n\n${notice.needs_action ? 'Action attendue de votre part : ' : 'Pour en savoir plus : '}${absolute(config.publicUrl, notice.link)}\n\nVous recevez ce message parce que vous suivez une convention territoriale globale dans Pilote CTG. Vous pouvez choisir de recevoir un récapitulatif hebdomadaire à la place : ${config.publicUrl}/notifications`,
  });
};

/** The weekly digest of one person: every notification no mail carried yet, in one message. */
export async function sendDigest(db: Executor, userId: number, send: (to: string, subject: string, text: string) => Promise<void>, baseUrl: string): Promise<number> {
  const user = await repo.userContact(db, userId);
  const notices = await repo.undigestedOf(db, userId);
  if (!user || user.erased_at || user.status !== 'active' || !notices.length) return 0;
  const lines = notices.map((n) => `• ${n.title}${n.needs_action ? ' (action attendue)' : ''}\n  ${n.body}\n  ${absolute(baseUrl, n.link)}`);
  await send(user.email, `[Pilote CTG] Votre récapitulatif de la semaine (${notices.length})`, `Bonjour ${user.display_name},\n\nVoici ce qui vous concerne cette semaine :\n\n${lines.join('\n\n')}\n\nToutes vos notifications : ${baseUrl}/notifications`);
  await repo.markDigested(db, notices.map((n) => n.id), nowIso());
  return notices.length;
}

function userOf(principal: Principal): number {
  if (principal.kind === 'anonymous') throw mustSignIn();
  if (principal.kind !== 'user') throw forbidden('lire des notifications avec un jeton : elles sont propres à une personne');
  return principal.userId;
}

export async function listMine(db: Executor, principal: Principal, query: NotificationQuery): Promise<NotificationList> {
  const userId = userOf(principal);
  const rows = await repo.listNotifications(db, userId, { unread: query.filter === 'unread', needsAction: query.filter === 'action' }, query.limit);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, needsAction: r.needs_action === 1, read: r.read_at !== null, createdAt: r.created_at })),
    ...(await repo.countsOf(db, userId)),
    mode: await repo.preferenceOf(db, userId),
  };
}

export async function countsOfCaller(db: Executor, principal: Principal) {
  return repo.countsOf(db, userOf(principal));
}

export async function markMineRead(db: Executor, principal: Principal, id: number | null): Promise<void> {
  const userId = userOf(principal);
  if (id !== null && !(await db.selectFrom('notification').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst())) throw notFound(`Notification ${id}`);
  await repo.markRead(db, userId, id, nowIso());
}

export async function setMyPreference(db: Executor, principal: Principal, mode: 'immediate' | 'digest'): Promise<void> {
  await repo.setPreference(db, userOf(principal), mode, nowIso());
}
