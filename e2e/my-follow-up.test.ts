import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hash } from '@node-rs/argon2';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';
import { insertUser, upsertMembership } from '../src/server/accounts/accounts.repository.js';

const PASSWORD = 'Suivi-Navigateur-92!';

describe('« Mon suivi », pilot links and the missing follow-up screens in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  let conventionId = 0;
  let actionId = 0;
  let partyName = '';
  let axisConventionId = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.app.db;
    const convention = await db.selectFrom('convention').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    conventionId = convention.id;
    const party = await db.selectFrom('party as p').innerJoin('organisation as o', 'o.id', 'p.organisation_id').select(['o.id', 'o.name']).where('p.convention_id', '=', conventionId).where('o.kind', '!=', 'caf').executeTakeFirstOrThrow();
    partyName = party.name;
    const now = new Date().toISOString();
    const userId = await insertUser(db, { email: 'camille.coordination@exemple.fr', display_name: 'Camille Coordination', password_hash: await hash(PASSWORD), is_platform_admin: 0, status: 'active', now });
    await upsertMembership(db, userId, party.id, 'partner_editor', now);
    const action = await db.selectFrom('action').select('id').where('convention_id', '=', conventionId).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    actionId = action.id;
    // The demo plans have no axes: give this one an axis, as a coordinator would.
    await db.insertInto('axis').values({ convention_id: conventionId, title: 'Accompagner les familles', position: 1, created_at: now, updated_at: now }).execute();
    axisConventionId = conventionId;
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.locator('main h1');

  it('links a fiche’s pilot to an account from the form', async () => {
    await page.goto(`${server.url}/actions/${actionId}/modifier`);
    await expect.poll(() => heading().textContent()).toBe('Modifier l’action');
    await page.getByLabel('Personne pilote, si elle a un compte (facultatif)').selectOption({ label: `Camille Coordination (${partyName})` });
    await expectNoAxeViolations(page, 'formulaire de fiche avec les pilotes');
    await screenshot(page, 'fiche-pilotes');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(`${server.url}/actions/${actionId}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Camille Coordination (compte)');
  });

  it('shows the pilot what they pilot and what is due, in « Mon suivi »', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await signInThroughPage(page, server.url, 'camille.coordination@exemple.fr', PASSWORD);
    await page.getByRole('link', { name: 'Mon suivi' }).first().click();
    await expect.poll(() => heading().textContent()).toBe('Mon suivi');
    const row = page.locator('main table tr', { has: page.locator(`a[href="/actions/${actionId}"]`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('vous, nommément');
    expect(await page.locator('main').textContent()).toMatch(/\d+ actions? pilotées?/);
    await expectNoAxeViolations(page, 'Mon suivi');
    await screenshot(page, 'mon-suivi');
  });

  it('lets the pilot add a note, then shows each person by name in the fiche’s history, filtered by person', async () => {
    await page.locator(`main a[href="/actions/${actionId}"]`).click();
    await page.getByLabel('Date', { exact: true }).fill('2026-01-15');
    await page.getByLabel('Auteur').fill('Camille Coordination, ville');
    await page.getByLabel('Note', { exact: true }).fill('Réunion des partenaires tenue, calendrier confirmé.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('Réunion des partenaires tenue, calendrier confirmé.').first().waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/actions/${actionId}`);
    const history = page.getByRole('table', { name: /Historique de la fiche/ });
    await expect.poll(() => history.textContent()).toContain('Camille Coordination <camille.coordination@exemple.fr>');
    expect(await history.textContent()).toContain(server.admin.email);
    await page.getByLabel('Personne').selectOption({ label: 'Camille Coordination <camille.coordination@exemple.fr>' });
    await expect.poll(() => history.textContent()).not.toContain(server.admin.email);
    expect(await history.textContent()).toContain('Camille Coordination <camille.coordination@exemple.fr>');
    await expectNoAxeViolations(page, 'historique filtré par personne');
  });

  it('edits and deletes an indicator and removes a measured value on the fiche', async () => {
    await page.goto(`${server.url}/actions/${actionId}`);
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nouvel indicateur' }) });
    await form.getByLabel('Intitulé').fill('Familles reçues');
    await form.getByLabel('Unité').fill('familles');
    await form.getByLabel('Valeur de référence', { exact: true }).fill('100');
    await form.getByLabel('Date de la valeur de référence').fill('2023-01-01');
    await form.getByLabel('Cible', { exact: true }).fill('200');
    await form.getByLabel('Date de la cible').fill('2027-12-31');
    await form.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Familles reçues', exact: true }) });
    await card.waitFor();
    await card.getByLabel('Date de la mesure').fill('2024-12-31');
    await card.getByLabel('Valeur (familles)').fill('130');
    await card.getByRole('button', { name: /Enregistrer la valeur/ }).click();
    await card.getByRole('button', { name: /Retirer la valeur 130/ }).waitFor();
    await card.getByRole('button', { name: /Retirer la valeur 130/ }).click();
    await expect.poll(() => card.getByRole('button', { name: /Retirer la valeur 130/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Modifier l’indicateur' }).click();
    await card.getByLabel('Intitulé').fill('Familles accueillies');
    await expectNoAxeViolations(page, 'modification d’un indicateur');
    await screenshot(page, 'indicateur-modification');
    await card.getByRole('button', { name: 'Enregistrer l’indicateur' }).click();
    const renamed = page.locator('article', { has: page.getByRole('heading', { name: 'Familles accueillies', exact: true }) });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Supprimer l’indicateur' }).click();
    await renamed.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Familles accueillies', exact: true }).count()).toBe(0);
  });

  it('adds an indicator to an axis from the convention page', async () => {
    await page.goto(`${server.url}/conventions/${axisConventionId}`);
    const add = page.getByRole('button', { name: /Ajouter un indicateur à l’axe/ }).first();
    await add.waitFor();
    await add.click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nouvel indicateur' }) });
    await form.getByLabel('Intitulé').fill('Partenaires mobilisés');
    await form.getByLabel('Unité').fill('partenaires');
    await form.getByLabel('Valeur de référence', { exact: true }).fill('3');
    await form.getByLabel('Date de la valeur de référence').fill('2023-01-01');
    await form.getByLabel('Cible', { exact: true }).fill('9');
    await form.getByLabel('Date de la cible').fill('2027-12-31');
    await form.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    await page.getByRole('heading', { name: 'Partenaires mobilisés', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'indicateurs des axes');
    await screenshot(page, 'indicateurs-axe');
  });

  it('corrects an amendment', async () => {
    await page.goto(`${server.url}/conventions/${conventionId}/avenants`);
    await expect.poll(() => heading().textContent()).toBe('Avenants et versions du plan');
    await page.getByLabel('Objet').fill('Ajout du plan d’actions');
    await page.getByLabel('Date de signature').fill('2024-03-15');
    await page.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
    const edit = page.getByRole('button', { name: /Modifier l’avenant n° \d+/ }).last();
    await edit.waitFor();
    await edit.click();
    const form = page.locator('section', { has: page.getByRole('heading', { name: /Modifier l’avenant/ }) });
    await form.getByLabel('Objet').fill('Ajout du plan d’actions et de ses indicateurs');
    await expectNoAxeViolations(page, 'correction d’un avenant');
    await form.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Avenants de la convention' }).textContent()).toContain('Ajout du plan d’actions et de ses indicateurs');
    expect(foreignRequests).toEqual([]);
  });
});
