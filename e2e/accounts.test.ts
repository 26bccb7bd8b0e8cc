import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';
import { startTestSmtp, type TestSmtp } from '../test/helpers/smtp.js';

const COORDINATOR = { email: 'claire.martin@bois-colombes.example', name: 'Claire Martin', password: 'Coordination-CTG-2025' };

/** The acceptance journey of issue 4: invitation by e-mail, scoped access, the French 403 page, sign-out. */
describe('accounts journey in Chromium', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let coordinator: Page;
  const foreign: string[][] = [];
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ smtpUrl: smtp.url });
    browser = await launchBrowser();
    const adminSession = await newPage(browser, server.url);
    const coordinatorSession = await newPage(browser, server.url);
    admin = adminSession.page;
    coordinator = coordinatorSession.page;
    foreign.push(adminSession.foreignRequests, coordinatorSession.foreignRequests);
    for (const page of [admin, coordinator]) page.setDefaultTimeout(10_000);
    const list = (await (await fetch(`${server.url}/api/v1/conventions`)).json()) as { items: { id: number; title: string }[] };
    for (const town of ['Bois-Colombes', 'Issy-les-Moulineaux']) ids[town] = list.items.find((c) => c.title.includes(town))!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const heading = (page: Page) => page.locator('main h1');

  it('refuses a wrong password with a French message, then signs the administrator in', async () => {
    await admin.goto(`${server.url}/connexion`);
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await admin.getByText('Saisissez votre mot de passe').waitFor();
    await admin.getByText('Adresse e-mail invalide').waitFor();
    await admin.getByLabel('Adresse e-mail').fill(server.admin.email);
    await admin.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await admin.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await expectNoAxeViolations(admin, 'connexion refusée');
    await signInThroughPage(admin, server.url, server.admin.email, server.admin.password);
    await admin.getByRole('link', { name: 'Administrateur' }).waitFor();
  });

  it('invites a Bois-Colombes coordinator from the administration page', async () => {
    await admin.getByRole('link', { name: 'Administration' }).click();
    await expect.poll(() => heading(admin).textContent()).toBe('Administration');
    await expectNoAxeViolations(admin, 'administration');
    await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin.getByText('Choisissez une organisation.').waitFor();
    const invite = admin.getByRole('region', { name: 'Inviter une personne' });
    await invite.getByLabel(/^Adresse e-mail/).fill(COORDINATOR.email);
    await invite.getByLabel(/^Organisation/).selectOption({ label: 'Ville de Bois-Colombes' });
    await invite.getByLabel(/^Rôle/).selectOption({ label: 'Partenaire (modification)' });
    await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin.getByRole('heading', { name: 'Invitation envoyée' }).waitFor();
    expect(await admin.locator('main').textContent()).toContain(`${COORDINATOR.email} est invité pour « Ville de Bois-Colombes »`);
    await expectNoAxeViolations(admin, 'invitation envoyée');
    await screenshot(admin, 'administration');
  });

  let invitationLink = '';

  it('delivers the invitation mail on the local SMTP server, with a link to the app', async () => {
    const mail = await smtp.waitFor(1);
    expect(mail.to).toContain(COORDINATOR.email);
    expect(mail.subject).toContain('Ville de Bois-Colombes');
    invitationLink = /https?:\/\/\S+\/invitation\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(invitationLink.startsWith(`${server.url}/invitation/`)).toBe(true);
  });

  it('lets the coordinator set a password with live rule hints and land signed in', async () => {
    await coordinator.goto(invitationLink);
    await expect.poll(() => heading(coordinator).textContent()).toBe('Rejoindre Pilote CTG');
    const main = coordinator.locator('main');
    expect(await main.textContent()).toContain('Ville de Bois-Colombes');
    expect(await main.textContent()).toContain('partenaire (modification)');
    await expectNoAxeViolations(coordinator, 'invitation');
    await coordinator.getByLabel('Nom affiché').fill(COORDINATOR.name);
    const password = coordinator.getByLabel('Mot de passe', { exact: true });
    await password.fill('court');
    await coordinator.getByRole('button', { name: 'Créer mon compte et me connecter' }).click();
    await main.locator('.fr-message--error').first().waitFor();
    await expectNoAxeViolations(coordinator, 'invitation, mot de passe trop faible');
    await password.fill(COORDINATOR.password);
    await expect.poll(() => main.locator('.fr-message--valid').count()).toBe(3);
    await coordinator.getByRole('button', { name: 'Créer mon compte et me connecter' }).click();
    await coordinator.waitForURL(/\/mon-compte$/);
    await coordinator.getByRole('heading', { name: `Bienvenue, ${COORDINATOR.name}` }).waitFor();
    await coordinator.getByRole('link', { name: COORDINATOR.name }).waitFor();
    expect(await main.textContent()).toContain('Partenaire (modification)');
    await expectNoAxeViolations(coordinator, 'mon compte');
    await screenshot(coordinator, 'mon-compte');
  });

  it('shows the coordinator the Bois-Colombes convention only, and lets them edit one of its actions', async () => {
    await coordinator.getByRole('link', { name: 'Conventions', exact: true }).first().click();
    await coordinator.getByRole('link', { name: /Convention territoriale globale de Bois-Colombes/ }).waitFor();
    expect(await coordinator.getByRole('link', { name: /Issy-les-Moulineaux/ }).count()).toBe(0);
    expect(await coordinator.getByRole('link', { name: 'Nouvelle convention' }).count()).toBe(0);
    await coordinator.getByRole('link', { name: /Convention territoriale globale de Bois-Colombes/ }).click();
    await expect.poll(() => heading(coordinator).textContent()).toMatch(/Bois-Colombes/);
    const main = coordinator.locator('main');
    expect(await main.getByRole('link', { name: 'Modifier la convention' }).count()).toBe(0);
    await main.getByRole('link', { name: 'Ajouter une action' }).waitFor();
    await expectNoAxeViolations(coordinator, 'convention de Bois-Colombes (partenaire)');

    await main.getByRole('link', { name: /^Modifier l’action/ }).first().click();
    await expect.poll(() => heading(coordinator).textContent()).toBe('Modifier l’action');
    await expectNoAxeViolations(coordinator, 'modifier une action de Bois-Colombes');
    const note = 'Point d’étape partagé avec la Caf en comité technique.';
    await coordinator.getByLabel('Description (facultatif)').fill(note);
    await coordinator.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    // Saving opens the fiche action, which shows the new description.
    await coordinator.waitForURL(/\/actions\/\d+$/);
    await main.getByText(note).first().waitFor();
  });

  it('answers the Issy-les-Moulineaux convention with the French access-denied page', async () => {
    await coordinator.goto(`${server.url}/conventions/${ids['Issy-les-Moulineaux']}`);
    await expect.poll(() => heading(coordinator).textContent()).toBe('Accès refusé');
    expect(await coordinator.locator('main').textContent()).toContain('Cette convention ne fait pas partie de votre périmètre.');
    expect(await coordinator.title()).toMatch(/^Accès refusé/);
    await expectNoAxeViolations(coordinator, 'accès refusé');
    await screenshot(coordinator, 'acces-refuse');
  });

  it('signs the coordinator out: the header offers to sign in and personal pages ask for it', async () => {
    await coordinator.getByRole('button', { name: 'Se déconnecter' }).click();
    await coordinator.getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(await coordinator.getByRole('link', { name: COORDINATOR.name }).count()).toBe(0);
    const me = await coordinator.evaluate(`fetch('/api/v1/auth/me').then((r) => r.json())`);
    expect(me).toEqual({ user: null, csrfToken: null });
    await coordinator.goto(`${server.url}/mon-compte`);
    await coordinator.waitForURL(/\/connexion\?retour=%2Fmon-compte$/);
    await expect.poll(() => heading(coordinator).textContent()).toBe('Se connecter');
    await expectNoAxeViolations(coordinator, 'connexion après déconnexion');
  });

  it('resets a forgotten password through the mailed link, then signs in with it', async () => {
    await coordinator.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect.poll(() => heading(coordinator).textContent()).toBe('Mot de passe oublié');
    await expectNoAxeViolations(coordinator, 'mot de passe oublié');
    await coordinator.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await coordinator.getByRole('button', { name: 'Recevoir un lien' }).click();
    await coordinator.getByRole('heading', { name: 'Demande enregistrée' }).waitFor();
    const mail = await smtp.waitFor(2);
    expect(mail.to).toContain(COORDINATOR.email);
    const link = /https?:\/\/\S+\/mot-de-passe\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(link.startsWith(`${server.url}/mot-de-passe/`)).toBe(true);

    await coordinator.goto(link);
    await expect.poll(() => heading(coordinator).textContent()).toBe('Choisir un nouveau mot de passe');
    await expectNoAxeViolations(coordinator, 'nouveau mot de passe');
    const fresh = 'Nouveau-Mot-de-passe-42';
    await coordinator.getByLabel('Nouveau mot de passe', { exact: true }).fill(fresh);
    await coordinator.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await coordinator.getByText('Votre mot de passe a été changé.', { exact: false }).waitFor();
    // With the keyboard alone: type, Tab to the password, Enter submits.
    await coordinator.getByLabel('Adresse e-mail').focus();
    await coordinator.keyboard.type(COORDINATOR.email);
    await coordinator.keyboard.press('Tab');
    await coordinator.keyboard.type(fresh);
    await coordinator.keyboard.press('Enter');
    await coordinator.getByRole('link', { name: COORDINATOR.name }).waitFor();
  });

  let secret = '';

  it('creates an API token shown once, which works until it is revoked', async () => {
    await admin.goto(`${server.url}/administration`);
    await expect.poll(() => heading(admin).textContent()).toBe('Administration');
    const tokens = admin.getByRole('region', { name: 'Jetons d’API' });
    await tokens.getByLabel(/^Nom du jeton/).fill('Tableau de bord départemental');
    await tokens.getByLabel(/^Organisation du jeton/).selectOption({ label: 'Ville de Bois-Colombes' });
    await admin.getByRole('button', { name: 'Créer le jeton' }).click();
    await admin.getByRole('heading', { name: 'Jeton « Tableau de bord départemental » créé' }).waitFor();
    secret = await admin.getByLabel('Jeton d’API').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await admin.getByRole('rowheader', { name: 'Tableau de bord départemental' }).waitFor();
    await expectNoAxeViolations(admin, 'jeton créé');
    await screenshot(admin, 'jetons');

    const asToken = () => fetch(`${server.url}/api/v1/conventions/${ids['Bois-Colombes']}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken()).status).toBe(200);
    await admin.getByRole('button', { name: 'Révoquer le jeton « Tableau de bord départemental »' }).click();
    await admin.getByRole('button', { name: 'Confirmer la révocation du jeton « Tableau de bord départemental »' }).click();
    await admin.getByText(/^Révoqué le /).waitFor();
    expect((await asToken()).status).toBe(401);
    await admin.reload();
    await expect.poll(() => heading(admin).textContent()).toBe('Administration');
    expect(await admin.locator('main').textContent()).not.toContain(secret);
  });

  it('closes every session of the administrator with « Se déconnecter de tous les appareils »', async () => {
    await admin.getByRole('link', { name: 'Administrateur' }).click();
    await expect.poll(() => heading(admin).textContent()).toBe('Mon compte');
    await admin.getByRole('button', { name: 'Se déconnecter de tous les appareils' }).click();
    await admin.waitForURL(/\/connexion$/);
    await admin.getByText(/Vous êtes déconnecté de tous vos appareils/).waitFor();
    await admin.getByRole('link', { name: 'Se connecter' }).waitFor();
  });

  it('made no request outside the application', () => {
    expect(foreign.flat()).toEqual([]);
  });
});
