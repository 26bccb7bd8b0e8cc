import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail } from '../../shared/api/index.js';

describe.each(ENGINES)('last change inside a convention (%s)', (engine) => {
  let t: TestApp;
  const conventionId = 2;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const setUpdatedAt = (at: string) => t.database.db.updateTable('convention').set({ updated_at: at }).where('id', '=', conventionId).execute();

  it('moves with a note written to one of its actions', async () => {
    await setUpdatedAt('2026-01-01T00:00:00.000Z');
    const actionId = (await t.database.db.selectFrom('action').select('id').where('convention_id', '=', conventionId).executeTakeFirstOrThrow()).id;
    const before = Date.now();
    const note = await t.request({ method: 'POST', url: `/api/v1/actions/${actionId}/notes`, payload: { date: '2026-11-28', author: 'Chargée de coopération', body: 'Point d’étape avec la ville.' } });
    expect(note.status).toBe(201);
    const convention = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${conventionId}` });
    expect(Date.parse(convention.body.updatedAt)).toBeGreaterThanOrEqual(before);
  });
});
