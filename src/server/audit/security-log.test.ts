import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';
import type { SecurityEvent } from '../../shared/api/security.js';

const PASSWORD = 'Journal-De-Securite-92!';

describe.each(ENGINES)('security log: read, filter, export (%s)', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let cafId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = await t.request<{ id: number; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    cafId = orgs.body.find((o) => o.kind === 'caf')!.id;
    await createUser(t.database, { email: 'admin@exemple.fr', password: PASSWORD, admin: true });
    await createUser(t.database, { email: 'agent@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_admin' }] });
    const session = await signIn(t, 'admin@exemple.fr', PASSWORD);
    admin = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    // A failed then a successful sign-in of the agent, from a known address and browser.
    for (const password of ['mauvais', PASSWORD]) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'agent@exemple.fr', password }, remoteAddress: '192.0.2.7', headers: { 'user-agent': 'Navigateur de test' } });
    }
  });
  afterAll(async () => t.close());

  const list = (query: string, headers = admin) => t.request<Page<SecurityEvent>>({ method: 'GET', url: `/api/v1/security-events?${query}`, headers });

  it('lists sign-ins and failures with who, when and from where, newest first, filtered by person', async () => {
    const { status, body } = await list('actor=AGENT@');
    expect(status).toBe(200);
    expect(body.items.map((e) => e.event)).toEqual(['login', 'login_failed']);
    expect(body.items[1]).toMatchObject({ actor: 'agent@exemple.fr', eventLabel: 'Échec de connexion', ip: '192.0.2.7', userAgent: 'Navigateur de test' });
    expect(Date.parse(body.items[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.total).toBe(2);
  });

  it('filters by day and by kind, and pages with a cursor', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await list(`from=${tomorrow}`)).body.total).toBe(0);
    const logins = await list(`from=${today}&to=${today}&event=login`);
    expect(logins.body.items.map((e) => e.actor).sort()).toEqual(['admin@exemple.fr', 'agent@exemple.fr']);
    const first = await list('limit=1&event=login');
    const second = await list(`limit=1&event=login&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[0]!.id);
  });

  it('refuses bad filters in French, naming the field', async () => {
    const reversed = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/security-events?from=2026-05-01&to=2026-04-01', headers: admin });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields?.[0]).toMatchObject({ path: 'to', message: 'La date de fin doit suivre la date de début.' });
    const badDate = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/security-events?from=01/05/2026', headers: admin });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields?.[0]?.path).toBe('from');
  });

  it('exports the filtered log as CSV, and that export is itself logged', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/security-events/export.csv?actor=agent', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="journal-securite-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('date;événement;personne;adresse IP;navigateur;détails');
    expect(lines.slice(1).map((l) => l.split(';')[1])).toEqual(['Connexion', 'Échec de connexion']);
    const exports = await list('event=data_export');
    expect(exports.body.items[0]).toMatchObject({ actor: 'admin <admin@exemple.fr>', details: { path: '/api/v1/security-events/export.csv', query: 'actor=agent' } });
  });

  it('is for platform administrators only: a Caf administrator gets 403, anonymous 401', async () => {
    const session = await signIn(t, 'agent@exemple.fr', PASSWORD);
    expect((await list('', { cookie: session.cookie, 'x-csrf-token': session.csrf })).status).toBe(403);
    expect((await t.request({ anonymous: true, method: 'GET', url: '/api/v1/security-events' })).status).toBe(401);
  });
});
