import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/databases.js';
import { loadTerritories } from '../territories/territories.loader.js';
import { ensureDefaultThemes } from '../themes/themes.service.js';
import { generateDataset } from './generate.js';

describe.each(ENGINES)('synthetic dataset (%s)', (engine) => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase(engine);
    databases.push(database);
    await loadTerritories(database.db, { departements: ['92'] });
    await ensureDefaultThemes(database.db);
    return database;
  };
  let first: TestDatabase;
  beforeAll(async () => {
    first = await fresh();
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  const fingerprint = async (database: TestDatabase) =>
    (await database.db.selectFrom('action').select(['title', 'status', 'convention_id']).orderBy('id').execute()).map((a) => `${a.convention_id}:${a.status}:${a.title}`);

  it('is the same for the same seed, follows the rules, and leaves the database usable', async () => {
    const result = await generateDataset(first.db, { scale: 'caf', departement: '92', seed: 7, conventionsPerCaf: 6, actionsPerConvention: 5 });
    expect(result).toMatchObject({ cafs: 1, conventions: 6, actions: 30, indicatorValues: 120, notes: 12, users: 50, historyRecords: 390, meetings: 48 });
    const count = async (table: 'app_user' | 'membership' | 'audit_event' | 'action_note') =>
      Number((await first.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect([await count('app_user'), await count('membership'), await count('audit_event'), await count('action_note')]).toEqual([50, 50, 390, 12]);
    const meetings = await first.db.selectFrom('meeting').select(['status', 'starts_at', 'minutes']).execute();
    expect(meetings).toHaveLength(48);
    const today = new Date().toISOString().slice(0, 10);
    expect(meetings.every((m) => (m.starts_at.slice(0, 10) < today) === (m.status === 'validee' && m.minutes !== null))).toBe(true);
    const history = await first.db.selectFrom('audit_event').select(['actor', 'operation', 'at']).where('entity_type', '=', 'action').orderBy('id').limit(2).execute();
    expect(history.map((h) => h.operation)).toEqual(['create', 'update']);
    expect(history[0]!.actor).toMatch(/^\S+ \S+ <[a-z0-9.-]+-\d+@exemple\.fr>$/);
    expect(history[0]!.at).toMatch(/^20\d\d-\d\d-\d\dT09:30:00\.000Z$/);
    const second = await fresh();
    await generateDataset(second.db, { scale: 'caf', departement: '92', seed: 7, conventionsPerCaf: 6, actionsPerConvention: 5 });
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
    const signedWithoutSignature = await first.db
      .selectFrom('convention as c')
      .select('c.id')
      .where('c.status', 'in', ['signee', 'en_cours', 'echue', 'resiliee'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('signature_event as s').select('s.id').whereRef('s.convention_id', '=', 'c.id'))))
      .execute();
    expect(signedWithoutSignature).toEqual([]);
    // New rows get fresh ids after the bulk insert (PostgreSQL identity sequences realigned).
    const inserted = await first.db
      .insertInto('organisation')
      .values({ kind: 'autre', name: 'Après génération', search_name: 'apres generation', territory_code: null, departement_code: null, created_at: '2026-01-01', updated_at: '2026-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(inserted.id).toBeGreaterThan(1);
  });
});
