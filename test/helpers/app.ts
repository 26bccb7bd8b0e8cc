import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { createDemoDatabase, createTestDatabase, type Engine, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** JSON request through the real HTTP stack, without a socket. */
  request<T = unknown>(options: InjectOptions): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = options.demo === false ? await createTestDatabase(engine) : await createDemoDatabase(engine);
  const app = await buildApp({ database, config: { ...loadConfig({}), clientDir: 'dist/client' }, logger: false });
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
    'action_axis', 'budget_line', 'facility', 'action_note', 'action_document', 'indicator', 'indicator_value', 'review',
    'plan_version', 'amendment',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
