import { createDb, type DatabaseHandle } from '../server/platform/db/create-db.js';
import { migrateToLatest } from '../server/platform/db/migrate.js';
import { loadConfig } from '../server/platform/config.js';

/** Opens the configured database, migrated, runs the work and closes it. */
export async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = createDb(loadConfig().database);
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}
