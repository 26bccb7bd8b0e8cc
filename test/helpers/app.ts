import type { FastifyInstance, InjectOptions } from 'fastify';
import { hash } from '@node-rs/argon2';
import { buildApp } from '../../src/server/app.js';
import { insertUser, upsertMembership } from '../../src/server/accounts/accounts.repository.js';
import type { Role } from '../../src/shared/api/accounts.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { createDemoDatabase, createTestDatabase, type Engine, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** JSON request through the real HTTP stack, without a socket. */
  request<T = unknown>(options: InjectOptions): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, options: { demo?: boolean; smtpUrl?: string } = {}): Promise<TestApp> {
  const database = options.demo === false ? await createTestDatabase(engine) : await createDemoDatabase(engine);
  const base = loadConfig({});
  const config = { ...base, clientDir: 'dist/client', mail: { ...base.mail, smtpUrl: options.smtpUrl ?? null } };
  const app = await buildApp({ database, config, logger: false, mailer: options.smtpUrl ? undefined : { send: async () => {}, close() {} } });
  return {
    app,
    database,
    async request<T>(opts: InjectOptions) {
      const response = await app.inject(opts);
      const body = response.body ? (response.json() as T) : (undefined as T);
      return { status: response.statusCode, body };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Row counts of every business table: "a rejected request changes nothing" compares these. */
export async function snapshotCounts(database: TestDatabase): Promise<Record<string, number>> {
  const tables = [
    'organisation', 'person', 'mandate', 'theme', 'convention', 'convention_territory', 'convention_theme',
    'convention_status_change', 'party', 'signature_event', 'signatory', 'axis', 'action', 'action_theme', 'audit_event',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/** A user with a password and memberships, created straight in the database (tests only). */
export async function createUser(
  database: TestDatabase,
  user: { email: string; password: string; admin?: boolean; memberships?: { organisationId: number; role: Role }[] },
): Promise<number> {
  const now = new Date().toISOString();
  const id = await insertUser(database.db, {
    email: user.email,
    display_name: user.email.split('@')[0]!,
    password_hash: await hash(user.password),
    is_platform_admin: user.admin ? 1 : 0,
    status: 'active',
    now,
  });
  for (const m of user.memberships ?? []) await upsertMembership(database.db, id, m.organisationId, m.role, now);
  return id;
}

/** Signs in through the API and returns what a browser would then send: the cookie and the CSRF token. */
export async function signIn(t: TestApp, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`connexion refusée : ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'pilote_session')!;
  return { cookie: `pilote_session=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken };
}
