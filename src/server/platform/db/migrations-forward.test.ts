import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Migration } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../../test/helpers/app.js';
import { migrations } from './migrations/index.js';
import { isPostgres } from './dialect.js';
import type { Db } from './schema.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { INTERNAL_HEADER } from '../http/auth.js';

type Row = Record<string, unknown>;
type Snapshot = Map<string, Row[]>;
const names = Object.keys(migrations).sort();
const migrator = (db: Db) => new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations } });

async function columnsByTable(db: Db): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/** Every row of every table: the data a previous release would hold, taken from the demo at the latest schema. */
async function dumpAll(db: Db): Promise<Snapshot> {
  const dump: Snapshot = new Map();
  for (const table of (await columnsByTable(db)).keys()) {
    dump.set(table, (await sql<Row>`select * from ${sql.table(table)}`.execute(db)).rows);
  }
  return dump;
}

const project = (rows: Row[], columns: string[]): string[] =>
  rows.map((row) => JSON.stringify(columns.map((c) => row[c] ?? null))).sort();

/**
 * Copies the rows of the tables that exist now and are still empty, keeping only the columns of the current
 * schema (a column the later schema dropped gets its default). Foreign keys are checked by the engine at the
 * end of the copy on SQLite and trusted on PostgreSQL: the rows come from a consistent database.
 */
async function seed(db: Db, source: Snapshot): Promise<Snapshot> {
  const seeded: Snapshot = new Map();
  const postgres = isPostgres(db);
  await db.connection().execute(async (connection) => {
    await sql.raw(postgres ? 'set session_replication_role = replica' : 'pragma foreign_keys = off').execute(connection);
    for (const [table, columns] of await columnsByTable(connection)) {
      const rows = source.get(table) ?? [];
      const existing = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(connection);
      if (rows.length === 0 || Number(existing.rows[0]!.n) > 0) continue;
      const kept = rows.map((row) => Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])));
      for (let i = 0; i < kept.length; i += 200) {
        await connection.insertInto(table as never).values(kept.slice(i, i + 200) as never).execute();
      }
      if (postgres && columns.includes('id')) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(connection).catch(() => undefined);
      }
      seeded.set(table, kept);
    }
    await sql.raw(postgres ? 'set session_replication_role = origin' : 'pragma foreign_keys = on').execute(connection);
  });
  return seeded;
}

/** Rows seeded before a migration must still be there after it, on every column that still exists. */
async function expectIntact(db: Db, seeded: Snapshot[]): Promise<void> {
  const columns = await columnsByTable(db);
  for (const batch of seeded) {
    for (const [table, rows] of batch) {
      const now = columns.get(table);
      expect(now, `table ${table} disparue`).toBeDefined();
      const kept = Object.keys(rows[0]!).filter((c) => now!.includes(c));
      const current = (await sql<Row>`select * from ${sql.table(table)}`.execute(db)).rows;
      const missing = project(rows, kept).filter((r) => !new Set(project(current, kept)).has(r));
      expect(missing, `lignes perdues ou modifiées dans ${table}`).toEqual([]);
    }
  }
}

/** The demo plus accounts, a session, a token, an idempotency key: rows in as many tables as cheaply possible. */
async function richSource(t: TestApp): Promise<Snapshot> {
  const caf = await t.database.db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
  await createUser(t.database, { email: 'agent@caf92.fr', password: 'mot de passe solide 42', memberships: [{ organisationId: caf.id, role: 'caf_agent' }] });
  await signIn(t, 'agent@caf92.fr', 'mot de passe solide 42');
  const action = await t.database.db.selectFrom('action').select('id').executeTakeFirstOrThrow();
  const note = { date: '2026-11-28', author: 'Service enfance', body: 'Note avant migration' };
  expect((await t.request({ method: 'POST', url: `/api/v1/actions/${action.id}/notes`, payload: note, headers: { 'idempotency-key': 'avant-migration' } })).status).toBe(201);
  return dumpAll(t.database.db);
}

/** The app reads the migrated conventions and writes new rows (identity sequences follow the copied ids). */
async function expectServed(database: TestDatabase, conventions: number): Promise<void> {
  const app = await buildApp({ database, config: loadConfig({}), logger: false });
  try {
    const headers = { [INTERNAL_HEADER]: app.internalSecret };
    const list = await app.inject({ method: 'GET', url: '/api/v1/conventions?limit=100', headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(conventions);
    const action = await database.db.selectFrom('action').select('id').executeTakeFirstOrThrow();
    const note = { date: '2026-11-29', author: 'Service enfance', body: 'Note après migration' };
    expect((await app.inject({ method: 'POST', url: `/api/v1/actions/${action.id}/notes`, payload: note, headers })).statusCode).toBe(201);
  } finally {
    await app.close();
  }
}

describe.each(ENGINES)('every migration applied to a database of the previous release holding data (%s)', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('keeps every row through each migration, and the app serves the migrated database', async () => {
    const demo = await createTestApp(engine);
    const source = await richSource(demo).finally(() => demo.close());
    const database = await createTestDatabase(engine, { migrate: false });
    databases.push(database);
    const seeded: Snapshot[] = [];
    for (const name of names) {
      seeded.push(await seed(database.db, source));
      const result = await migrator(database.db).migrateTo(name);
      expect(result.error, `échec de ${name}`).toBeUndefined();
      await expectIntact(database.db, seeded);
    }
    seeded.push(await seed(database.db, source));
    const tablesWithData = seeded.reduce((n, batch) => n + batch.size, 0);
    expect(tablesWithData).toBeGreaterThanOrEqual(26);
    if (engine === 'sqlite') expect((await sql`pragma foreign_key_check`.execute(database.db)).rows).toEqual([]);
    await expectServed(database, source.get('convention')!.length);
  });

  it('serves a database migrated step by step exactly as one migrated at once', async () => {
    const t = await createTestApp(engine, { demo: false });
    try {
      const stepByStep = await createTestDatabase(engine, { migrate: false });
      databases.push(stepByStep);
      for (const name of names) expect((await migrator(stepByStep.db).migrateTo(name)).error).toBeUndefined();
      const shape = async (db: Db) => [...(await columnsByTable(db))].map(([table, columns]) => `${table}(${[...columns].sort().join(',')})`).sort();
      expect(await shape(stepByStep.db)).toEqual(await shape(t.database.db));
    } finally {
      await t.close();
    }
  });
});
