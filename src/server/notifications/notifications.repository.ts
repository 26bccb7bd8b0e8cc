import type { Executor, NotificationTable } from '../platform/db/schema.js';

export type NotificationRow = Omit<NotificationTable, 'id'> & { id: number };

/** Writes a notification unless this person already has one for this event; true when written. */
export async function insertNotification(db: Executor, values: Omit<NotificationTable, 'id' | 'read_at' | 'digested_at'>): Promise<boolean> {
  const row = await db
    .insertInto('notification')
    .values({ ...values, read_at: null, digested_at: null })
    .onConflict((oc) => oc.columns(['user_id', 'event_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export function listNotifications(db: Executor, userId: number, filter: { unread?: boolean; needsAction?: boolean }, limit: number) {
  let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
  if (filter.unread) q = q.where('read_at', 'is', null);
  if (filter.needsAction) q = q.where('needs_action', '=', 1);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countsOf(db: Executor, userId: number): Promise<{ unread: number; needsAction: number }> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('read_at', 'is', null), eb('needs_action', '=', 1)])).then(1).else(0).end()).as('needs_action'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { unread: Number(row?.unread ?? 0), needsAction: Number(row?.needs_action ?? 0) };
}

export async function markRead(db: Executor, userId: number, id: number | null, at: string): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function preferenceOf(db: Executor, userId: number): Promise<'immediate' | 'digest'> {
  const row = await db.selectFrom('notification_preference').select('mode').where('user_id', '=', userId).executeTakeFirst();
  return row?.mode === 'digest' ? 'digest' : 'immediate';
}

export async function setPreference(db: Executor, userId: number, mode: 'immediate' | 'digest', at: string): Promise<void> {
  await db
    .insertInto('notification_preference')
    .values({ user_id: userId, mode, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: at }))
    .execute();
}

/** People who chose the digest and have notifications no digest carried yet. */
export async function digestRecipients(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('notification as n')
    .innerJoin('notification_preference as p', 'p.user_id', 'n.user_id')
    .select('n.user_id')
    .distinct()
    .where('p.mode', '=', 'digest')
    .where('n.digested_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

export const undigestedOf = (db: Executor, userId: number) =>
  db.selectFrom('notification').selectAll().where('user_id', '=', userId).where('digested_at', 'is', null).orderBy('created_at').orderBy('id').execute();

export async function markDigested(db: Executor, ids: number[], at: string): Promise<void> {
  if (ids.length) await db.updateTable('notification').set({ digested_at: at }).where('id', 'in', ids).execute();
}

export const userContact = (db: Executor, userId: number) =>
  db.selectFrom('app_user').select(['id', 'email', 'display_name', 'status', 'erased_at']).where('id', '=', userId).executeTakeFirst();
