import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { fromFlag, nowIso, toFlag } from '../platform/db/dialect.js';
import { forbidden, mustSignIn } from '../accounts/accounts.policy.js';
import type { Principal } from '../accounts/principal.js';
import { recordSecurityEvent } from '../accounts/accounts.repository.js';
import { newSecret } from '../accounts/tokens.js';
import type { DeliveryStatus, Webhook, WebhookCreated, WebhookCreateInput, WebhookDelivery, WebhookEvent, WebhookUpdateInput } from '../../shared/api/webhooks.js';
import * as repo from './webhooks.repository.js';

/** The Cafs whose webhooks the caller manages: every one for a platform administrator. */
function managedCafs(principal: Principal | undefined): number[] | 'all' {
  if (!principal || principal.kind === 'anonymous') throw mustSignIn();
  if (principal.isPlatformAdmin) return 'all';
  const cafs = principal.memberships.filter((m) => m.role === 'caf_admin' && !m.conventionIds).map((m) => m.organisationId);
  if (!cafs.length) throw forbidden('gérer les webhooks (administrateurs de la plateforme ou d’une Caf)');
  return cafs;
}

function requireManages(principal: Principal | undefined, cafId: number | null): void {
  const cafs = managedCafs(principal);
  if (cafs === 'all') return;
  if (cafId === null) throw forbidden('recevoir les événements de toutes les Caf (administrateurs de la plateforme)');
  if (!cafs.includes(cafId)) throw forbidden('gérer les webhooks de cette Caf');
}

function present(row: repo.WebhookRow, last?: { status: string; created_at: string }): Webhook {
  return {
    id: row.id,
    cafId: row.organisation_id,
    cafName: row.caf_name ?? null,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEvent[],
    active: fromFlag(row.active),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastDelivery: last ? { status: last.status as DeliveryStatus, at: last.created_at } : null,
    version: row.version,
  };
}

async function getWebhook(db: Executor, id: number): Promise<Webhook> {
  const row = await repo.findWebhook(db, id);
  if (!row) throw notFound(`Webhook ${id}`);
  const [last] = await repo.lastDeliveries(db, [id]);
  return present(row, last);
}

export async function listWebhooks(ctx: ServiceContext): Promise<Webhook[]> {
  const rows = await repo.listWebhooks(ctx.db, managedCafs(ctx.principal));
  const last = new Map((await repo.lastDeliveries(ctx.db, rows.map((r) => r.id))).map((d) => [d.webhook_id, d]));
  return rows.map((row) => present(row, last.get(row.id)));
}

async function requireCaf(db: Executor, cafId: number): Promise<void> {
  const org = await db.selectFrom('organisation').select('kind').where('id', '=', cafId).executeTakeFirst();
  if (org?.kind !== 'caf') throw invalidField('cafId', `l’organisation ${cafId} n’est pas une Caf.`);
}

/** Registers a URL; its signing key is returned this once and never shown again. */
export async function createWebhook(ctx: ServiceContext, input: WebhookCreateInput): Promise<WebhookCreated> {
  const cafId = input.cafId ?? null;
  requireManages(ctx.principal, cafId);
  if (cafId !== null) await requireCaf(ctx.db, cafId);
  const secret = `whsec_${newSecret()}`;
  const now = nowIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertWebhook(trx, {
      organisation_id: cafId,
      url: input.url,
      description: input.description ?? null,
      events: JSON.stringify([...new Set(input.events)]),
      secret,
      active: toFlag(true),
      created_by: ctx.actor,
      created_at: now,
      updated_at: now,
    });
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'webhook_created', details: { webhookId: created, url: input.url, events: input.events, cafId } });
    return created;
  });
  return { webhook: await getWebhook(ctx.db, id), secret };
}

async function requireOwnWebhook(ctx: ServiceContext, id: number): Promise<Webhook> {
  managedCafs(ctx.principal); // rights first: someone who manages no webhook learns nothing of their ids
  const webhook = await getWebhook(ctx.db, id);
  requireManages(ctx.principal, webhook.cafId);
  return webhook;
}

export async function updateWebhook(ctx: ServiceContext, id: number, input: WebhookUpdateInput): Promise<Webhook> {
  const before = await requireOwnWebhook(ctx, id);
  if (before.version !== input.version) throw staleVersion(before);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateWebhook(trx, id, input.version, {
      ...(input.url !== undefined && { url: input.url }),
      ...(input.events !== undefined && { events: JSON.stringify([...new Set(input.events)]) }),
      ...(input.active !== undefined && { active: toFlag(input.active) }),
      ...(input.description !== undefined && { description: input.description }),
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion(await getWebhook(trx, id));
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'webhook_changed', details: { webhookId: id, url: input.url ?? before.url, active: input.active ?? before.active } });
  });
  return getWebhook(ctx.db, id);
}

/** Deleting a webhook drops its deliveries and their log with it; pending jobs find nothing to send. */
export async function deleteWebhook(ctx: ServiceContext, id: number): Promise<void> {
  const webhook = await requireOwnWebhook(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteWebhook(trx, id);
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'webhook_deleted', details: { webhookId: id, url: webhook.url } });
  });
}

/** The latest deliveries of a webhook, each with every attempt (status code, duration, error). */
export async function listDeliveries(ctx: ServiceContext, id: number): Promise<WebhookDelivery[]> {
  await requireOwnWebhook(ctx, id);
  const deliveries = await repo.deliveriesOf(ctx.db, id, 50);
  const attempts = await repo.attemptsOf(ctx.db, deliveries.map((d) => d.id));
  return deliveries.map((d) => ({
    id: d.id,
    event: d.event as WebhookEvent,
    eventId: d.event_id,
    status: d.status as DeliveryStatus,
    createdAt: d.created_at,
    attempts: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({ attempt: a.attempt, at: a.at, statusCode: a.status_code, durationMs: a.duration_ms, error: a.error })),
  }));
}
