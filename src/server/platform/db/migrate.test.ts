import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../../test/helpers/databases.js';
import { migrateToLatest } from './migrate.js';

describe.each(ENGINES)('migrations (%s)', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.drop());

  it('are idempotent and refuse a database migrated by a newer release', async () => {
    database = await createTestDatabase(engine);
    const again = await migrateToLatest(database.db);
    expect(again.results).toEqual([]);
    await sql`insert into kysely_migration (name, timestamp) values ('29991231000000_future', '2999-12-31T00:00:00.000Z')`.execute(database.db);
    await expect(migrateToLatest(database.db)).rejects.toThrow(/version plus récente de Pilote CTG/);
  });
});
