import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { joinTransaction } from '../imports/within-transaction.js';
import { updateAction } from '../plans/actions.service.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';
import type { Review } from '../../shared/api/reviews.js';
import type { Webhook, WebhookCreated, WebhookDelivery } from '../../shared/api/webhooks.js';
import { SIGNATURE_HEADER, verifySignature } from './webhooks.signature.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback; `answers` are the status codes of the next requests (then 200). */
function receiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      response.end('ok');
    });
  });
  return {
    received,
    answers,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/crochet`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(ENGINES)('webhooks (%s)', (engine) => {
  let t: TestApp;
  let convention: ConventionDetail;
  let created: WebhookCreated;
  const hook = receiver();

  const deliveries = async (id: number) => (await t.request<WebhookDelivery[]>({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })).body;
  const freshAction = async () => (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${convention.id}` })).body.actions[0]!;
  const setStatus = (status: string, version: number, actionId: number) =>
    t.request({ method: 'PATCH', url: `/api/v1/actions/${actionId}`, payload: { version, status, statusReason: status === 'en_pause' ? 'Attente de financement' : null } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const url = await hook.start();
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?q=issy' });
    convention = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${list.body.items[0]!.id}` })).body;
    const response = await t.request<WebhookCreated>({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url, events: ['review.validated', 'action.status_changed'], cafId: convention.caf.id, description: 'Entrepôt de données de la Caf' },
    });
    expect(response.status).toBe(201);
    created = response.body;
  });
  beforeEach(() => {
    hook.received.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await hook.stop();
  });

  it('shows the signing key once: never in the list, never in a later answer', async () => {
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await t.request<Webhook[]>({ method: 'GET', url: '/api/v1/webhooks' });
    expect(list.body.map((w) => w.id)).toContain(created.webhook.id);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(created.webhook).toMatchObject({ events: ['review.validated', 'action.status_changed'], active: true, cafId: convention.caf.id });
  });

  it('delivers a validated review, signed with HMAC-SHA256 over the timestamp and the body, and logs the attempt', async () => {
    const opened = await t.request<Review>({ method: 'POST', url: `/api/v1/conventions/${convention.id}/reviews`, payload: { kind: 'annual', year: convention.startYear, snapshotDate: `${convention.startYear}-12-31` } });
    // Nothing leaves before the worker runs, and only through the queue.
    const validated = await t.request<Review>({ method: 'POST', url: `/api/v1/reviews/${opened.body.id}/validate`, payload: { version: opened.body.version } });
    expect(validated.status).toBe(200);
    expect(hook.received).toHaveLength(0);
    expect(await t.app.jobs.runDue()).toBe(1);
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-pilote-event']).toBe('review.validated');
    const signature = String(request!.headers[SIGNATURE_HEADER]);
    expect(verifySignature(created.secret, request!.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_une-autre-cle', request!.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    const body = JSON.parse(request!.body) as { event: string; convention: { id: number }; data: { reviewId: number; year: number } };
    expect(body).toMatchObject({ event: 'review.validated', convention: { id: convention.id }, data: { reviewId: opened.body.id, year: convention.startYear } });

    const [delivery] = await deliveries(created.webhook.id);
    expect(delivery).toMatchObject({ event: 'review.validated', status: 'success' });
    expect(delivery!.attempts).toHaveLength(1);
    expect(delivery!.attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, error: null });
    expect(delivery!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries after a 500 with backoff, logging both attempts, and the same signed body', async () => {
    hook.answers.push(500);
    const action = await freshAction();
    expect((await setStatus('en_pause', action.version, action.id)).status).toBe(200);
    const now = new Date();
    expect(await t.app.jobs.runDue(now)).toBe(1);
    let [delivery] = await deliveries(created.webhook.id);
    expect(delivery).toMatchObject({ event: 'action.status_changed', status: 'pending' });
    expect(delivery!.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 500, error: 'réponse HTTP 500' })]);
    // Not again before the backoff delay, then delivered.
    expect(await t.app.jobs.runDue(new Date(now.getTime() + 10_000))).toBe(0);
    expect(await t.app.jobs.runDue(new Date(now.getTime() + 31_000))).toBe(1);
    [delivery] = await deliveries(created.webhook.id);
    expect(delivery!.status).toBe('success');
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
    expect(JSON.parse(hook.received[1]!.body)).toMatchObject({ data: { actionId: action.id, from: action.status, to: 'en_pause' } });
    await setStatus(action.status, action.version + 1, action.id);
    await t.app.jobs.runDue(new Date(now.getTime() + 60_000));
  });

  it('emits nothing for a change that is rolled back or refused', async () => {
    const before = await snapshotCounts(t.database);
    const action = await freshAction();
    const ctx = { db: t.database.db, dialect: t.database.dialect, actor: 'tests' };
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await updateAction(joinTransaction(ctx, trx), action.id, { version: action.version, status: 'realisee' });
        throw new Error('annulé après coup');
      }),
    ).rejects.toThrow('annulé après coup');
    expect(await snapshotCounts(t.database)).toEqual(before);
    expect(await t.app.jobs.runDue()).toBe(0);
    // A stale version is refused: no change, no event.
    expect((await setStatus('realisee', action.version + 7, action.id)).status).toBe(409);
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(hook.received).toHaveLength(0);
  });

  it('sends « indicator at risk » when an indicator enters that state (not while it stays) and « convention signed »', async () => {
    const everyCaf = await t.request<WebhookCreated>({ method: 'POST', url: '/api/v1/webhooks', payload: { url: created.webhook.url, events: ['indicator.at_risk', 'convention.signed'] } });
    expect(everyCaf.body.webhook.cafId).toBeNull();
    const action = await freshAction();
    const indicator = await t.request<{ id: number }>({
      method: 'POST',
      url: `/api/v1/conventions/${convention.id}/indicators`,
      payload: { title: 'Familles reçues au guichet', kind: 'resultat', unit: 'familles', direction: 'hausse', baselineValue: 10, baselineDate: '2023-01-01', targetValue: 50, targetDate: '2027-12-31', actionId: action.id },
    });
    const low = await t.request<{ assessment: { state: string } }>({ method: 'POST', url: `/api/v1/indicators/${indicator.body.id}/values`, payload: { date: '2025-12-31', value: 11 } });
    expect(low.body.assessment.state).toBe('a_risque');
    await t.request({ method: 'POST', url: `/api/v1/indicators/${indicator.body.id}/values`, payload: { date: '2026-01-31', value: 12 } });
    expect(await t.app.jobs.runDue()).toBe(1);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ event: 'indicator.at_risk', data: { indicatorId: indicator.body.id, measured: 11 } });
    expect(verifySignature(everyCaf.body.secret, hook.received[0]!.body, String(hook.received[0]!.headers[SIGNATURE_HEADER]), Math.floor(Date.now() / 1000))).toBe(true);

    const draft = await t.request<ConventionDetail>({ method: 'POST', url: '/api/v1/conventions', payload: { title: 'CTG signée pendant le test', cafId: convention.caf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92040'] } });
    const toRedaction = await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${draft.body.id}/status`, payload: { version: draft.body.version, status: 'redaction' } });
    await t.request({ method: 'POST', url: `/api/v1/conventions/${draft.body.id}/signature-events`, payload: { date: '2026-01-15' } });
    const current = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${draft.body.id}` });
    expect(toRedaction.status).toBe(200);
    const signed = await t.request({ method: 'POST', url: `/api/v1/conventions/${draft.body.id}/status`, payload: { version: current.body.version, status: 'signee', effectiveDate: '2026-01-15' } });
    expect(signed.status).toBe(200);
    expect(await t.app.jobs.runDue()).toBe(1);
    expect(JSON.parse(hook.received[1]!.body)).toMatchObject({ event: 'convention.signed', convention: { id: draft.body.id }, data: { to: 'signee', effectiveDate: '2026-01-15' } });
    await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${everyCaf.body.webhook.id}` });
  });

  it('a Caf administrator manages the webhooks of their Caf only; bad input is refused in French', async () => {
    await createUser(t.database, { email: `admin-caf-${engine}@example.org`, password: 'Mot de passe très sûr 42', memberships: [{ organisationId: convention.caf.id, role: 'caf_admin' }] });
    const { cookie, csrf } = await signIn(t, `admin-caf-${engine}@example.org`, 'Mot de passe très sûr 42');
    const headers = { cookie, 'x-csrf-token': csrf };
    const everyCaf = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'https://exemple.org/a', events: ['convention.signed'] } });
    expect(everyCaf.status).toBe(403);
    const badUrl = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'ftp://exemple.org', events: ['convention.signed'], cafId: convention.caf.id } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.fields?.[0]).toMatchObject({ path: 'url' });
    const noEvent = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'https://exemple.org/a', events: [], cafId: convention.caf.id } });
    expect(noEvent.status).toBe(400);
    const own = await t.request<WebhookCreated>({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: 'https://exemple.org/a', events: ['convention.signed'], cafId: convention.caf.id } });
    expect(own.status).toBe(201);
    const paused = await t.request<Webhook>({ method: 'PATCH', url: `/api/v1/webhooks/${own.body.webhook.id}`, headers, payload: { version: own.body.webhook.version, active: false } });
    expect(paused.body.active).toBe(false);
    const stale = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/webhooks/${own.body.webhook.id}`, headers, payload: { version: own.body.webhook.version, active: true } });
    expect(stale.status).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${own.body.webhook.id}`, headers })).status).toBe(204);
  });
});
