import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';

const ARTICLE = [
  'Retour Partenaires',
  'Une nouvelle CTG à Sceaux',
  'Le 12 mai, la convention territoriale globale de Sceaux a été signée en mairie par Anne-Sophie Morel, maire, et Fabrice Dorin, président du conseil d’administration de la Caf, en présence de Julie Garnier. Elle couvre les années 2025 à 2029.',
  'Parmi les projets :',
  '• l’ouverture d’un lieu d’accueil enfants-parents ;',
  '• un point information jeunesse au centre-ville.',
  'La MSA Île-de-France est également signataire.',
].join('\n');

describe('import from text in Chromium', () => {
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

  it('pastes an article and shows the draft beside the highlighted text', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Importer un texte' }).first().click();
    await page.waitForURL(/\/conventions\/importer$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Importer une convention depuis un texte');
    await expectNoAxeViolations(page, 'import : saisie du texte');
    await page.getByLabel('Texte à analyser').fill(ARTICLE);
    await page.getByRole('button', { name: 'Analyser le texte' }).click();
    await page.getByRole('heading', { name: 'Brouillon de convention' }).waitFor();
    expect(await page.getByLabel('Titre').inputValue()).toBe('Convention territoriale globale de Sceaux');
    expect(await page.getByLabel('Date de la signature (facultatif)').inputValue()).toBe('2025-05-12');
    expect(await page.getByLabel('Lieu de la signature (facultatif)').inputValue()).toBe('Mairie de Sceaux');
    const marked = await page.locator('mark[data-field="signatory"]').allTextContents();
    expect(marked.map((m) => m.replace(' [Signataire]', ''))).toEqual(['Anne-Sophie Morel', 'Fabrice Dorin', 'Julie Garnier']);
    // A person named without a capacity gets none: the reviewer must say it.
    expect(await page.getByLabel('Qualité (signataire 3)').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'import : relecture');
    await screenshot(page, 'import-relecture');
  });

  it('refuses a missing capacity, then creates the corrected convention and opens it', async () => {
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    await page.locator('.fr-input-group--error').first().waitFor();
    expect(page.url()).toMatch(/\/conventions\/importer$/);
    await page.getByLabel('Qualité (signataire 3)').fill('directrice');
    await page.getByLabel('Titre').fill('CTG de Sceaux 2025–2029');
    expect(await page.getByLabel('MSA Île-de-France').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    await page.waitForURL(/\/conventions\/\d+$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('CTG de Sceaux 2025–2029');
    const main = page.locator('main');
    await main.getByText('Julie Garnier').first().waitFor();
    const content = (await main.textContent()) ?? '';
    expect(content).toContain('12 mai 2025');
    expect(content).toContain('Mairie de Sceaux');
    expect(content).toContain('MSA Île-de-France');
    expect(content).toContain('directrice');
    expect(content).toContain('L’ouverture d’un lieu d’accueil enfants-parents');
    expect(content).toContain('Un point information jeunesse au centre-ville');
    await page.getByRole('heading', { name: 'Texte d’origine' }).waitFor();
    await page.getByRole('button', { name: 'Lire le texte importé' }).click();
    await expect.poll(async () => page.locator('.pilote-source-text').textContent()).toContain('Julie Garnier');
    await expectNoAxeViolations(page, 'convention importée');
    await screenshot(page, 'import-convention-creee');
    expect(foreignRequests).toEqual([]);
  });
});
