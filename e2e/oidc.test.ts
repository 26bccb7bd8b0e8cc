import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './helpers/server.js';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './helpers/browser.js';
import { startTestOidcProvider, type TestOidcProvider } from '../test/helpers/oidc.js';
import { INTERNAL_HEADER } from '../src/server/platform/http/auth.js';

const CLAIRE = { login: 'sub-claire', email: 'claire.martin@bois-colombes.example', given_name: 'Claire', usual_name: 'Martin' };
const STRANGER = { login: 'sub-inconnu', email: 'inconnu@exemple.fr', given_name: 'Paul', usual_name: 'Sans-Invitation' };

/** Issue 4: sign-in with a ProConnect-compatible provider (a real oidc-provider on loopback), in Chromium. */
describe('ProConnect sign-in journey in Chromium', () => {
  let provider: TestOidcProvider | undefined;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];

  beforeAll(async () => {
    server = await startTestServer({
      oidc: async (appUrl) => {
        const redirectUri = `${appUrl}/api/v1/auth/oidc/callback`;
        provider = await startTestOidcProvider(redirectUri, {
          [CLAIRE.login]: { email: CLAIRE.email, given_name: CLAIRE.given_name, usual_name: CLAIRE.usual_name },
          [STRANGER.login]: { email: STRANGER.email, given_name: STRANGER.given_name, usual_name: STRANGER.usual_name },
        });
        return { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, scopes: 'openid email given_name usual_name', userinfoAlg: 'RS256', label: 'Se connecter avec ProConnect' };
      },
    });
    const organisations = (await server.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=200' })).json() as { id: number; name: string }[];
    const boisColombes = organisations.find((o) => o.name === 'Ville de Bois-Colombes')!;
    const invited = await server.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { [INTERNAL_HEADER]: server.app.internalSecret },
      payload: { email: CLAIRE.email, organisationId: boisColombes.id, role: 'partner_editor' },
    });
    expect(invited.statusCode).toBe(201);
    browser = await launchBrowser();
    ({ page, foreignRequests } = await newPage(browser, server.url, [provider!.issuer]));
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  /** The provider's development pages: any login, then the consent. */
  async function signInAtProvider(login: string) {
    await page.getByRole('link', { name: 'Se connecter avec ProConnect' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider!.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('mot-de-passe-du-fournisseur');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  }

  it('refuses, in French, a person the provider knows but nobody invited', async () => {
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('link', { name: 'Se connecter avec ProConnect' }).waitFor();
    await expectNoAxeViolations(page, 'connexion avec ProConnect');
    await signInAtProvider(STRANGER.login);
    await page.waitForURL(`${server.url}/connexion?erreur=oidc_non_invite`);
    await page.getByText('aucun compte Pilote CTG n’est ouvert à votre adresse e-mail').waitFor();
    await expectNoAxeViolations(page, 'connexion ProConnect refusée');
    await screenshot(page, 'oidc-refus');
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
  });

  it('signs the invited coordinator in and brings her back to the page she asked for', async () => {
    // The provider remembers the last person on this browser (same host): start afresh, as another person would.
    await page.context().clearCookies();
    await page.goto(`${server.url}/connexion?retour=%2Fmon-compte`);
    await signInAtProvider(CLAIRE.login);
    await page.waitForURL(`${server.url}/mon-compte`);
    await page.getByRole('button', { name: 'Se déconnecter' }).first().waitFor();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Mon compte');
    await page.getByText(CLAIRE.email).first().waitFor();
    await page.getByText('Ville de Bois-Colombes').first().waitFor();
    await expectNoAxeViolations(page, 'mon compte après ProConnect');
    await screenshot(page, 'oidc-connecte');
  });

  it('reached nothing outside the app and the local provider', () => {
    expect(foreignRequests).toEqual([]);
  });
});
