import type { JobContext, JobHandler } from '../platform/jobs/worker.js';
import { nowIso } from '../platform/db/dialect.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhooks.signature.js';
import { WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './webhooks.emit.js';
import * as repo from './webhooks.repository.js';

const TIMEOUT_MS = 10_000;

interface Outcome {
  statusCode: number | null;
  error: string | null;
}

/** One POST of the stored body; redirects are not followed (the registered URL is the only target). */
async function post(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
  try {
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, error: ok ? null : `réponse HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = (error as Error).name === 'TimeoutError' ? `pas de réponse en ${TIMEOUT_MS / 1000} s` : `envoi impossible${cause ? ` (${cause})` : ''}`;
    return { statusCode: null, error: message };
  }
}

/**
 * Sends one delivery, signed, and logs the attempt. A failure throws, so the job queue tries again
 * later (exponential backoff); after the last attempt the delivery is marked as failed.
 */
async function deliver(payload: { deliveryId: number }, context: JobContext): Promise<void> {
  const delivery = await repo.findDelivery(context.db, payload.deliveryId);
  if (!delivery || delivery.status !== 'pending') return;
  if (!delivery.active) {
    await repo.finishDelivery(context.db, delivery.id, 'cancelled', nowIso());
    return;
  }
  const timestamp = Math.floor(context.now.getTime() / 1000);
  const started = performance.now();
  const outcome = await post(delivery.url, delivery.payload, {
    'content-type': 'application/json',
    'user-agent': 'Pilote-CTG-Webhooks/1',
    'x-pilote-event': delivery.event,
    'x-pilote-delivery': String(delivery.id),
    [SIGNATURE_HEADER]: signatureHeader(delivery.secret, delivery.payload, timestamp),
  });
  const at = nowIso();
  await repo.insertAttempt(context.db, {
    delivery_id: delivery.id,
    attempt: context.attempt,
    at,
    status_code: outcome.statusCode,
    duration_ms: Math.round(performance.now() - started),
    error: outcome.error,
  });
  if (!outcome.error) return void (await repo.finishDelivery(context.db, delivery.id, 'success', at));
  if (context.attempt >= WEBHOOK_MAX_ATTEMPTS) await repo.finishDelivery(context.db, delivery.id, 'failed', at);
  throw new Error(`webhook ${delivery.url} : ${outcome.error}`);
}

export const webhookJobHandlers: Record<string, JobHandler> = { [WEBHOOK_JOB]: deliver };
