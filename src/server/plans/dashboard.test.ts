import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action, ErrorResponse, FollowUpDashboard, Page } from '../../shared/api/index.js';

describe.each(ENGINES)('follow-up dashboard and bulk changes (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('gives each convention its follow-up figures', async () => {
    const { status, body } = await t.request<FollowUpDashboard>({ method: 'GET', url: '/api/v1/conventions/2/follow-up' });
    expect(status).toBe(200);
    expect(body.statusByTheme.reduce((s, r) => s + r.total, 0)).toBe(7);
    expect(body.indicatorsAtRisk).toHaveLength(1);
    expect(body.indicatorsAtRisk[0]!.explanation).toMatch(/^attendu .* en 2025, mesuré 205 familles$/);
    expect(body.budgetsByYear).toEqual([{ year: 2024, plannedCents: 6_500_000, actualCents: 6_100_000 }]);
    expect(body.timeline).toHaveLength(7);
    expect(body.staleActions.length).toBeGreaterThanOrEqual(6);
  });

  it('changes the pilot of a filtered set in one transaction, each with its audit record', async () => {
    const before = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const result = await t.request<{ updated: number; actionIds: number[] }>({
      method: 'POST',
      url: '/api/v1/actions/bulk',
      payload: { filter: { convention: 1, theme: 'acces_aux_droits' }, set: { pilot: 'Centre communal d’action sociale' } },
    });
    expect(result.status).toBe(200);
    expect(result.body.updated).toBe(3);
    const list = await t.request<Page<Action>>({ method: 'GET', url: `/api/v1/actions?convention=1&pilot=${encodeURIComponent('Centre communal d’action sociale')}` });
    expect(list.body.items.map((a) => a.id).sort()).toEqual([...result.body.actionIds].sort());
    const after = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
  });

  it('refuses the whole set when one action cannot take the change, changing nothing', async () => {
    const before = await snapshotCounts(t.database);
    const actionsBefore = await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?convention=1' });
    const refused = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/actions/bulk', payload: { filter: { convention: 1 }, set: { status: 'en_retard' } } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields?.map((f) => f.path)).toContain('statusReason');
    expect(await snapshotCounts(t.database)).toEqual(before);
    const actionsAfter = await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?convention=1' });
    expect(actionsAfter.body).toEqual(actionsBefore.body);
    const empty = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/actions/bulk', payload: { filter: { convention: 1 }, set: {} } });
    expect(empty.status).toBe(400);
  });

  it('applies a status with its reason', async () => {
    const ok = await t.request<{ updated: number }>({ method: 'POST', url: '/api/v1/actions/bulk', payload: { filter: { convention: 3, theme: 'handicap' }, set: { status: 'en_pause', statusReason: 'Poste de coordination vacant' } } });
    expect(ok.status).toBe(200);
    expect(ok.body.updated).toBeGreaterThan(0);
    const paused = await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?convention=3&status=en_pause' });
    expect(paused.body.items.every((a) => a.statusReason === 'Poste de coordination vacant')).toBe(true);
    expect(paused.body.total).toBe(ok.body.updated);
  });
});
