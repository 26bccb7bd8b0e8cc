import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';
import { columnOf, readWorkbook, workbookBuffer } from '../test/helpers/xlsx.js';

describe('office files and open data in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  const dir = mkdtempSync(join(tmpdir(), 'pilote-office-e2e-'));

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the open data page to anyone, with files that download without signing in', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Données ouvertes' }).first().click();
    await page.waitForURL(/\/donnees-ouvertes$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Données ouvertes');
    await expectNoAxeViolations(page, 'données ouvertes');
    const href = await page.getByRole('link', { name: 'Conventions signées — CSV' }).getAttribute('href');
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^id,titre,caf,statut,/);
    await screenshot(page, 'donnees-ouvertes');
  });

  it('downloads the files of a convention, then checks and imports a plan workbook', async () => {
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/conventions?q=issy`);
    await page.getByRole('link', { name: /Issy-les-Moulineaux/ }).first().click();
    await page.waitForURL(/\/conventions\/\d+$/);
    await page.getByRole('link', { name: 'Fichiers (Word, PDF, Excel) et import' }).click();
    await page.waitForURL(/\/conventions\/\d+\/fichiers$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Fichiers de la convention');
    await expectNoAxeViolations(page, 'fichiers de la convention');

    for (const [name, type] of [
      ['Document de la convention (Word)', 'wordprocessingml'],
      ['Synthèse pour les élus (PDF)', 'application/pdf'],
      ['Calendrier des signatures (iCalendar)', 'text/calendar'],
    ] as const) {
      const link = page.getByRole('link', { name: new RegExp(name.replace(/[()]/g, '\\$&')) });
      const response = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
    }

    // The plan, with one impossible date: the check names the cell and the import stays disabled.
    const planHref = await page.getByRole('link', { name: /Plan d’actions \(Excel\)/ }).getAttribute('href');
    const plan = await readWorkbook(Buffer.from(await (await page.request.get(`${server.url}${planHref}`)).body()));
    const sheet = plan.getWorksheet('Actions')!;
    sheet.getRow(2).getCell(columnOf(sheet, 'Date de fin')).value = '31/04/2026';
    const bad = join(dir, 'plan-fautif.xlsx');
    writeFileSync(bad, await workbookBuffer(plan));
    await page.getByLabel('Classeur du plan d’actions').setInputFiles(bad);
    await page.getByRole('button', { name: 'Contrôler le fichier' }).click();
    await page.getByRole('heading', { name: 'Erreurs à corriger' }).waitFor();
    const errors = (await page.locator('table').first().textContent()) ?? '';
    expect(errors).toContain('Date de fin');
    expect(errors).toContain('« 31/04/2026 » n’est pas une date valide');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'import : erreurs');
    await screenshot(page, 'import-plan-erreurs');

    // The template: one action to create, then imported.
    const template = await page.request.get(`${server.url}${await page.getByRole('link', { name: 'modèle de classeur' }).getAttribute('href')}`);
    const templatePath = join(dir, 'modele.xlsx');
    writeFileSync(templatePath, await template.body());
    await page.getByLabel('Classeur du plan d’actions').setInputFiles(templatePath);
    await page.getByRole('button', { name: 'Contrôler le fichier' }).click();
    await page.getByRole('heading', { name: 'Ce que l’import va faire' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('À créer');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByRole('heading', { name: 'Le plan d’actions a été importé' }).waitFor();
    await expectNoAxeViolations(page, 'import : effectué');
    await screenshot(page, 'import-plan-effectue');
    await page.getByRole('link', { name: /Issy-les-Moulineaux/ }).last().click();
    await page.waitForURL(/\/conventions\/\d+$/);
    await page.locator('main').getByText('Ouvrir une micro-crèche en centre-ville').first().waitFor();
    await page.getByRole('link', { name: 'Ouvrir une micro-crèche en centre-ville' }).first().click();
    await page.waitForURL(/\/actions\/\d+$/);
    const fiche = await page.request.get(`${server.url}${await page.getByRole('link', { name: 'Fiche en PDF' }).getAttribute('href')}`);
    expect(fiche.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page, 'fiche action importée');
    expect(foreignRequests).toEqual([]);
  });

  it('exports the filtered lists from their pages: conventions, actions of a plan, indicators', async () => {
    await page.goto(`${server.url}/conventions?q=issy`);
    const conventionsLink = page.getByRole('link', { name: 'Exporter ces conventions (Excel)' });
    await conventionsLink.waitFor();
    expect(await conventionsLink.getAttribute('href')).toBe('/api/v1/exports/conventions.xlsx?q=issy');
    await expectNoAxeViolations(page, 'liste des conventions avec export');
    const conventions = await readWorkbook(Buffer.from(await (await page.request.get(`${server.url}${await conventionsLink.getAttribute('href')}`)).body()));
    expect(conventions.getWorksheet('Conventions')!.rowCount).toBe(2);

    await page.getByRole('link', { name: /Issy-les-Moulineaux/ }).first().click();
    await page.waitForURL(/\/conventions\/\d+$/);
    const actionsHref = await page.getByRole('link', { name: 'Exporter la liste des actions (Excel)' }).getAttribute('href');
    const actions = await readWorkbook(Buffer.from(await (await page.request.get(`${server.url}${actionsHref}`)).body()));
    expect(actions.getWorksheet('Actions')!.rowCount).toBeGreaterThan(2);

    await page.goto(`${server.url}${new URL(page.url()).pathname}/suivi`);
    const indicatorsLink = page.getByRole('link', { name: 'Exporter les indicateurs et leurs valeurs (Excel)' });
    await indicatorsLink.waitFor();
    await expectNoAxeViolations(page, 'tableau de bord avec export des indicateurs');
    const indicators = await readWorkbook(Buffer.from(await (await page.request.get(`${server.url}${await indicatorsLink.getAttribute('href')}`)).body()));
    expect(indicators.worksheets.map((w) => w.name)).toEqual(['Indicateurs', 'Valeurs']);
    expect(foreignRequests).toEqual([]);
  });
});
