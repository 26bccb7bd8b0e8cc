import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { signInThroughPage } from './helpers/session.js';

describe('partner news journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let reader: Page;
  const foreign: string[][] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const desk = await newPage(browser, server.url);
    page = desk.page;
    foreign.push(desk.foreignRequests);
    await signInThroughPage(page, server.url, server.admin.email, server.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = (p: Page) => p.locator('main h1');

  it('drafts the news of March 2023 and saves it', async () => {
    await page.goto(`${server.url}/redaction`);
    await expect.poll(() => heading(page).textContent()).toBe('Rédaction des actualités');
    await expectNoAxeViolations(page, 'rédaction');
    await page.getByLabel('Du').fill('2023-03-01');
    await page.getByLabel('Au').fill('2023-03-31');
    await page.getByRole('button', { name: 'Voir le brouillon' }).click();
    await page.getByText('Aperçu : Trois nouvelles signatures de CTG en mars').waitFor();
    const preview = await page.locator('.ctg-draft-preview').textContent();
    expect(preview).toContain('Enfin, le 20 mars');
    expect(preview).toContain('Hugo Dapino, 1er vice-président du conseil d’administration');
    await expectNoAxeViolations(page, 'aperçu du brouillon');
    await screenshot(page, 'news-draft');
    await page.getByRole('button', { name: 'Enregistrer ce brouillon' }).click();
    await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe('Trois nouvelles signatures de CTG en mars');
    await expectNoAxeViolations(page, 'éditeur d’article');
  });

  it('edits a sentence, and regenerating asks before replacing the edit', async () => {
    const text = page.getByLabel('Texte de l’article');
    const body = await text.inputValue();
    expect(body).toContain('Pour mémoire, une CTG est un accord');
    await text.fill(body.replace('Pour mémoire, une CTG est un accord', 'Rappelons qu’une CTG est un accord'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Article enregistré.').waitFor();
    await page.getByRole('button', { name: 'Régénérer depuis les données' }).click();
    await page.getByText('Des modifications faites à la main seraient perdues').waitFor();
    await expectNoAxeViolations(page, 'confirmation de régénération');
    expect(await page.getByLabel('Texte de l’article').inputValue()).toContain('Rappelons qu’une CTG');
    await page.getByText('Aperçu', { exact: true }).click();
    await page.locator('.ctg-draft-preview').getByText(/Rappelons qu’une CTG/).waitFor();
    await expectNoAxeViolations(page, 'aperçu de l’article');
  });

  it('publishes the article', async () => {
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('link', { name: 'Voir la page publique' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/Publié le .+ par Administrateur/);
    await expectNoAxeViolations(page, 'article publié');
    await screenshot(page, 'news-editor');
  });

  it('is read on the public pages by someone signed out, with the convention summary', async () => {
    const context = await newPage(browser, server.url);
    reader = context.page;
    foreign.push(context.foreignRequests);
    await reader.goto(`${server.url}/actualites`);
    await expect.poll(() => heading(reader).textContent()).toBe('Actualités des conventions territoriales globales');
    await expectNoAxeViolations(reader, 'actualités');
    await reader.getByRole('link', { name: 'Trois nouvelles signatures de CTG en mars' }).click();
    await expect.poll(() => heading(reader).textContent()).toBe('Trois nouvelles signatures de CTG en mars');
    const article = await reader.locator('main').textContent();
    expect(article).toContain('Rappelons qu’une CTG est un accord');
    expect(article).toContain('Parmi les projets que porte cette convention');
    await expectNoAxeViolations(reader, 'article public');
    await screenshot(reader, 'news-article');
    await reader.getByRole('link', { name: /Convention territoriale globale d’Issy-les-Moulineaux/ }).click();
    await expect.poll(() => heading(reader).textContent()).toBe('Convention territoriale globale d’Issy-les-Moulineaux');
    const summary = await reader.locator('main').textContent();
    expect(summary).toContain('2023 à 2027');
    expect(summary).toContain('Espace Andrée Chedid');
    await expectNoAxeViolations(reader, 'fiche publique de convention');
  });

  it('serves the Atom feed with the published article', async () => {
    const response = await reader.request.get(`${server.url}/api/v1/public/news.atom`);
    expect(response.headers()['content-type']).toContain('application/atom+xml');
    const feed = await response.text();
    expect(feed).toContain('<title type="html"><![CDATA[Trois nouvelles signatures de CTG en mars]]></title>');
    expect(feed).toContain('/actualites/trois-nouvelles-signatures-de-ctg-en-mars-2023');
    expect(feed).toContain('Rappelons qu’une CTG');
  });

  it('made no request outside the application', () => {
    expect(foreign.flat()).toEqual([]);
  });
});
