import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, createUser, signIn, type TestApp } from '../../../../test/helpers/app.js';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { gunzipSync } from 'node:zlib';
import { HttpError } from './errors.js';
import { acceptsGzip } from './response-cache.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('answers computed once for identical requests arriving together', () => {
  let t: TestApp;
  let slowRuns = 0;
  let fragileRuns = 0;
  let tablesRuns = 0;
  let rightsRuns = 0;
  let largeRuns = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    t.app.get('/api/v1/essai/droits', { config: { cacheByDataVersion: true } }, async () => ({ run: ++rightsRuns }));
    t.app.get('/api/v1/essai/gros', { config: { cacheByDataVersion: true } }, async () => ({ run: ++largeRuns, rows: Array.from({ length: 200 }, (_, i) => ({ i, label: `ligne ${i} du plan d’action` })) }));
    t.app.get('/api/v1/essai/indicateurs', { config: { cacheReads: ['indicator'] } }, async () => {
      tablesRuns += 1;
      await pause(60);
      return { run: tablesRuns };
    });
    t.app.get('/api/v1/essai/lent', { config: { cacheByDataVersion: true } }, async () => {
      slowRuns += 1;
      await pause(40);
      return { run: slowRuns };
    });
    t.app.get('/api/v1/essai/fragile', { config: { cacheByDataVersion: true } }, async () => {
      fragileRuns += 1;
      await pause(20);
      if (fragileRuns === 1) throw new HttpError(409, 'conflict', 'Premier calcul refusé.');
      return { run: fragileRuns };
    });
  });
  afterAll(async () => t?.close());

  it('runs the route once for five identical requests at once, and gives each the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ url: '/api/v1/essai/lent', headers: t.adminHeaders })));
    expect(slowRuns).toBe(1);
    expect(answers.map((a) => [a.statusCode, a.json()])).toEqual(Array.from({ length: 5 }, () => [200, { run: 1 }]));
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
  });

  it('lets a request that read a later version wait for the answer being computed when its tables have not moved', async () => {
    const inject = () => t.app.inject({ url: '/api/v1/essai/indicateurs', headers: t.adminHeaders });
    const first = inject();
    await pause(20);
    await t.database.db.updateTable('theme').set({ label: sql`label` }).execute();
    const second = inject();
    expect((await Promise.all([first, second])).map((a) => a.json())).toEqual([{ run: 1 }, { run: 1 }]);
    expect(tablesRuns).toBe(1);
    // Served from the cache until a table it reads moves; then the next request computes its own.
    const third = inject();
    await pause(20);
    await t.database.db.updateTable('indicator').set({ title: sql`title` }).execute();
    const fourth = inject();
    expect((await Promise.all([third, fourth])).map((a) => a.json())).toEqual([{ run: 1 }, { run: 2 }]);
  });

  it('serves one answer to the callers with the same rights, and computes its own for any other', async () => {
    const { db } = t.database;
    const caf = await db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
    const commune = await db.selectFrom('organisation').select('id').where('kind', '=', 'commune').executeTakeFirstOrThrow();
    const people: [string, { organisationId: number; role: 'caf_agent' | 'partner_editor' }][] = [
      ['agent1@caf.fr', { organisationId: caf.id, role: 'caf_agent' }],
      ['agent2@caf.fr', { organisationId: caf.id, role: 'caf_agent' }],
      ['ville@commune.fr', { organisationId: commune.id, role: 'partner_editor' }],
    ];
    const cookies: Record<string, string>[] = [];
    for (const [email, membership] of people) {
      await createUser(t.database, { email, password: 'mot de passe solide 42', memberships: [membership] });
      cookies.push({ cookie: (await signIn(t, email, 'mot de passe solide 42')).cookie });
    }
    const runOf = async (headers: Record<string, string>) => (await t.app.inject({ url: '/api/v1/essai/droits', headers })).json<{ run: number }>().run;
    expect([await runOf(cookies[0]!), await runOf(cookies[1]!)]).toEqual([1, 1]);
    expect(await runOf(cookies[2]!)).toBe(2);
    expect(await runOf(t.adminHeaders)).toBe(3);
    expect(await runOf({})).toBe(4);
    expect(await runOf(cookies[1]!)).toBe(1);
  });

  it('compresses a large answer once for the clients that accept gzip, and sends it plain to the others', async () => {
    const ask = (acceptEncoding?: string) => t.app.inject({ url: '/api/v1/essai/gros', headers: { ...t.adminHeaders, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
    const computed = await ask('gzip, deflate, br');
    const kept = await ask('gzip, deflate, br');
    const plain = await ask();
    const refused = await ask('gzip;q=0, br');
    expect(largeRuns).toBe(1);
    for (const compressed of [computed, kept]) {
      expect(compressed.headers['content-encoding']).toBe('gzip');
      expect(compressed.headers.vary).toBe('accept-encoding');
      expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(gunzipSync(compressed.rawPayload).toString()).toBe(plain.body);
    }
    for (const uncompressed of [plain, refused]) {
      expect(uncompressed.headers['content-encoding']).toBeUndefined();
      expect(uncompressed.headers.vary).toBe('accept-encoding');
      expect(uncompressed.json<{ rows: unknown[] }>().rows).toHaveLength(200);
    }
    expect(refused.body).toBe(plain.body);
    const small = await t.app.inject({ url: '/api/v1/essai/lent', headers: { ...t.adminHeaders, 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as browsers and HTTP clients write it', () => {
    expect(['gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8', '*', 'GZIP'].map(acceptsGzip)).toEqual([true, true, true, true]);
    expect(['br', 'identity', 'gzip;q=0', 'gzip; q=0.000', '', undefined].map(acceptsGzip)).toEqual([false, false, false, false, false, false]);
  });

  it('lets those who waited compute their own answer when the first request fails', async () => {
    const answers = await Promise.all(Array.from({ length: 3 }, () => t.app.inject({ url: '/api/v1/essai/fragile', headers: t.adminHeaders })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 409]);
    expect(fragileRuns).toBe(3);
  });
});

describe.each(ENGINES)('answers kept while the tables they read have not moved (%s)', (engine) => {
  let t: TestApp;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url, headers: { ...t.adminHeaders, ...headers } });
    expect(response.statusCode).toBe(200);
    return { etag: response.headers.etag as string, body: response.json() as Record<string, unknown> };
  };
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('keeps the fields, the indicator and the action list across a note, and recomputes the convention it touched', async () => {
    const { db } = t.database;
    const action = await db.selectFrom('action').select(['id', 'convention_id']).orderBy('id').executeTakeFirstOrThrow();
    const indicator = await db.selectFrom('indicator').select('id').orderBy('id').executeTakeFirstOrThrow();
    const kept = ['/api/v1/themes', `/api/v1/indicators/${indicator.id}`, `/api/v1/actions?convention=${action.convention_id}`, '/api/v1/stats'];
    const before = await Promise.all(kept.map((url) => get(url)));
    const detail = await get(`/api/v1/conventions/${action.convention_id}`);
    const note = await t.request({ method: 'POST', url: `/api/v1/actions/${action.id}/notes`, payload: { date: '2026-11-29', author: 'Essai', body: 'Note du test du cache' } });
    expect(note.status).toBe(201);
    const after = await Promise.all(kept.map((url) => get(url)));
    expect(after.map((a) => a.etag)).toEqual(before.map((b) => b.etag));
    expect(after.map((a) => a.body)).toEqual(before.map((b) => b.body));
    const touched = await get(`/api/v1/conventions/${action.convention_id}`);
    expect(touched.etag).not.toBe(detail.etag);
    expect(touched.body.updatedAt).not.toBe(detail.body.updatedAt);
    // Kept answers still go: 304 to a browser that has them.
    const revalidated = await t.app.inject({ url: '/api/v1/themes', headers: { ...t.adminHeaders, 'if-none-match': before[0]!.etag } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('recomputes an answer as soon as a table it reads moves', async () => {
    const { db } = t.database;
    const theme = await db.selectFrom('theme').select(['code', 'version']).orderBy('position').executeTakeFirstOrThrow();
    const themes = await get('/api/v1/themes');
    const renamed = await t.request({ method: 'PATCH', url: `/api/v1/themes/${theme.code}`, payload: { version: theme.version, label: 'Champ renommé par le test' } });
    expect(renamed.status).toBe(200);
    const afterRename = await get('/api/v1/themes');
    expect(afterRename.etag).not.toBe(themes.etag);
    expect(JSON.stringify(afterRename.body)).toContain('Champ renommé par le test');

    const indicator = await db.selectFrom('indicator').select('id').orderBy('id').executeTakeFirstOrThrow();
    const url = `/api/v1/indicators/${indicator.id}`;
    const values = (await get(url)).body.values as unknown[];
    const measured = await t.request({ method: 'POST', url: `${url}/values`, payload: { date: '2026-11-20', value: 42 } });
    expect(measured.status).toBe(201);
    expect(((await get(url)).body.values as unknown[]).length).toBe(values.length + 1);
  });
});
