import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DatabaseHandle } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** The PostgreSQL server the tests create their own databases on (trust auth on these machines). */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends DatabaseHandle {
  engine: Engine;
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Drops without `with (force)` first: forcing kills backends that may still be closing, and their
 * late error reaches the client after the test is over.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await adminQuery(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** A fresh, empty database of the given engine, migrated unless told otherwise; `drop()` removes it. */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const name = `pilote_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (engine === 'sqlite') {
    const handle = createDb({ sqlitePath: ':memory:' });
    if (migrate) await migrateToLatest(handle.db);
    return { ...handle, engine, url: ':memory:', drop: () => handle.close() };
  }
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString() });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    engine,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await dropDatabase(name);
    },
  };
}

/** A migrated database with the Hauts-de-Seine referential, the themes and the demo data. */
export async function createDemoDatabase(engine: Engine): Promise<TestDatabase> {
  const database = await createTestDatabase(engine);
  await prepareDatabase(database, { loadDemoIfEmpty: true, departements: ['92'] });
  return database;
}
