import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from '../../../test/helpers/oidc.js';
import type { Me } from '../../shared/api/accounts.js';

const REDIRECT_URI = 'http://127.0.0.1:3213/api/v1/auth/oidc/callback';
const PEOPLE = {
  'sub-claire': { email: 'claire.martin@bois-colombes.example', given_name: 'Claire', usual_name: 'Martin' },
  'sub-intrus': { email: 'intrus@exemple.fr', given_name: 'Sans', usual_name: 'Invitation' },
};

describe.each(ENGINES)('ProConnect-compatible sign-in against a local OpenID provider (%s)', (engine) => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let boisColombesId: number;

  beforeAll(async () => {
    provider = await startTestOidcProvider(REDIRECT_URI, PEOPLE);
    t = await createTestApp(engine, {
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri: REDIRECT_URI, scopes: 'openid email given_name usual_name', userinfoAlg: 'RS256', label: 'Se connecter avec ProConnect' },
    });
    const orgs = await t.request<{ id: number; name: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    boisColombesId = orgs.body.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  /** The whole round trip: our redirect, the provider's pages, then our callback with the transaction cookie. */
  async function roundTrip(login: string, retour = '/conventions') {
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/login?retour=${encodeURIComponent(retour)}` });
    expect(start.statusCode).toBe(302);
    const authorization = new URL(start.headers.location as string);
    const transaction = start.cookies.find((c) => c.name === 'pilote_oidc')!;
    expect(transaction.httpOnly).toBe(true);
    const back = new URL(await signInAtProvider(authorization.href, login, REDIRECT_URI));
    const callback = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, cookies: { pilote_oidc: transaction.value } });
    return { authorization, callback };
  }
  const events = async (event: string) =>
    t.database.db.selectFrom('security_event').select(['actor', 'details_json']).where('event', '=', event).orderBy('id').execute();

  it('sends the browser to the provider with PKCE (S256), state, nonce and the configured scopes', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('scope')).toBe('openid email given_name usual_name');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('refuses a person without invitation, with a reason the sign-in page explains, and logs it', async () => {
    const { callback } = await roundTrip('sub-intrus');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/connexion?erreur=oidc_non_invite');
    expect(callback.cookies.find((c) => c.name === 'pilote_session')).toBeUndefined();
    expect(await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'intrus@exemple.fr').executeTakeFirst()).toBeUndefined();
    const failed = await events('login_failed');
    expect(failed.at(-1)).toMatchObject({ actor: 'intrus@exemple.fr' });
    expect(JSON.parse(failed.at(-1)!.details_json!)).toEqual({ method: 'oidc', reason: 'oidc_non_invite' });
  });

  it('links the first sign-in to the invitation by e-mail, then recognises the subject', async () => {
    const invited = await t.request({ method: 'POST', url: '/api/v1/invitations', payload: { email: PEOPLE['sub-claire'].email, organisationId: boisColombesId, role: 'partner_editor' } });
    expect(invited.status).toBe(201);
    const first = await roundTrip('sub-claire', '/conventions');
    expect(first.callback.statusCode).toBe(302);
    expect(first.callback.headers.location).toBe('/conventions');
    const session = first.callback.cookies.find((c) => c.name === 'pilote_session')!;
    expect(session.httpOnly).toBe(true);
    const me = await t.request<Me>({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `pilote_session=${session.value}` } });
    expect(me.body.user).toMatchObject({ email: PEOPLE['sub-claire'].email, displayName: 'Claire Martin' });
    expect(me.body.user!.memberships).toEqual([expect.objectContaining({ organisationName: 'Ville de Bois-Colombes', role: 'partner_editor' })]);
    const user = await t.database.db.selectFrom('app_user').select(['oidc_subject', 'password_hash']).where('email', '=', PEOPLE['sub-claire'].email).executeTakeFirstOrThrow();
    expect(user).toEqual({ oidc_subject: 'sub-claire', password_hash: null });
    const invitation = await t.database.db.selectFrom('invitation').select('accepted_at').where('email', '=', PEOPLE['sub-claire'].email).executeTakeFirstOrThrow();
    expect(invitation.accepted_at).not.toBeNull();

    const again = await roundTrip('sub-claire', '/');
    expect(again.callback.headers.location).toBe('/');
    expect(again.callback.cookies.find((c) => c.name === 'pilote_session')?.value).toMatch(/^[\w-]{20,}$/);
    expect(provider.userinfoTypes.at(-1)).toBe('application/jwt');
    const logins = (await events('login')).filter((e) => e.actor === PEOPLE['sub-claire'].email);
    expect(logins.map((e) => JSON.parse(e.details_json!))).toEqual([{ method: 'oidc' }, { method: 'oidc' }]);
  });

  it('refuses a callback whose state does not match, or that comes without the transaction cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    const back = new URL(await signInAtProvider(start.headers.location as string, 'sub-claire', REDIRECT_URI));
    const forged = Buffer.from(JSON.stringify({ state: 'un-autre-etat-que-celui-envoye', nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), returnTo: '/' })).toString('base64url');
    const wrongState = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, cookies: { pilote_oidc: forged } });
    expect(wrongState.headers.location).toBe('/connexion?erreur=oidc_echec');
    expect(wrongState.cookies.find((c) => c.name === 'pilote_session')).toBeUndefined();
    const noCookie = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(noCookie.headers.location).toBe('/connexion?erreur=oidc_expire');
  });

  it('never redirects outside the site after sign-in', async () => {
    const { callback } = await roundTrip('sub-claire', '//ailleurs.example/piege');
    expect(callback.headers.location).toBe('/');
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const down = await createTestApp(engine, {
      demo: false,
      oidc: { issuer: 'http://127.0.0.1:9/injoignable', clientId: 'x', clientSecret: 'y', redirectUri: REDIRECT_URI, scopes: 'openid', userinfoAlg: 'RS256', label: 'ProConnect' },
    });
    try {
      const start = await down.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/connexion?erreur=oidc_indisponible');
    } finally {
      await down.close();
    }
  });

  it('says the sign-in button exists through the public configuration', async () => {
    const config = await t.request<{ oidc: { label: string } | null }>({ anonymous: true, method: 'GET', url: '/api/v1/config' });
    expect(config.body.oidc).toEqual({ label: 'Se connecter avec ProConnect' });
  });
});
