import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createDemoDatabase, type TestDatabase } from '../../../../test/helpers/databases.js';
import { currentDataVersion, currentVersions } from '../http/data-version.js';
import { insertUser, upsertMembership } from '../../accounts/accounts.repository.js';
import { CACHED_TABLES, TableVersionsMemo } from './versions.js';

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
    const committed = database.committedVersions!()?.data ?? null;
    expect(committed).toBe(await currentDataVersion(database.db));
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
      expect(database.committedVersions!()?.data ?? null).toBeNull();
    });
    expect(database.committedVersions!()?.data ?? null).toBeGreaterThan(committed!);
    expect(database.committedVersions!()?.data ?? null).toBe(await currentDataVersion(database.db));
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

  it('moves the callers version with the writes that change a caller only, and the data version with them too', async () => {
    const { db } = database;
    const start = await currentVersions(db);
    await db.updateTable('theme').set({ label: sql`label` }).execute();
    await db.updateTable('action').set({ progress: sql`progress` }).where('id', '=', 1).execute();
    const afterContent = await currentVersions(db);
    expect(afterContent.data).toBeGreaterThan(start.data);
    expect(afterContent.callers).toBe(start.callers);

    const caf = await db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    let userId = 0;
    let tokenId = 0;
    const changes: [string, () => Promise<unknown>][] = [
      ['account', async () => (userId = await insertUser(db, { email: `version-${engine}@exemple.fr`, display_name: 'Version', password_hash: 'x', is_platform_admin: 0, status: 'active', now }))],
      ['membership', () => upsertMembership(db, userId, caf.id, 'caf_agent', now)],
      ['organisation', () => db.updateTable('organisation').set({ name: sql`name` }).where('id', '=', caf.id).execute()],
      ['token revoked', async () => {
        tokenId = (await db.insertInto('api_token').values({ organisation_id: caf.id, name: 'version', token_hash: `h-${engine}`, scope: 'read', is_platform: 0, created_by: 'tests', created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
        await db.updateTable('api_token').set({ revoked_at: now }).where('id', '=', tokenId).execute();
      }],
    ];
    for (const [what, change] of changes) {
      const before = await currentVersions(db);
      await change();
      const after = await currentVersions(db);
      expect({ what, callers: after.callers > before.callers, data: after.data > before.data }).toEqual({ what, callers: true, data: true });
    }
    // The once-a-minute touches move neither.
    const before = await currentVersions(db);
    await db.updateTable('api_token').set({ last_used_at: new Date().toISOString() }).where('id', '=', tokenId).execute();
    expect(await currentVersions(db)).toEqual(before);
  });

  it('keeps one version per cached table: the data version after its last write', async () => {
    const { db } = database;
    const start = await currentVersions(db);
    expect([...start.tables.keys()].sort()).toEqual([...CACHED_TABLES].sort());
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('theme').set({ label: sql`label` }).execute();
      await trx.updateTable('indicator').set({ title: sql`title` }).execute();
    });
    const after = await currentVersions(db);
    // SQLite moves the data version with each row, PostgreSQL once per transaction.
    expect(after.tables.get('theme')).toBeGreaterThan(start.data);
    expect(after.tables.get('theme')).toBeLessThanOrEqual(after.data);
    expect(after.tables.get('indicator')).toBe(after.data);
    const moved = CACHED_TABLES.filter((table) => after.tables.get(table) !== start.tables.get(table));
    expect(moved.sort()).toEqual(['indicator', 'theme']);
  });

  it('moves the activity of a convention, not the convention, when only its updated_at changes', async () => {
    const { db } = database;
    const start = await currentVersions(db);
    await db.updateTable('convention').set({ updated_at: new Date().toISOString() }).where('id', '=', 1).execute();
    const touched = await currentVersions(db);
    expect(touched.tables.get('convention_activity')).toBe(touched.data);
    expect(touched.tables.get('convention')).toBe(start.tables.get('convention'));
    await db.updateTable('convention').set({ summary: sql`coalesce(summary, '') || ' '`, updated_at: new Date().toISOString() }).where('id', '=', 1).execute();
    const edited = await currentVersions(db);
    expect(edited.tables.get('convention')).toBe(edited.data);
  });

  it.runIf(engine === 'sqlite')('tells an activity touch by every column of conventions: none added since is left out', async () => {
    const trigger = await sql<{ sql: string }>`select sql from sqlite_master where name = 'convention_activity_version'`.execute(database.db);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('convention')`.execute(database.db);
    const compared = columns.rows.map((c) => c.name).filter((c) => c !== 'updated_at');
    for (const column of compared) expect(trigger.rows[0]!.sql).toContain(`old.${column} is new.${column}`);
  });

  it('reads the table versions again only when the data version moved, in the same statement as the counters', async () => {
    const { db } = database;
    const memo = new TableVersionsMemo();
    const first = await currentVersions(db, memo);
    const unchanged = await currentVersions(db, memo);
    expect(unchanged.tables).toBe(first.tables);
    await db.updateTable('theme').set({ label: sql`label` }).execute();
    const moved = await currentVersions(db, memo);
    expect(moved.data).toBeGreaterThan(first.data);
    expect(moved.tables.get('theme')).toBeGreaterThan(first.tables.get('theme')!);
    expect(moved.tables).toEqual((await currentVersions(db)).tables);
  });
});

