import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';
import { verifySignature } from '../src/server/webhooks/webhooks.signature.js';

/** Issue 7, integrations: webhooks registered from the administration, and the personal calendar address. */
describe('webhooks and calendar journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  let receiver: Server;
  let receiverUrl: string;
  const received: { body: string; signature: string }[] = [];
  const internal = () => ({ 'x-pilote-internal': server.app.internalSecret });

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ body, signature: String(request.headers['x-pilote-signature']) });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pilote`;
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
    page.setDefaultTimeout(10_000);
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('registers a webhook from the administration, shows its key once, and logs a signed delivery', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Webhooks');
    await expectNoAxeViolations(page, 'webhooks, vide');
    await page.getByLabel('Adresse (URL) qui reçoit les envois').fill(receiverUrl);
    await page.locator('label', { hasText: 'Bilan validé' }).click();
    await page.getByRole('button', { name: 'Enregistrer le webhook' }).click();
    const key = page.getByLabel('Clé de signature (HMAC-SHA256)');
    await key.waitFor();
    const secret = await key.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectNoAxeViolations(page, 'webhooks, clé affichée');

    const conventions = (await server.app.inject({ method: 'GET', url: '/api/v1/conventions', headers: internal() })).json() as { items: { id: number; startYear: number }[] };
    const c = conventions.items[0]!;
    const review = (await server.app.inject({ method: 'POST', url: `/api/v1/conventions/${c.id}/reviews`, headers: internal(), payload: { kind: 'annual', year: c.startYear, snapshotDate: `${c.startYear}-12-31` } })).json() as { id: number; version: number };
    await server.app.inject({ method: 'POST', url: `/api/v1/reviews/${review.id}/validate`, headers: internal(), payload: { version: review.version } });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    expect(verifySignature(secret, received[0]!.body, received[0]!.signature, Math.floor(Date.now() / 1000))).toBe(true);

    await page.reload();
    await page.getByRole('button', { name: `Journal des envois vers ${receiverUrl}` }).click();
    await expect.poll(() => page.locator('#journal-envois').isVisible()).toBe(true);
    await expect.poll(() => page.locator('main table').last().textContent()).toContain('Livrée');
    expect(await page.locator('main table').last().textContent()).toContain('200');
    await expectNoAxeViolations(page, 'webhooks, journal');
    await screenshot(page, 'admin-webhooks');
  });

  it('creates a personal calendar address that a calendar application reads without signing in', async () => {
    await page.goto(`${server.url}/mon-compte`);
    await page.getByRole('button', { name: 'Créer mon adresse de calendrier' }).click();
    const address = page.getByLabel('Adresse secrète du calendrier');
    await address.waitFor();
    const url = await address.inputValue();
    await expectNoAxeViolations(page, 'mon compte, calendrier');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(foreignRequests).toEqual([]);
  });
});
