import { randomUUID } from 'node:crypto';
import type { Executor } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';
import { enqueueJob } from '../platform/jobs/queue.js';
import type { Indicator } from '../../shared/api/indicators.js';
import type { WebhookEvent } from '../../shared/api/webhooks.js';
import * as repo from './webhooks.repository.js';

export const WEBHOOK_JOB = 'webhook.deliver';
export const WEBHOOK_MAX_ATTEMPTS = 8;

/**
 * Records one delivery per subscribed webhook and its job, in the transaction of the business change
 * (call it with that transaction): the event is sent exactly when the change committed.
 */
export async function emitWebhookEvent(trx: Executor, event: WebhookEvent, conventionId: number, data: Record<string, unknown>): Promise<void> {
  const convention = await trx.selectFrom('convention').select(['id', 'title', 'caf_id']).where('id', '=', conventionId).executeTakeFirst();
  if (!convention) return;
  const subscribers = await repo.subscribersOf(trx, event, convention.caf_id);
  if (!subscribers.length) return;
  const eventId = randomUUID();
  const occurredAt = nowIso();
  const payload = JSON.stringify({ id: eventId, event, occurredAt, convention: { id: convention.id, title: convention.title, cafId: convention.caf_id }, data });
  for (const webhook of subscribers) {
    const deliveryId = await repo.insertDelivery(trx, { webhook_id: webhook.id, event, event_id: eventId, payload, created_at: occurredAt });
    await enqueueJob(trx, { kind: WEBHOOK_JOB, payload: { deliveryId }, dedupeKey: `webhook:${deliveryId}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
  }
}

/** « Indicator at risk » is sent when an indicator enters that state, not while it stays there. */
export async function emitIfNowAtRisk(trx: Executor, before: Indicator, after: Indicator): Promise<void> {
  if (before.assessment.state === 'a_risque' || after.assessment.state !== 'a_risque') return;
  await emitWebhookEvent(trx, 'indicator.at_risk', after.conventionId, {
    indicatorId: after.id,
    title: after.title,
    actionId: after.actionId,
    axisId: after.axisId,
    unit: after.unit,
    measured: after.assessment.measured,
    measuredDate: after.assessment.measuredDate,
    expected: after.assessment.expected,
    explanation: after.assessment.explanation,
  });
}
