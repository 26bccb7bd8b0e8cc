import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action, Amendment, ErrorResponse, PlanVersion } from '../../shared/api/index.js';
import type { PlanDiff } from '../../shared/plan-diff.js';

describe.each(ENGINES)('amendments and plan versions (%s)', (engine) => {
  let t: TestApp;
  const conventionId = 2;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const send = <T>(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) => t.request<T>({ method, url, payload: payload as object | undefined });

  it('numbers amendments in order, records the plan with one, and shows the diff between versions', async () => {
    const v1 = await send<PlanVersion>('POST', `/api/v1/conventions/${conventionId}/plan-versions`, { label: 'Plan signé en mars 2023' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ number: 1, actionCount: 7 });

    const added = await send<Action>('POST', `/api/v1/conventions/${conventionId}/actions`, { title: 'Créer un relais petite enfance', themes: ['petite_enfance'] });
    const changed = v1.body.snapshot.actions[0]!;
    const current = (await send<Action>('GET', `/api/v1/actions/${changed.id}`)).body;
    await send('PATCH', `/api/v1/actions/${changed.id}`, { version: current.version, status: 'realisee', progress: 100 });

    const first = await send<Amendment>('POST', `/api/v1/conventions/${conventionId}/amendments`, {
      title: 'Avenant n° 1 : ajout d’un relais petite enfance',
      date: '2025-06-12',
      signedBy: ['Caf des Hauts-de-Seine', 'Ville d’Issy-les-Moulineaux'],
      recordPlanVersion: true,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, planVersion: { number: 2, actionCount: 8 } });
    const second = await send<Amendment>('POST', `/api/v1/conventions/${conventionId}/amendments`, { title: 'Avenant n° 2', date: '2026-01-10', signedBy: ['Caf des Hauts-de-Seine'] });
    expect(second.body).toMatchObject({ number: 2, planVersion: null });

    const diff = await send<PlanDiff>('GET', `/api/v1/conventions/${conventionId}/plan-diff?from=${v1.body.id}&to=${first.body.planVersion!.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.actionsAdded).toEqual([added.body.title]);
    expect(diff.body.actionsRemoved).toEqual([]);
    expect(diff.body.actionsChanged).toEqual([
      { id: changed.id, title: changed.title, changes: [{ field: 'status', before: 'en_cours', after: 'realisee' }, { field: 'progress', before: 0, after: 100 }] },
    ]);
    const toCurrent = await send<PlanDiff>('GET', `/api/v1/conventions/${conventionId}/plan-diff?from=${first.body.planVersion!.id}`);
    expect(toCurrent.body.actionsAdded).toEqual([]);
    const list = await send<Amendment[]>('GET', `/api/v1/conventions/${conventionId}/amendments`);
    expect(list.body.map((a) => a.number)).toEqual([1, 2]);
  });

  it('corrects an amendment with its version and refuses a stale one', async () => {
    const [first] = (await send<Amendment[]>('GET', `/api/v1/conventions/${conventionId}/amendments`)).body;
    const ok = await send<Amendment>('PATCH', `/api/v1/amendments/${first!.id}`, { version: first!.version, summary: 'Ajout du RPE au plan.' });
    expect(ok.body.summary).toBe('Ajout du RPE au plan.');
    const stale = await send<ErrorResponse>('PATCH', `/api/v1/amendments/${first!.id}`, { version: first!.version, summary: 'Autre' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ summary: 'Ajout du RPE au plan.' });
  });

  it.each([
    ['no signing party', { title: 'Avenant', date: '2025-01-01', signedBy: [] }, 400, 'signedBy'],
    ['an invalid date', { title: 'Avenant', date: '2025-02-30', signedBy: ['Caf'] }, 400, 'date'],
  ])('refuses an amendment with %s, changing nothing', async (_label, payload, status, path) => {
    const before = await snapshotCounts(t.database);
    const response = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/amendments`, payload);
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('does not compare versions of another convention', async () => {
    const [version] = (await send<PlanVersion[]>('GET', `/api/v1/conventions/${conventionId}/plan-versions`)).body;
    const response = await send<ErrorResponse>('GET', `/api/v1/conventions/1/plan-diff?from=${version!.id}`);
    expect(response.status).toBe(404);
  });
});
