import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createDemoDatabase, type Engine, type TestDatabase } from '../../../test/helpers/databases.js';
import { createUser } from '../../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { createDb, type DatabaseHandle } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareDatabase } from '../demo/prepare.js';
import { loadConfig } from './config.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';
import type { SearchResult } from '../../shared/api/search.js';

const PASSWORD = 'deux instances, une seule base';

/** One database, two handles on it: what two app processes behind a reverse proxy share. */
async function sharedDatabase(engine: Engine): Promise<{ first: TestDatabase | DatabaseHandle; second: DatabaseHandle; dispose(): Promise<void> }> {
  if (engine === 'postgres') {
    const first = await createDemoDatabase(engine);
    const second = createDb({ databaseUrl: first.url });
    return { first, second, dispose: async () => (await second.close(), await first.drop()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pilote-instances-'));
  const path = join(dir, 'partagee.sqlite');
  const first = createDb({ sqlitePath: path });
  await migrateToLatest(first.db);
  await prepareDatabase(first, { loadDemoIfEmpty: true, departements: ['92'] });
  const second = createDb({ sqlitePath: path });
  return { first, second, dispose: async () => (await second.close(), await first.close(), rmSync(dir, { recursive: true, force: true })) };
}

describe.each(ENGINES)('two app instances on one database (%s)', (engine) => {
  let database: Awaited<ReturnType<typeof sharedDatabase>>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let session: { cookie: string; csrf: string };
  let conventionId: number;
  const call = async <T>(app: FastifyInstance, options: InjectOptions) => {
    const response = await app.inject({ ...options, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...options.headers } });
    return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T, etag: response.headers.etag as string | undefined };
  };

  beforeAll(async () => {
    database = await sharedDatabase(engine);
    const config = { ...loadConfig({}), clientDir: 'dist/client' };
    const mailer = { send: async () => {}, close() {} };
    a = await buildApp({ database: database.first, config, logger: false, mailer });
    b = await buildApp({ database: database.second, config, logger: false, mailer });
    await createUser(database.first as TestDatabase, { email: 'admin@exemple.fr', password: PASSWORD, admin: true });
    const login = await a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@exemple.fr', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    session = { cookie: `pilote_session=${login.cookies.find((c) => c.name === 'pilote_session')!.value}`, csrf: (login.json() as { csrfToken: string }).csrfToken };
    conventionId = (await call<Page<ConventionSummary>>(a, { url: '/api/v1/conventions' })).body.items[0]!.id;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.dispose();
  });

  it('accepts a session opened on one instance on the other, for reads and for writes', async () => {
    const me = await call<{ user: { email: string } }>(b, { url: '/api/v1/auth/me' });
    expect(me.body.user.email).toBe('admin@exemple.fr');
    const detail = await call<ConventionDetail>(b, { url: `/api/v1/conventions/${conventionId}` });
    const renamed = await call<ConventionDetail>(b, { method: 'PATCH', url: `/api/v1/conventions/${conventionId}`, payload: { version: detail.body.version, title: 'CTG renommée sur l’instance B' } });
    expect(renamed.status).toBe(200);
  });

  it('shows an edit made through one instance at once through the other, cache included', async () => {
    const before = await call<ConventionDetail>(a, { url: `/api/v1/conventions/${conventionId}` });
    const list = await call<Page<ConventionSummary>>(a, { url: '/api/v1/conventions?limit=100' });
    expect((await call<ConventionDetail>(a, { url: `/api/v1/conventions/${conventionId}` })).etag).toBe(before.etag);
    const edited = await call<ConventionDetail>(b, { method: 'PATCH', url: `/api/v1/conventions/${conventionId}`, payload: { version: before.body.version, title: 'Convention des Hortensias' } });
    expect(edited.status).toBe(200);
    const after = await call<ConventionDetail>(a, { url: `/api/v1/conventions/${conventionId}`, headers: { 'if-none-match': before.etag! } });
    expect(after.status).toBe(200);
    expect(after.body.title).toBe('Convention des Hortensias');
    expect(after.etag).not.toBe(before.etag);
    const listAfter = await call<Page<ConventionSummary>>(a, { url: '/api/v1/conventions?limit=100' });
    expect(listAfter.body.items.find((c) => c.id === conventionId)!.title).toBe('Convention des Hortensias');
    expect(list.body.items.find((c) => c.id === conventionId)!.title).not.toBe('Convention des Hortensias');
    const found = await call<SearchResult>(a, { url: '/api/v1/search?q=hortensia&kind=convention' });
    expect(found.body.hits.map((h) => h.id)).toEqual([conventionId]);
    // Unchanged data: the instance answers 304 to the version it handed out.
    expect((await call(a, { url: `/api/v1/conventions/${conventionId}`, headers: { 'if-none-match': after.etag! } })).status).toBe(304);
  });

  it('refuses at once, on the other instance, a token revoked on one (callers are cached per data version)', async () => {
    const cafId = (await call<ConventionDetail>(a, { url: `/api/v1/conventions/${conventionId}` })).body.caf.id;
    const created = await call<{ id: number; token: string }>(a, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'Intégration', organisationId: cafId, scope: 'read' } });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}`, cookie: '' };
    expect((await a.inject({ url: `/api/v1/conventions/${conventionId}`, headers: bearer })).statusCode).toBe(200);
    expect((await call(b, { method: 'DELETE', url: `/api/v1/api-tokens/${created.body.id}` })).status).toBe(200);
    const refused = await a.inject({ url: `/api/v1/conventions/${conventionId}`, headers: bearer });
    expect(refused.statusCode).toBe(401);
  });

  it('takes a membership withdrawn through one instance away from the person on the other at once', async () => {
    const cafId = (await call<ConventionDetail>(a, { url: `/api/v1/conventions/${conventionId}` })).body.caf.id;
    const userId = await createUser(database.first as TestDatabase, { email: 'agent@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    const login = await a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'agent@exemple.fr', password: PASSWORD } });
    const agent = { cookie: `pilote_session=${login.cookies.find((c) => c.name === 'pilote_session')!.value}` };
    const me = async () => (await a.inject({ url: '/api/v1/auth/me', headers: agent })).json() as { user: { memberships: unknown[] } };
    expect((await me()).user.memberships).toHaveLength(1);
    await database.second.db.deleteFrom('membership').where('user_id', '=', userId).execute();
    expect((await me()).user.memberships).toHaveLength(0);
  });

  it('does not drop the caches when a session or a token is merely marked as used', async () => {
    const version = async () => Number((await database.second.db.selectFrom('data_version').select('value').executeTakeFirstOrThrow()).value);
    const admin = (await database.second.db.selectFrom('app_user').select('id').where('email', '=', 'admin@exemple.fr').executeTakeFirstOrThrow()).id;
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await database.second.db.updateTable('user_session').set({ last_seen_at: longAgo }).where('user_id', '=', admin).execute();
    const before = await version();
    expect((await call(a, { url: '/api/v1/auth/me' })).status).toBe(200);
    const session = await database.second.db.selectFrom('user_session').select('last_seen_at').where('user_id', '=', admin).executeTakeFirstOrThrow();
    expect(session.last_seen_at > longAgo).toBe(true);
    expect(await version()).toBe(before);
  });

  it('closes the session everywhere when it is closed on one instance', async () => {
    expect((await call(b, { method: 'POST', url: '/api/v1/auth/logout' })).status).toBe(204);
    const me = await call<{ user: unknown }>(a, { url: '/api/v1/auth/me' });
    expect(me.body.user).toBeNull();
    const write = await call(a, { method: 'PATCH', url: `/api/v1/conventions/${conventionId}`, payload: { version: 1, title: 'Refusée' } });
    expect(write.status).toBe(401);
  });
});
