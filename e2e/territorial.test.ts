import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';

const TOWNS = ['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt'];
const CAPACITY_HEADER = 'Code_geo;Millesime_geo;Date_ref;Valeur';
const CAPACITY_BAD = [CAPACITY_HEADER, '92009;2024;2022-12-31;1 035', '92009;2024;2023-12-31;n.d.', '92;2024;2023-12-31;37 880'].join('\n');
const CAPACITY = [CAPACITY_HEADER, '92009;2024;2022-12-31;1 035', '92009;2024;2023-12-31;1 060', '92;2024;2022-12-31;37 515', '92;2024;2023-12-31;37 880', 'FR;2024;2023-12-31;1 352 440'].join('\n');
const CHILDREN = ['territoire;date;valeur', '92009;2022;1180', '92009;2023;1165'].join('\n');

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

  it('sees the similar actions of a demo « Handicap » action in the other conventions, with the shared words', async () => {
    await page.goto(`${server.url}/territoires/champs?departement=92&theme=handicap`);
    const drill = page.locator('section', { has: page.getByRole('heading', { name: /Actions « Handicap »/ }) });
    await drill.getByRole('link', { name: /Actions semblables à « Coordonner les actions handicap/ }).click();
    await page.waitForURL(/\/actions\/\d+#semblables$/);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Actions semblables dans d’autres conventions' }) });
    const items = section.locator('li');
    await items.first().waitFor();
    const firstTwo = (await items.allTextContents()).slice(0, 2).join(' ');
    expect(firstTwo).toMatch(/Inclure les enfants en situation de handicap/);
    expect(firstTwo).toMatch(/Mieux accueillir et accompagner .* handicap/);
    expect(await items.first().textContent()).toMatch(/mots en commun : .*handicap/);
    await expectNoAxeViolations(page, 'actions semblables');
    await screenshot(page, 'actions-semblables');
  });

  it('imports a CSV with one bad line (line report, nothing loaded), then a valid one, and views the series', async () => {
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
    await page.getByRole('button', { name: 'Territoires' }).click();
    await page.getByRole('link', { name: 'Données du diagnostic' }).click();
    await page.waitForURL(/\/territoires\/donnees$/);
    await expect.poll(() => heading().textContent()).toBe('Données du diagnostic territorial');
    await page.getByText('Aucune série importée pour l’instant.').waitFor();
    await expectNoAxeViolations(page, 'données du diagnostic (vide)');

    const importFile = async (name: string, csv: string) => {
      await page.getByLabel(/^Fichier CSV/).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Importer' }).click();
    };
    await page.getByLabel(/^Code de la série/).fill('places_accueil_jeune_enfant');
    await page.getByLabel('Libellé').fill('Places d’accueil du jeune enfant');
    await page.getByLabel(/^Unité/).fill('places');
    await importFile('places-erreur.csv', CAPACITY_BAD);
    const report = page.getByRole('table', { name: 'Lignes en erreur' });
    await report.waitFor();
    expect(await report.locator('tbody tr').count()).toBe(1);
    expect(await report.locator('tbody tr th').textContent()).toBe('3');
    expect(await report.locator('tbody tr td').textContent()).toMatch(/valeur « n\.d\. » non numérique/);
    await page.getByRole('heading', { name: 'Fichier refusé : rien n’a été importé' }).waitFor();
    expect(await page.getByText('Aucune série importée pour l’instant.').count()).toBe(1);
    await expectNoAxeViolations(page, 'rapport d’erreurs d’import');
    await screenshot(page, 'import-refuse');

    await importFile('places.csv', CAPACITY);
    await page.getByRole('heading', { name: 'Série importée' }).waitFor();
    await page.getByRole('table', { name: 'Séries importées' }).getByRole('rowheader', { name: 'Places d’accueil du jeune enfant' }).waitFor();
    await page.waitForURL(/serie=places_accueil_jeune_enfant/);

    await page.getByLabel(/^Code de la série/).fill('enfants_moins_3_ans');
    await page.getByLabel('Libellé').fill('Enfants de moins de 3 ans');
    await page.getByLabel(/^Unité/).fill('enfants');
    await page.getByText('Générique', { exact: true }).click();
    await importFile('enfants.csv', CHILDREN);
    await page.getByRole('table', { name: 'Séries importées' }).getByRole('rowheader', { name: 'Enfants de moins de 3 ans' }).waitFor();

    await page.goto(`${server.url}/territoires/donnees?serie=places_accueil_jeune_enfant&territoire=92009&places=places_accueil_jeune_enfant&enfants=enfants_moins_3_ans`);
    const compare = page.getByRole('table', { name: /Places d’accueil du jeune enfant \(places\) — Bois-Colombes, Hauts-de-Seine et France/ });
    await compare.waitFor();
    expect((await compare.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s/g, ' '))).toEqual([
      expect.stringMatching(/31 décembre 2022.*1 035.*37 515.*—/),
      expect.stringMatching(/31 décembre 2023.*1 060.*37 880.*1 352 440/),
    ]);
    expect(await page.getByRole('link', { name: 'Télécharger les données (CSV)' }).getAttribute('href')).toMatch(/^data:text\/csv/);
    const rate = page.getByRole('table', { name: /Taux de couverture en accueil du jeune enfant — Bois-Colombes/ });
    await rate.waitFor();
    expect(await rate.locator('tbody tr').first().textContent()).toMatch(/87,7/);
    await page.getByText(/pour 100 enfants de moins de 3 ans/).first().waitFor();
    await expectNoAxeViolations(page, 'série et taux de couverture');
    await page.getByText('Graphique', { exact: true }).click();
    await page.locator('line-chart').waitFor();
    await expectNoAxeViolations(page, 'série en graphique');
    await screenshot(page, 'donnees-diagnostic');
  });

  it('sets and changes a coverage target of the Caf, shown against the national trajectory', async () => {
    await page.goto(`${server.url}/couverture/cibles`);
    await expect.poll(() => heading().textContent()).toBe('Cibles de couverture');
    const table = page.getByRole('table', { name: /Cibles de couverture par année — Caf des Hauts-de-Seine et trajectoire nationale/ });
    await table.waitFor();
    const row = (year: number) => table.locator('tbody tr', { has: page.getByRole('rowheader', { name: String(year), exact: true }) });
    expect((await row(2022).textContent())?.replace(/\s/g, ' ')).toMatch(/85 %/);
    await expectNoAxeViolations(page, 'cibles de couverture');
    await page.getByLabel('Année', { exact: true }).fill('2026');
    await page.getByLabel(/^Part de la population couverte/).fill('40');
    await page.getByRole('button', { name: 'Enregistrer la cible' }).click();
    await page.getByRole('heading', { name: 'Cible enregistrée' }).waitFor();
    await expect.poll(async () => (await row(2026).textContent())?.replace(/\s/g, ' '), { timeout: 10_000 }).toMatch(/40 %/);
    // Empty the field first, so that seeing 40 again proves the form was loaded with the saved target.
    await page.getByLabel(/^Part de la population couverte/).fill('');
    await page.getByRole('button', { name: 'Modifier la cible 2026' }).click();
    await expect.poll(() => page.getByLabel(/^Part de la population couverte/).inputValue(), { timeout: 10_000 }).toBe('40');
    await page.getByLabel(/^Part de la population couverte/).fill('45,5'.replace(',', '.'));
    await page.getByRole('button', { name: 'Enregistrer la cible' }).click();
    await expect.poll(async () => (await row(2026).textContent())?.replace(/\s/g, ' '), { timeout: 10_000 }).toMatch(/45,5 %/);
    await expectNoAxeViolations(page, 'cible enregistrée');
    await screenshot(page, 'cibles-couverture');
  });

  it('made no request outside the application', () => {
    expect(foreignRequests).toEqual([]);
  });
});
