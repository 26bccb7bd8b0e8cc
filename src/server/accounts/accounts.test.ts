import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/helpers/smtp.js';
import type { ErrorResponse } from '../../shared/api/common.js';
import type { Me } from '../../shared/api/accounts.js';

const ADMIN = { email: 'admin@exemple.fr', password: 'Admin-Solide-2026!' };
const STRONG = 'Coordination-CTG-92!';

describe.each(ENGINES)('accounts, sessions and invitations (%s)', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let cafId: number;
  let boisColombesId: number;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(engine, { smtpUrl: smtp.url });
    await createUser(t.database, { ...ADMIN, admin: true });
    const orgs = await t.request<{ id: number; name: string; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    cafId = orgs.body.find((o) => o.kind === 'caf')!.id;
    boisColombesId = orgs.body.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const tokenFromMail = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{20,})`).exec(text)![1]!;

  it('invites a coordinator by e-mail; the link sets a password and opens a session', async () => {
    const admin = await signIn(t, ADMIN.email, ADMIN.password);
    const invited = await t.request<{ email: string; organisationName: string }>({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { email: 'Coordination@Bois-Colombes.fr', organisationId: boisColombesId, role: 'partner_editor' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'coordination@bois-colombes.fr', organisationName: 'Ville de Bois-Colombes' });
    const mail = await smtp.waitFor(1);
    expect(mail.to).toContain('coordination@bois-colombes.fr');
    expect(mail.subject).toContain('Ville de Bois-Colombes');
    const token = tokenFromMail(mail.text, '/invitation');

    const info = await t.request<{ role: string }>({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(info.body.role).toBe('partner_editor');
    const weak = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { displayName: 'Camille', password: 'motdepasse' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields?.[0]?.path).toBe('password');
    expect(weak.body.error.message).toMatch(/au moins 12 caractères/);

    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { displayName: 'Camille Coordination', password: STRONG } });
    expect(accepted.statusCode).toBe(200);
    const session = accepted.cookies.find((c) => c.name === 'pilote_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    const me = await t.request<Me>({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `pilote_session=${session.value}` } });
    expect(me.body.user?.memberships).toEqual([expect.objectContaining({ organisationName: 'Ville de Bois-Colombes', role: 'partner_editor' })]);
    const again = await t.request({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { displayName: 'Xavier', password: STRONG } });
    expect(again.status).toBe(410);
  });

  it('refuses invitations from anonymous callers and from people who are not admins', async () => {
    const anonymous = await t.request<ErrorResponse>({ anonymous: true, method: 'POST', url: '/api/v1/invitations', payload: { email: 'x@exemple.fr', organisationId: cafId, role: 'caf_agent' } });
    expect(anonymous.status).toBe(401);
    await createUser(t.database, { email: 'lecteur@exemple.fr', password: STRONG, memberships: [{ organisationId: boisColombesId, role: 'partner_reader' }] });
    const reader = await signIn(t, 'lecteur@exemple.fr', STRONG);
    const before = await snapshotCounts(t.database);
    const refused = await t.request<ErrorResponse>({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: reader.cookie, 'x-csrf-token': reader.csrf },
      payload: { email: 'x@exemple.fr', organisationId: cafId, role: 'caf_admin' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/droits/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('locks an account after five wrong passwords, and says so in French', async () => {
    await createUser(t.database, { email: 'verrou@exemple.fr', password: STRONG });
    for (let i = 1; i <= 4; i++) {
      const wrong = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'verrou@exemple.fr', password: `faux-${i}` } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    }
    const fifth = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'verrou@exemple.fr', password: 'faux-5' } });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toMatch(/verrouillé/);
    const right = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'verrou@exemple.fr', password: STRONG } });
    expect(right.status).toBe(429);
    const events = await t.database.db.selectFrom('security_event').select('event').where('actor', '=', 'verrou@exemple.fr').execute();
    expect(events.map((e) => e.event)).toEqual(['login_failed', 'login_failed', 'login_failed', 'login_failed', 'account_locked']);
  });

  it('protects cookie-authenticated writes against CSRF and can close every session', async () => {
    await createUser(t.database, { email: 'sessions@exemple.fr', password: STRONG });
    const first = await signIn(t, 'sessions@exemple.fr', STRONG);
    const second = await signIn(t, 'sessions@exemple.fr', STRONG);
    const forged = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: { cookie: first.cookie } });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf');
    const closed = await t.request<{ closedSessions: number }>({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: { cookie: first.cookie, 'x-csrf-token': first.csrf } });
    expect(closed.body.closedSessions).toBe(2);
    const me = await t.request<Me>({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: second.cookie } });
    expect(me.body.user).toBeNull();
  });

  it('resets a forgotten password by e-mail, ending the old sessions', async () => {
    await createUser(t.database, { email: 'oubli@exemple.fr', password: STRONG });
    const old = await signIn(t, 'oubli@exemple.fr', STRONG);
    const count = smtp.messages.length;
    const unknown = await t.request<{ message: string }>({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email: 'personne@exemple.fr' } });
    const known = await t.request<{ message: string }>({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email: 'oubli@exemple.fr' } });
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const mail = await smtp.waitFor(count + 1);
    expect(smtp.messages).toHaveLength(count + 1);
    const token = tokenFromMail(mail.text, '/mot-de-passe');
    const reset = await t.request({ method: 'POST', url: `/api/v1/auth/password-resets/${token}`, payload: { password: 'Nouveau-Mot-2026!' } });
    expect(reset.status).toBe(204);
    expect((await t.request<Me>({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: old.cookie } })).body.user).toBeNull();
    expect((await signIn(t, 'oubli@exemple.fr', 'Nouveau-Mot-2026!')).csrf).toBeTruthy();
    expect((await t.request({ method: 'POST', url: `/api/v1/auth/password-resets/${token}`, payload: { password: 'Encore-Un-2026!' } })).status).toBe(410);
  });

  it('issues API tokens shown once, stored hashed, revocable, with last use recorded', async () => {
    const admin = await signIn(t, ADMIN.email, ADMIN.password);
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const created = await t.request<{ id: number; token: string }>({ method: 'POST', url: '/api/v1/api-tokens', headers, payload: { name: 'Entrepôt de données', organisationId: cafId, scope: 'read' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^pct_/);
    const stored = await t.database.db.selectFrom('api_token').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token.slice(4));
    const used = await t.request({ method: 'GET', url: '/api/v1/conventions', headers: { authorization: `Bearer ${created.body.token}` } });
    expect(used.status).toBe(200);
    const list = await t.request<{ id: number; lastUsedAt: string | null }[]>({ method: 'GET', url: '/api/v1/api-tokens', headers });
    expect(list.body.find((x) => x.id === created.body.id)?.lastUsedAt).toBeTruthy();
    expect((await t.request({ method: 'DELETE', url: `/api/v1/api-tokens/${created.body.id}`, headers })).status).toBe(200);
    const revoked = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/conventions', headers: { authorization: `Bearer ${created.body.token}` } });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/Jeton/);
  });
});
