import { join } from 'node:path';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';
import { createDemoDatabase, type Engine, type TestDatabase } from './databases.js';

/**
 * A demo database that a CLI spawned in another process can open, and the environment pointing at it:
 * on SQLite a file in `dir` (an in-memory base is invisible to another process), on PostgreSQL a fresh database.
 */
export async function openCliDatabase(engine: Engine, dir: string): Promise<{ database: TestDatabase; env: NodeJS.ProcessEnv }> {
  if (engine === 'postgres') {
    const database = await createDemoDatabase(engine);
    return { database, env: { ...process.env, DATABASE_URL: database.url } };
  }
  const sqlitePath = join(dir, 'cli.sqlite');
  const handle = createDb({ sqlitePath });
  await migrateToLatest(handle.db);
  await prepareDatabase(handle, { loadDemoIfEmpty: true, departements: ['92'] });
  return {
    database: { ...handle, engine, url: sqlitePath, drop: () => handle.close() },
    env: { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' },
  };
}
