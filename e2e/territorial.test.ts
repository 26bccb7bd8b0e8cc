import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';

const TOWNS = ['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt'];

describe('territorial views in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.locator('main h1');

  it('opens the national map from the navigation', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Territoires' }).click();
    await page.getByRole('link', { name: 'Couverture de la population' }).click();
    await page.waitForURL(/\/couverture$/);
    await expect.poll(() => heading().textContent()).toMatch(/Couverture de la population/);
    await page.locator('.ctg-map svg a').first().waitFor();
    await expectNoAxeViolations(page, 'carte nationale');
    await screenshot(page, 'couverture-france');
  });

  it('clicks the Hauts-de-Seine: the three communes covered and the coverage figure', async () => {
    await page.locator('.ctg-map a[aria-label^="Hauts-de-Seine"]').click();
    await page.waitForURL(/departement=92/);
    const main = page.locator('main');
    await main.getByRole('heading', { name: /Hauts-de-Seine au/ }).waitFor();
    // 215 597 covered inhabitants out of 1 654 712: 13 %.
    expect((await main.textContent())?.replace(/\s/g, ' ')).toMatch(/13 %\s*de la population couverte/);
    const covered = main.locator('tbody tr', { hasText: 'Couverte' }).filter({ hasNotText: 'Non couverte' });
    await expect.poll(() => covered.count()).toBe(3);
    for (const town of TOWNS) expect(await covered.filter({ hasText: town }).count()).toBe(1);
    expect(await main.locator('tbody tr', { hasText: 'Non couverte' }).count()).toBe(33);
    await expectNoAxeViolations(page, 'communes des Hauts-de-Seine');
    await screenshot(page, 'couverture-92');
  });

  it('sorts the communes by population, and shows the timeline as a table', async () => {
    await page.getByRole('button', { name: /Population : trier/ }).click();
    await expect.poll(() => page.locator('main tbody tr th').first().textContent()).toMatch(/Boulogne-Billancourt/);
    await page.getByText('Tableau', { exact: true }).click();
    await page.getByRole('table', { name: /Couverture au 31 décembre/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger les données (CSV)' }).getAttribute('href')).toMatch(/^data:text\/csv/);
    await expectNoAxeViolations(page, 'évolution en tableau');
  });

  it('opens the themes × territories matrix and drills down to the « Handicap » actions', async () => {
    await page.getByRole('link', { name: 'Champs d’intervention par territoire' }).click();
    await page.waitForURL(/territoires\/champs\?departement=92/);
    await expect.poll(() => heading().textContent()).toBe('Champs d’intervention par territoire');
    const table = page.getByRole('table', { name: /Nombre d’actions par convention/ });
    await table.waitFor();
    for (const town of TOWNS) await table.getByRole('rowheader', { name: new RegExp(town) }).waitFor();
    await expectNoAxeViolations(page, 'matrice');
    await screenshot(page, 'matrice');
    await table.getByRole('link', { name: 'Handicap', exact: true }).click();
    await page.waitForURL(/theme=handicap/);
    await page.getByRole('heading', { name: /Actions « Handicap »/ }).waitFor();
    await expectNoAxeViolations(page, 'actions Handicap');
  });

  it('shows the renewal calendar without accessibility violation', async () => {
    await page.goto(`${server.url}/territoires/renouvellements?departement=92&months=36`);
    await expect.poll(() => heading().textContent()).toBe('Calendrier des renouvellements');
    await page.getByRole('heading', { name: /Communes jamais couvertes/ }).waitFor();
    await expectNoAxeViolations(page, 'renouvellements');
    await screenshot(page, 'renouvellements');
  });

  it('made no request outside the application', () => {
    expect(foreignRequests).toEqual([]);
  });
});
