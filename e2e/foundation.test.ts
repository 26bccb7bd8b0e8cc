import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';

describe('foundation journey in Chromium', () => {
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

  it('opens the home page with the key figures', async () => {
    await page.goto(server.url);
    await expect.poll(() => heading().textContent()).toBeTruthy();
    await page.getByText('215 597').first().waitFor();
    await expectNoAxeViolations(page, 'accueil');
    await screenshot(page, 'accueil');
  });

  it('filters the conventions on the theme « Handicap »', async () => {
    await page.getByRole('link', { name: 'Conventions', exact: true }).first().click();
    await page.waitForURL(/\/conventions$/);
    await page.getByLabel('Champ d’intervention').selectOption({ label: 'Handicap' });
    await page.waitForURL(/theme=handicap/);
    for (const town of ['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt']) {
      await page.getByRole('link', { name: new RegExp(`Convention territoriale globale d(e |’)${town}`) }).waitFor();
    }
    await expectNoAxeViolations(page, 'liste filtrée');
    await screenshot(page, 'conventions');
  });

  it('opens Issy-les-Moulineaux: Hugo Dapino as 1er vice-président and the Espace Andrée Chedid action', async () => {
    await page.getByRole('link', { name: /Convention territoriale globale d’Issy-les-Moulineaux/ }).click();
    await expect.poll(() => heading().textContent()).toBe('Convention territoriale globale d’Issy-les-Moulineaux');
    const main = page.locator('main');
    await main.getByText('Hugo Dapino').first().waitFor();
    expect(await main.textContent()).toContain('1er vice-président du conseil d’administration');
    await main.getByText(/Espace Andrée Chedid/).first().waitFor();
    expect(await main.textContent()).toContain('1 000 premiers jours');
    expect(await main.textContent()).toContain('15 mars 2023');
    await expectNoAxeViolations(page, 'convention d’Issy-les-Moulineaux');
    await screenshot(page, 'convention-issy');
  });

  it('shows the public view to anonymous visitors: no edit control, the way to sign in', async () => {
    const main = page.locator('main');
    await main.getByText('Vue publique').waitFor();
    expect(await main.getByRole('link', { name: 'Modifier la convention' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Ajouter une action' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: /^Modifier l’action/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nouvelle convention' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Se connecter' }).first().waitFor();
  });

  it('sends an anonymous visitor of a form to the sign-in page, then back to the form', async () => {
    await page.goto(`${server.url}/conventions/nouvelle`);
    await page.waitForURL(/\/connexion\?retour=%2Fconventions%2Fnouvelle$/);
    await expect.poll(() => heading().textContent()).toBe('Se connecter');
    await expectNoAxeViolations(page, 'connexion');
    await page.getByLabel('Adresse e-mail').fill(server.admin.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(server.admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/conventions\/nouvelle$/);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle convention' }).waitFor();
  });

  it('shows field errors on the creation form, then creates a convention for Antony', async () => {
    await page.goto(`${server.url}/conventions/nouvelle`);
    await expect.poll(() => heading().textContent()).toMatch(/convention/i);
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    await page.locator('.fr-error-text, .fr-message--error').first().waitFor();
    await expectNoAxeViolations(page, 'formulaire avec erreurs');

    await page.getByLabel('Titre').fill('Convention territoriale globale d’Antony');
    const combobox = page.getByRole('combobox', { name: /Rechercher une commune ou un EPCI/ });
    await combobox.fill('antony');
    await page.getByRole('option', { name: /Antony/ }).first().click();
    await page.getByText('Petite enfance', { exact: true }).first().click();
    await expectNoAxeViolations(page, 'formulaire de création');
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 10_000 }).toBe('Convention territoriale globale d’Antony');
    expect(await page.locator('main').textContent()).toContain('Ville d’Antony');
    await expectNoAxeViolations(page, 'nouvelle convention');
  });

  it('finds the new convention in the list', async () => {
    await page.goto(`${server.url}/conventions`);
    await page.getByRole('link', { name: /Convention territoriale globale d’Antony/ }).waitFor();
    await page.getByLabel('Rechercher').fill('antony');
    await page.getByRole('button', { name: /Filtrer/ }).click();
    await page.waitForURL(/q=antony/);
    await page.getByRole('link', { name: /Convention territoriale globale d’Antony/ }).waitFor();
    expect(await page.getByRole('link', { name: /Convention territoriale globale de Bois-Colombes/ }).count()).toBe(0);
  });

  it('has no accessibility violation on the other pages', async () => {
    const pages: [string, RegExp][] = [
      ['/conventions/2/modifier', /Modifier/],
      ['/conventions/2/actions/nouvelle', /action/i],
      ['/actions/1/modifier', /action/i],
      ['/accessibilite', /ccessibilité/],
      ['/page-inexistante', /introuvable|n’existe pas/i],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => heading().textContent()).toMatch(title);
      await expectNoAxeViolations(page, path);
    }
  });

  it('made no request outside the application', () => {
    expect(foreignRequests).toEqual([]);
  });
});
