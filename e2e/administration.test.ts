import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hash } from '@node-rs/argon2';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';
import { insertUser, upsertMembership } from '../src/server/accounts/accounts.repository.js';

const COORDINATOR = { email: 'coordination@bois-colombes.example', password: 'Coordination-CTG-2026!' };

/** Issue 4, administration side: people and roles, the security log and its export, personal data, my password. */
describe('administration journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];

  beforeAll(async () => {
    server = await startTestServer();
    const organisations = (await server.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=200' })).json() as { id: number; name: string }[];
    const boisColombes = organisations.find((o) => o.name === 'Ville de Bois-Colombes')!;
    const now = new Date().toISOString();
    const id = await insertUser(server.app.db, { email: COORDINATOR.email, display_name: 'Claire Martin', password_hash: await hash(COORDINATOR.password), is_platform_admin: 0, status: 'active', now });
    await upsertMembership(server.app.db, id, boisColombes.id, 'partner_reader', now);
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
    page.setDefaultTimeout(10_000);
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.locator('main h1');

  it('changes a coordinator’s role from « Personnes et rôles »', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Personnes et rôles' }).click();
    await expect.poll(() => heading().textContent()).toBe('Personnes et rôles');
    const role = page.getByLabel('Rôle de Claire Martin pour Ville de Bois-Colombes', { exact: true });
    await role.waitFor();
    await expectNoAxeViolations(page, 'personnes et rôles');
    await role.selectOption('partner_editor');
    await page.getByRole('button', { name: 'Enregistrer le rôle de Claire Martin pour Ville de Bois-Colombes' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer le rôle de Claire Martin pour Ville de Bois-Colombes' }).isDisabled()).toBe(true);
    const events = (await server.app.inject({ method: 'GET', url: '/api/v1/security-events?event=membership_changed', headers: { 'x-pilote-internal': server.app.internalSecret } })).json() as { total: number };
    expect(events.total).toBe(1);
    await screenshot(page, 'admin-roles');
  });

  it('limits the coordinator to the actions she pilots', async () => {
    // The DSFR checkbox draws its box on the label: users click the label.
    await page.locator('label', { hasText: 'Seulement les actions dont la personne est pilote' }).click();
    await expect.poll(() => page.getByLabel('Seulement les actions dont la personne est pilote').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'personnes et rôles, pilote seulement');
    const save = page.getByRole('button', { name: 'Enregistrer le rôle de Claire Martin pour Ville de Bois-Colombes' });
    await save.click();
    await expect.poll(() => save.isDisabled()).toBe(true);
    const membership = await server.app.db.selectFrom('membership as m').innerJoin('app_user as u', 'u.id', 'm.user_id').select(['m.role', 'm.pilot_only']).where('u.email', '=', COORDINATOR.email).executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: 'partner_editor', pilot_only: 1 });
  });

  it('reads the security log, filters it by person and exports it as CSV', async () => {
    await page.goto(`${server.url}/administration`);
    await page.getByRole('link', { name: 'Journal de sécurité' }).click();
    await expect.poll(() => heading().textContent()).toBe('Journal de sécurité');
    await page.getByRole('cell', { name: 'Rôle modifié' }).first().waitFor();
    await expectNoAxeViolations(page, 'journal de sécurité');
    await page.getByLabel('Personne').fill(server.admin.email);
    await page.getByLabel('Événement').selectOption('login');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('1 événement, du plus récent au plus ancien.').waitFor();
    await screenshot(page, 'admin-journal');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('date;événement;personne;adresse IP;navigateur;détails');
    expect(csv.slice(1).map((line) => line.split(';')[1])).toEqual(['Connexion']);
  });

  it('inventories, exports and erases a signatory’s personal data, keeping his signatures', async () => {
    await page.goto(`${server.url}/administration/donnees-personnelles`);
    await expect.poll(() => heading().textContent()).toBe('Données personnelles');
    await page.getByLabel('Personne ou compte').fill('Dorin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: 'Personne : Fabrice Dorin' }).click();
    await page.getByRole('table', { name: 'Signatures (conservées comme faits juridiques)' }).waitFor();
    await expectNoAxeViolations(page, 'données personnelles');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter ces données (JSON)' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { person: { lastName: string } };
    expect(exported.person.lastName).toBe('Dorin');
    await page.getByText('Je confirme l’effacement').click();
    await page.getByRole('button', { name: 'Effacer les données personnelles' }).click();
    await page.getByText(/signature\(s\) conservée\(s\) avec le nom/).waitFor();
    await page.getByText(/Données effacées le/).waitFor();
    await expectNoAxeViolations(page, 'données personnelles effacées');
    await screenshot(page, 'admin-rgpd');
  });

  it('lets the coordinator change her password from « Mon compte »', async () => {
    const coordinator = await newPage(browser, server.url);
    const other = coordinator.page;
    other.setDefaultTimeout(10_000);
    await signInThroughPage(other, server.url, COORDINATOR.email, COORDINATOR.password);
    await other.goto(`${server.url}/mon-compte`);
    await other.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
    await other.getByLabel('Nouveau mot de passe').fill('Encore-Plus-Solide-2026!');
    await other.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await other.getByText('Mot de passe actuel incorrect.').waitFor();
    await expectNoAxeViolations(other, 'mon compte, mot de passe refusé');
    await other.getByLabel('Mot de passe actuel').fill(COORDINATOR.password);
    await other.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await other.getByText('Mot de passe changé').waitFor();
    await expectNoAxeViolations(other, 'mon compte, mot de passe changé');
    await screenshot(other, 'mon-compte-mot-de-passe');
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: COORDINATOR.email, password: 'Encore-Plus-Solide-2026!' } });
    expect(login.statusCode).toBe(200);
    expect(coordinator.foreignRequests).toEqual([]);
  });

  it('reached nothing outside the app', () => {
    expect(foreignRequests).toEqual([]);
  });
});
