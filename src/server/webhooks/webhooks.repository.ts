import { sql } from 'kysely';
import type { Executor, WebhookTable } from '../platform/db/schema.js';

export const webhookColumns = [
  'w.id', 'w.organisation_id', 'w.url', 'w.description', 'w.events', 'w.active', 'w.created_by', 'w.created_at', 'w.version', 'o.name as caf_name',
] as const;

const withCaf = (db: Executor) => db.selectFrom('webhook as w').leftJoin('organisation as o', 'o.id', 'w.organisation_id');

/** Webhooks, all or those of some Cafs (administrators of a Caf see theirs only). */
export function listWebhooks(db: Executor, cafIds: number[] | 'all') {
  let q = withCaf(db).select(webhookColumns);
  if (cafIds !== 'all') q = q.where('w.organisation_id', 'in', cafIds.length ? cafIds : [-1]);
  return q.orderBy('w.id').execute();
}
export type WebhookRow = Awaited<ReturnType<typeof listWebhooks>>[number];

export const findWebhook = (db: Executor, id: number) => withCaf(db).select(webhookColumns).select('w.secret').where('w.id', '=', id).executeTakeFirst();

export async function insertWebhook(db: Executor, values: Omit<WebhookTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('webhook').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateWebhook(db: Executor, id: number, version: number, changes: Partial<Omit<WebhookTable, 'id' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('webhook').set((eb) => ({ ...changes, version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const deleteWebhook = (db: Executor, id: number) => db.deleteFrom('webhook').where('id', '=', id).execute();

/** Active webhooks subscribed to an event that concerns a convention of this Caf (or every Caf). */
export function subscribersOf(db: Executor, event: string, cafId: number) {
  return db
    .selectFrom('webhook')
    .select(['id'])
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', cafId)]))
    .where(sql<string>`events`, 'like', `%"${event}"%`)
    .orderBy('id')
    .execute();
}

export async function insertDelivery(db: Executor, values: { webhook_id: number; event: string; event_id: string; payload: string; created_at: string }): Promise<number> {
  return (await db.insertInto('webhook_delivery').values({ ...values, status: 'pending', finished_at: null }).returning('id').executeTakeFirstOrThrow()).id;
}

export const findDelivery = (db: Executor, id: number) =>
  db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.event_id', 'd.payload', 'd.status', 'w.url', 'w.secret', 'w.active'])
    .where('d.id', '=', id)
    .executeTakeFirst();

export const finishDelivery = (db: Executor, id: number, status: 'success' | 'failed' | 'cancelled', at: string) =>
  db.updateTable('webhook_delivery').set({ status, finished_at: at }).where('id', '=', id).execute();

export const insertAttempt = (db: Executor, values: { delivery_id: number; attempt: number; at: string; status_code: number | null; duration_ms: number; error: string | null }) =>
  db.insertInto('webhook_attempt').values(values).execute();

export function deliveriesOf(db: Executor, webhookId: number, limit: number) {
  return db.selectFrom('webhook_delivery').select(['id', 'event', 'event_id', 'status', 'created_at']).where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute();
}

export function attemptsOf(db: Executor, deliveryIds: number[]) {
  if (!deliveryIds.length) return Promise.resolve([]);
  return db.selectFrom('webhook_attempt').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('delivery_id').orderBy('attempt').execute();
}

/** The latest delivery of each webhook, for the list. */
export function lastDeliveries(db: Executor, webhookIds: number[]) {
  if (!webhookIds.length) return Promise.resolve([]);
  return db
    .selectFrom('webhook_delivery as d')
    .select(['d.webhook_id', 'd.status', 'd.created_at'])
    .where('d.id', 'in', (eb) => eb.selectFrom('webhook_delivery').select((x) => x.fn.max('id').as('id')).where('webhook_id', 'in', webhookIds).groupBy('webhook_id'))
    .execute();
}
