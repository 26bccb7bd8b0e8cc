import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createDemoDatabase, type TestDatabase } from '../../../../test/helpers/databases.js';
import { currentDataVersion } from '../http/data-version.js';

describe.each(ENGINES)('data version (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoDatabase(engine);
  });
  afterAll(async () => database.drop());

  it('moves on with a committed write to a versioned table, not with a rolled-back one', async () => {
    const start = await currentDataVersion(database.db);
    await database.db.updateTable('theme').set({ label: sql`label` }).execute();
    const afterWrite = await currentDataVersion(database.db);
    expect(afterWrite).toBeGreaterThan(start);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.updateTable('theme').set({ label: sql`label` }).execute();
        throw new Error('annulée');
      }),
    ).rejects.toThrow('annulée');
    expect(await currentDataVersion(database.db)).toBe(afterWrite);
  });

  it.runIf(engine === 'sqlite')('is read straight from SQLite outside a transaction, and never inside one', async () => {
    const committed = database.committedDataVersion!();
    expect(committed).toBe(await currentDataVersion(database.db));
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
      expect(database.committedDataVersion!()).toBeNull();
    });
    expect(database.committedDataVersion!()).toBeGreaterThan(committed!);
    expect(database.committedDataVersion!()).toBe(await currentDataVersion(database.db));
  });

  it.runIf(engine === 'postgres')('is bumped once per transaction however many rows it writes, and again by the next one', async () => {
    const start = await currentDataVersion(database.db);
    const themes = (await database.db.selectFrom('theme').select('code').execute()).length;
    expect(themes).toBeGreaterThan(5);
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
      await trx.updateTable('convention').set({ updated_at: sql`updated_at` }).execute();
    });
    expect(await currentDataVersion(database.db)).toBe(start + 1);
    await database.db.updateTable('theme').set({ label: sql`label` }).execute();
    expect(await currentDataVersion(database.db)).toBe(start + 2);
  });

  it.runIf(engine === 'postgres')('keeps the bump of a transaction whose constraints were checked early in a savepoint rolled back', async () => {
    const start = await currentDataVersion(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`savepoint early`.execute(trx);
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
      // Fires the deferred triggers now, then undoes them with the savepoint: the write below must still bump.
      await sql`set constraints all immediate`.execute(trx);
      await sql`rollback to savepoint early`.execute(trx);
      await sql`set constraints all deferred`.execute(trx);
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
    });
    expect(await currentDataVersion(database.db)).toBe(start + 1);
  });
});
