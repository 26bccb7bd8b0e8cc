import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { INTERNAL_HEADER } from '../src/server/platform/http/auth.js';
import { signInThroughPage } from './helpers/session.js';

describe('plan d’actions follow-up journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  let ficheUrl = '';
  let reviewUrl = '';

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

  const heading = (p: Page = page) => p.locator('main h1');
  const main = () => page.locator('main');

  it('creates a fiche action with a budget line', async () => {
    await page.goto(`${server.url}/conventions/1/actions/nouvelle`);
    await expect.poll(() => heading().textContent()).toBe('Ajouter une action');
    await page.getByLabel('Titre').fill('Ouvrir un relais petite enfance');
    await page.getByText('Petite enfance', { exact: true }).first().click();
    await page.getByLabel('Avancement (%)').fill('40');
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'En cours' });
    await page.getByRole('button', { name: 'Ajouter une ligne budgétaire' }).click();
    await page.getByLabel('Année', { exact: true }).fill('2024');
    await page.getByLabel('Financeur').fill('Caf des Hauts-de-Seine');
    await page.getByLabel('Prévu (€)').fill('12 500,50');
    await page.getByLabel('Réalisé (€)').fill('12000');
    await expectNoAxeViolations(page, 'formulaire de fiche');
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 10_000 }).toBe('Ouvrir un relais petite enfance');
    ficheUrl = page.url();
    expect(await main().textContent()).toContain('12\u202f500,50\u00a0€');
  });

  async function addIndicator(title: string, unit: string, direction: string, baseline: string, target: string) {
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nouvel indicateur' }) });
    await form.getByLabel('Intitulé').fill(title);
    await form.getByLabel('Unité').fill(unit);
    await form.getByLabel('Sens de l’amélioration').selectOption({ label: direction });
    await form.getByLabel('Valeur de référence', { exact: true }).fill(baseline);
    await form.getByLabel('Date de la valeur de référence').fill('2022-12-31');
    await form.getByLabel('Cible', { exact: true }).fill(target);
    await form.getByLabel('Date de la cible').fill('2026-12-31');
    await form.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  async function recordValue(title: string, date: string, value: string) {
    const card = page.locator('article', { has: page.getByRole('heading', { name: title }) });
    await card.getByLabel('Date de la mesure').fill(date);
    await card.getByLabel(/^Valeur/).fill(value);
    await card.getByRole('button', { name: 'Enregistrer la valeur' }).click();
    await card.getByRole('cell', { name: `${value} ${''}`.trim(), exact: false }).first().waitFor();
  }

  it('adds two indicators, records values for 2023–2025 and shows the computed states', async () => {
    await addIndicator('Assistantes maternelles accompagnées', 'personnes', 'À la hausse (plus, c’est mieux)', '30', '60');
    await addIndicator('Demandes sans réponse', 'demandes', 'À la baisse (moins, c’est mieux)', '120', '40');
    for (const [date, value] of [['2023-12-31', '37'], ['2024-12-31', '41'], ['2025-12-31', '44']] as const) await recordValue('Assistantes maternelles accompagnées', date, value);
    for (const [date, value] of [['2023-12-31', '110'], ['2024-12-31', '95'], ['2025-12-31', '58']] as const) await recordValue('Demandes sans réponse', date, value);
    const first = page.locator('article', { has: page.getByRole('heading', { name: 'Assistantes maternelles accompagnées' }) });
    await first.getByText('attendu 52,5 personnes en 2025, mesuré 44 personnes').waitFor();
    expect(await first.textContent()).toContain('À risque');
    const second = page.locator('article', { has: page.getByRole('heading', { name: 'Demandes sans réponse' }) });
    expect(await second.textContent()).toContain('En bonne voie');
    await expectNoAxeViolations(page, 'fiche action avec indicateurs');
    await first.getByText('Graphique').click();
    await first.locator('line-chart').waitFor();
    await expectNoAxeViolations(page, 'fiche action avec graphique');
    await screenshot(page, 'fiche-action');
  });

  it('validates the 2025 review', async () => {
    await page.goto(`${server.url}/conventions/1/bilans`);
    await expect.poll(() => heading().textContent()).toBe('Bilans et évaluation');
    await page.getByLabel('Année', { exact: true }).fill('2025');
    await page.getByLabel('Date d’arrêt').fill('2025-12-31');
    await expectNoAxeViolations(page, 'liste des bilans');
    await page.getByRole('button', { name: 'Ouvrir le bilan' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 10_000 }).toBe('Bilan annuel 2025');
    reviewUrl = page.url();
    await page.getByLabel('Réalisé', { exact: true }).first().fill('Relais ouvert au printemps.');
    await expectNoAxeViolations(page, 'bilan en brouillon');
    await page.getByRole('button', { name: 'Valider et figer le bilan' }).click();
    await page.getByRole('heading', { name: 'Bilan validé et figé' }).waitFor();
    const row = page.locator('section', { has: page.getByRole('heading', { name: 'Instantané du plan d’actions' }) }).locator('tr', { hasText: 'Ouvrir un relais petite enfance' });
    expect(await row.textContent()).toContain('40 %');
    await expectNoAxeViolations(page, 'bilan validé');
    await screenshot(page, 'bilan-valide');
  });

  it('edits the fiche; the validated review does not change and the history shows the edit', async () => {
    await page.goto(ficheUrl);
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await expect.poll(() => heading().textContent()).toBe('Modifier l’action');
    await page.getByLabel('Avancement (%)').fill('80');
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'En retard' });
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText(/indiquez pourquoi/).first().waitFor();
    await page.getByLabel('Motif du statut').fill('Local livré en retard');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 10_000 }).toBe('Ouvrir un relais petite enfance');
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Historique de la fiche' }) });
    await history.getByText(/Avancement \(%\) : 40 → 80/).waitFor();
    expect(await history.textContent()).toContain('Motif du statut : — → Local livré en retard');
    await history.getByLabel('Au').fill('2020-01-01');
    await history.getByText('Aucun changement enregistré pour ces critères.').waitFor();
    await expectNoAxeViolations(page, 'historique filtré');

    await page.goto(reviewUrl);
    await page.getByRole('heading', { name: 'Bilan validé et figé' }).waitFor();
    const row = page.locator('section', { has: page.getByRole('heading', { name: 'Instantané du plan d’actions' }) }).locator('tr', { hasText: 'Ouvrir un relais petite enfance' });
    expect(await row.textContent()).toContain('40 %');
    expect(await row.textContent()).not.toContain('80 %');
  });

  it('gives the second of two people editing the same fiche a conflict showing what changed', async () => {
    const other = await newPage(browser, server.url);
    await signInThroughPage(other.page, server.url, server.admin.email, server.admin.password);
    const editUrl = `${ficheUrl}/modifier`;
    await page.goto(editUrl);
    await other.page.goto(editUrl);
    await expect.poll(() => heading(other.page).textContent()).toBe('Modifier l’action');
    await expect.poll(() => heading().textContent()).toBe('Modifier l’action');
    await other.page.getByLabel('Pilote (facultatif)').fill('Direction de la petite enfance');
    await other.page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => heading(other.page).textContent(), { timeout: 10_000 }).toBe('Ouvrir un relais petite enfance');

    await page.getByLabel('Avancement (%)').fill('90');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const alert = page.locator('.fr-alert', { has: page.getByRole('heading', { name: 'Modification concurrente' }) });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Pilote : — → Direction de la petite enfance');
    await expectNoAxeViolations(page, 'conflit d’édition');
    await screenshot(page, 'conflit');
    await other.page.context().close();
    expect(other.foreignRequests).toEqual([]);
  });

  it('records an amendment with the plan and shows the diff between plan versions', async () => {
    await page.goto(`${server.url}/conventions/2/avenants`);
    await expect.poll(() => heading().textContent()).toBe('Avenants et versions du plan');
    await page.getByLabel('Libellé de la nouvelle version').fill('Plan signé en mars 2023');
    await page.getByRole('button', { name: 'Enregistrer la version actuelle du plan' }).click();
    await page.getByRole('cell', { name: 'Plan signé en mars 2023' }).waitFor();
    await server.app.inject({ method: 'POST', url: '/api/v1/conventions/2/actions', payload: { title: 'Ouvrir une ludothèque', themes: ['parentalite'] }, headers: { [INTERNAL_HEADER]: server.app.internalSecret } });
    await page.getByLabel('Objet').fill('Ajout d’une ludothèque au plan');
    await page.getByLabel('Date de signature').fill('2025-06-12');
    await page.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
    await page.getByRole('cell', { name: 'Ajout d’une ludothèque au plan' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Version 2 (8 actions)');
    await page.getByLabel('Jusqu’à').selectOption({ label: '2 — Plan annexé à l’avenant n° 1' });
    await page.getByText('Actions ajoutées : Ouvrir une ludothèque').waitFor();
    await expectNoAxeViolations(page, 'avenants et versions du plan');
    await screenshot(page, 'avenants');
  });

  it('shows the follow-up dashboard and changes the pilot of a filtered set of actions', async () => {
    await page.goto(`${server.url}/conventions/1/suivi`);
    await expect.poll(() => heading().textContent()).toBe('Tableau de bord de suivi');
    const risks = page.locator('section', { has: page.getByRole('heading', { name: 'Indicateurs', exact: true }) });
    await risks.getByText('Assistantes maternelles accompagnées').waitFor();
    await page.getByRole('heading', { name: 'Calendrier des actions' }).waitFor();
    const bulk = page.locator('section', { has: page.getByRole('heading', { name: 'Modifier plusieurs actions à la fois' }) });
    await bulk.getByRole('combobox', { name: 'Champ d’intervention', exact: true }).selectOption({ label: 'Accès aux droits' });
    await page.getByLabel('Nouveau pilote (facultatif)').fill('Centre communal d’action sociale');
    await page.getByRole('button', { name: 'Appliquer aux 3 actions retenues' }).click();
    await page.getByText('3 actions modifiées.').waitFor();
    await expectNoAxeViolations(page, 'tableau de bord de suivi');
    await screenshot(page, 'suivi');
  });

  it('made no request outside the application', () => {
    expect(foreignRequests).toEqual([]);
  });
});
