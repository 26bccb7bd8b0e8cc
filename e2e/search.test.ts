import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';

describe('full-text search page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds actions whatever the accents and plurals, highlights the words, and leads to the fiche', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Recherche', exact: true }).first().click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Recherche');
    await page.getByLabel('Mots recherchés').fill('epinette');
    await page.getByLabel('Mots recherchés').press('Enter');
    await expect.poll(() => page.locator('#resultats').textContent()).toMatch(/résultats? pour « epinette »/);
    const firstMark = page.locator('main ol mark').first();
    await expect.poll(() => firstMark.textContent()).toBe('Épinettes');
    expect(page.url()).toContain('/recherche?q=epinette');
    await expectNoAxeViolations(page, 'page de recherche avec résultats');
    await screenshot(page, 'recherche');
    await page.locator('main ol h3 a').first().click();
    await page.waitForURL(/\/(actions|conventions)\/\d+$/);
    expect(foreignRequests).toEqual([]);
  });

  it('says so when nothing matches, in a live region', async () => {
    await page.goto(`${server.url}/recherche?q=zzyzx`);
    await expect.poll(() => page.locator('#resultats').textContent()).toBe('Aucun résultat pour « zzyzx »');
    await expectNoAxeViolations(page, 'recherche sans résultat');
  });
});
