import type { FastifyInstance, InjectOptions } from 'fastify';
import { hash } from '@node-rs/argon2';
import { buildApp } from '../../src/server/app.js';
import { insertUser, upsertMembership } from '../../src/server/accounts/accounts.repository.js';
import { hashSecret, newSecret } from '../../src/server/accounts/tokens.js';
import { TOKEN_PREFIX } from '../../src/server/accounts/api-tokens.service.js';
import type { Role } from '../../src/shared/api/accounts.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { OidcConfig } from '../../src/server/accounts/oidc.config.js';
import { createDemoDatabase, createTestDatabase, type Engine, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Headers of a platform administrator's API token. */
  adminHeaders: Record<string, string>;
  /**
   * JSON request through the real HTTP stack, without a socket. It acts as a platform administrator
   * unless the options carry their own credentials or say `anonymous: true`.
   */
  request<T = unknown>(options: InjectOptions & { anonymous?: boolean }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** A platform-wide API token written straight to the database (tests only). */
async function createAdminToken(database: TestDatabase): Promise<string> {
  const secret = newSecret();
  await database.db
    .insertInto('api_token')
    .values({ organisation_id: null, name: 'tests', token_hash: hashSecret(secret), scope: 'write', is_platform: 1, created_by: 'tests', created_at: new Date().toISOString() })
    .execute();
  return `${TOKEN_PREFIX}${secret}`;
}

export async function createTestApp(engine: Engine, options: { demo?: boolean; smtpUrl?: string; oidc?: OidcConfig } = {}): Promise<TestApp> {
  const database = options.demo === false ? await createTestDatabase(engine) : await createDemoDatabase(engine);
  const base = loadConfig({});
  const config = { ...base, clientDir: 'dist/client', mail: { ...base.mail, smtpUrl: options.smtpUrl ?? null }, oidc: options.oidc ?? null };
  const app = await buildApp({ database, config, logger: false, mailer: options.smtpUrl ? undefined : { send: async () => {}, close() {} } });
  const adminHeaders = { authorization: `Bearer ${await createAdminToken(database)}` };
  return {
    app,
    database,
    adminHeaders,
    async request<T>({ anonymous, ...opts }: InjectOptions & { anonymous?: boolean }) {
      const headers = (opts.headers ?? {}) as Record<string, string>;
      const ownCredentials = anonymous || headers.authorization || headers.cookie;
      const response = await app.inject({ ...opts, headers: ownCredentials ? headers : { ...headers, ...adminHeaders } });
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
    'coverage_target', 'data_series', 'data_value',
    'news_item', 'news_item_signature',
    'convention_source',
    'action_axis', 'budget_line', 'facility', 'action_note', 'action_document', 'indicator', 'indicator_value', 'review',
    'plan_version', 'amendment',
    'plan_external_ref',
    'job',
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
