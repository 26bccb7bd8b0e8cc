import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';

/** The COPIL journey: plan it, read its pack, record the minutes with a decision, validate, see the plan changed. */
describe('Governance of Boulogne-Billancourt’s CTG in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  let conventionId = 0;
  let action = { id: 0, title: '' };
  let meetingUrl = '';

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.app.db;
    const convention = await db
      .selectFrom('convention as c')
      .innerJoin('convention_territory as t', 't.convention_id', 'c.id')
      .select('c.id')
      .where('t.territory_code', '=', '92012')
      .executeTakeFirstOrThrow();
    conventionId = convention.id;
    action = await db.selectFrom('action').select(['id', 'title']).where('convention_id', '=', conventionId).where('status', '!=', 'realisee').where('parent_id', 'is', null).orderBy('position').executeTakeFirstOrThrow();
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url));
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.locator('main h1');

  it('creates the COPIL of the convention with its members', async () => {
    await page.goto(`${server.url}/conventions/${conventionId}`);
    await page.getByRole('link', { name: 'Gouvernance : instances et réunions' }).click();
    await expect.poll(() => heading().textContent()).toBe('Gouvernance');
    await expectNoAxeViolations(page, 'gouvernance sans instance');
    await page.getByLabel('Nom de l’instance').fill('COPIL de la CTG de Boulogne-Billancourt');
    await page.getByLabel('Membres').fill('Claire Martin ; Caf des Hauts-de-Seine ; co-présidente ; claire.martin@exemple.fr\nPaul Durand ; Ville de Boulogne-Billancourt ; adjoint au maire ; paul.durand@exemple.fr');
    await page.getByRole('button', { name: 'Créer l’instance' }).click();
    await page.getByRole('cell', { name: 'COPIL de la CTG de Boulogne-Billancourt' }).waitFor();
  });

  it('plans a COPIL with an agenda linked to an action', async () => {
    await page.getByLabel('Date et heure').fill('2026-12-15T14:30');
    await page.getByLabel(/^Lieu/).fill('Hôtel de ville de Boulogne-Billancourt');
    await page.getByLabel('Point à l’ordre du jour').fill('Avancement des actions');
    await page.getByLabel('Élément du plan concerné (facultatif)').selectOption(`action:${action.id}`);
    await page.getByRole('button', { name: 'Ajouter ce point' }).click();
    await expectNoAxeViolations(page, 'gouvernance avec le formulaire de réunion');
    await screenshot(page, 'gouvernance');
    await page.getByRole('button', { name: 'Planifier la réunion' }).click();
    await page.waitForURL(/\/reunions\/\d+$/);
    meetingUrl = page.url();
    await expect.poll(() => heading().textContent()).toBe('COPIL du 15 décembre 2026');
    expect(await page.locator('main').textContent()).toContain(action.title);
    await expectNoAxeViolations(page, 'réunion planifiée');
  });

  it('generates the pack as a page, a Word file and a PDF', async () => {
    await page.getByRole('link', { name: 'Dossier de séance' }).click();
    await expect.poll(() => heading().textContent()).toBe('Dossier de séance — COPIL du 15 décembre 2026');
    for (const name of ['Actions par statut', 'Indicateurs à risque', 'Budgets', 'Décisions de la réunion précédente']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    expect(await page.locator('main').textContent()).toContain(action.title);
    await expectNoAxeViolations(page, 'dossier de séance');
    await screenshot(page, 'dossier-de-seance');
    const docx = await page.request.get(`${server.url}${await page.getByRole('link', { name: 'Télécharger (Word)' }).getAttribute('href')}`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await page.request.get(`${server.url}${await page.getByRole('link', { name: 'Télécharger (PDF)' }).getAttribute('href')}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records the minutes and a decision that sets the action to « réalisée »', async () => {
    await page.goto(meetingUrl);
    // The DSFR draws the box over the input: a person clicks its label.
    await page.locator('label', { hasText: 'Claire Martin (Caf des Hauts-de-Seine)' }).click();
    expect(await page.getByLabel('Claire Martin (Caf des Hauts-de-Seine)').isChecked()).toBe(true);
    await page.getByRole('textbox', { name: /^Compte rendu/ }).fill('## Relevé de conclusions\n\nLe COPIL constate que l’action est **achevée**.');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await page.getByRole('status').filter({ hasText: 'Compte rendu enregistré.' }).waitFor();
    await page.getByLabel('Action', { exact: true }).selectOption(String(action.id));
    await page.getByLabel('Nouveau statut').selectOption('realisee');
    await page.getByRole('button', { name: 'Proposer la décision' }).click();
    await page.getByRole('cell', { name: `Passer l’action « ${action.title} » au statut « Réalisée »` }).waitFor();
    await expectNoAxeViolations(page, 'compte rendu et décision proposée');
    await screenshot(page, 'reunion-compte-rendu');
  });

  it('validates the minutes: the action is « réalisée » and its history names the meeting', async () => {
    await page.getByRole('button', { name: 'Valider le compte rendu et appliquer les décisions' }).click();
    await page.getByText('les décisions ont été appliquées au plan').waitFor();
    await expectNoAxeViolations(page, 'réunion validée');
    const answer = await page.request.get(`${server.url}/api/v1/actions/${action.id}`);
    expect(((await answer.json()) as { status: string }).status).toBe('realisee');
    await page.getByRole('link', { name: action.title }).first().click();
    await page.waitForURL(`${server.url}/actions/${action.id}`);
    const history = page.getByRole('table', { name: /Historique de la fiche/ });
    await expect.poll(() => history.textContent()).toContain('COPIL du 15 décembre 2026');
    expect(await history.textContent()).toMatch(/COPIL du 15 décembre 2026FicheModificationStatut : [^→]+ → Réalisée/);
    await expectNoAxeViolations(page, 'fiche après la décision du COPIL');
    await screenshot(page, 'fiche-historique-copil');
  });

  it('opens an update campaign for the convention, follows it, closes it: the year’s values are locked', async () => {
    await page.goto(`${server.url}/campagnes`);
    await expect.poll(() => heading().textContent()).toBe('Campagnes de mise à jour');
    const title = await server.app.db.selectFrom('convention').select('title').where('id', '=', conventionId).executeTakeFirstOrThrow();
    await page.getByLabel('Conventions concernées').selectOption({ label: title.title });
    await page.getByLabel('Année des valeurs à mettre à jour').fill('2026');
    await page.getByLabel('Date limite').fill('2027-01-31');
    await expectNoAxeViolations(page, 'campagnes');
    await page.getByRole('button', { name: 'Ouvrir la campagne et prévenir les pilotes' }).click();
    await expect.poll(() => heading().textContent()).toBe('Mise à jour des données 2026');
    await page.getByRole('heading', { name: 'Avancement par pilote' }).waitFor();
    await expectNoAxeViolations(page, 'campagne ouverte');
    await page.getByRole('button', { name: 'Clore la campagne et verrouiller les valeurs 2026' }).click();
    await expect.poll(() => page.locator('main .fr-text--lead').textContent()).toContain('valeurs 2026 verrouillées');
    await expectNoAxeViolations(page, 'campagne close');
    await screenshot(page, 'campagne-close');
    await page.goto(`${server.url}/actions/${action.id}`);
    await page.getByLabel('Date de la mesure').first().fill('2026-06-30');
    await page.getByLabel(/^Valeur \(/).first().fill('5');
    await page.getByRole('button', { name: 'Enregistrer la valeur' }).first().click();
    await page.getByText(/Les valeurs 2026 de cette convention sont verrouillées/).first().waitFor();
    await expectNoAxeViolations(page, 'valeur refusée sur une année verrouillée');
  });

  it('shows the notification centre to the signed-in person', async () => {
    await page.getByRole('link', { name: /^Notifications/ }).first().click();
    await expect.poll(() => heading().textContent()).toBe('Notifications');
    await expectNoAxeViolations(page, 'notifications');
    expect(foreignRequests).toEqual([]);
  });
});
