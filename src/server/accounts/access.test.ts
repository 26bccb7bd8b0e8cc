import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary, Stats } from '../../shared/api/conventions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';

const PASSWORD = 'Acces-Perimetre-92!';

describe.each(ENGINES)('access is denied unless a rule grants it (%s)', (engine) => {
  let t: TestApp;
  let draftId: number;
  const ids: Record<string, number> = {};
  const as = async (email: string) => {
    const { cookie, csrf } = await signIn(t, email, PASSWORD);
    return { cookie, 'x-csrf-token': csrf };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = (await t.request<{ id: number; name: string; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' })).body;
    const org = (name: string) => orgs.find((o) => o.name === name)!.id;
    const cafId = orgs.find((o) => o.kind === 'caf')!.id;
    const list = (await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' })).body.items;
    for (const c of list) ids[c.territories[0]!.name] = c.id;
    const draft = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'CTG d’Antony (projet)', cafId, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    draftId = draft.body.id;
    await createUser(t.database, { email: 'caf@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    await createUser(t.database, { email: 'bc-edit@exemple.fr', password: PASSWORD, memberships: [{ organisationId: org('Ville de Bois-Colombes'), role: 'partner_editor' }] });
    await createUser(t.database, { email: 'bc-lire@exemple.fr', password: PASSWORD, memberships: [{ organisationId: org('Ville de Bois-Colombes'), role: 'partner_reader' }] });
  });
  afterAll(async () => t.close());

  it('shows the public only signed conventions, through their public fields', async () => {
    const list = await t.request<Page<ConventionSummary>>({ anonymous: true, method: 'GET', url: '/api/v1/conventions' });
    expect(list.body.items.map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    expect((await t.request({ anonymous: true, method: 'GET', url: `/api/v1/conventions/${draftId}` })).status).toBe(404);
    const issy = await t.request<ConventionDetail>({ anonymous: true, method: 'GET', url: `/api/v1/conventions/${ids['Issy-les-Moulineaux']}` });
    expect(issy.status).toBe(200);
    expect(issy.body.abilities).toEqual({ edit: false, editPlan: false, publicView: true });
    expect(issy.body.allowedTransitions).toEqual([]);
    expect(issy.body.statusHistory).toEqual([]);
    expect(issy.body.signatureEvents[0]!.signatories.map((s) => s.person.fullName)).toContain('Hugo Dapino');
    const stats = await t.request<Stats>({ anonymous: true, method: 'GET', url: '/api/v1/stats' });
    expect(stats.body.conventionCount).toBe(3);
    expect((await t.request({ anonymous: true, method: 'GET', url: '/api/v1/persons' })).status).toBe(401);
  });

  it('asks anonymous writers to sign in and changes nothing', async () => {
    const before = await snapshotCounts(t.database);
    const attempts = [
      { method: 'PATCH' as const, url: `/api/v1/conventions/${ids['Bois-Colombes']}`, payload: { version: 3, title: 'Piraté' } },
      { method: 'POST' as const, url: `/api/v1/conventions/${ids['Bois-Colombes']}/actions`, payload: { title: 'Piratage', themes: ['jeunesse'] } },
      { method: 'POST' as const, url: '/api/v1/organisations', payload: { kind: 'autre', name: 'Intrus' } },
    ];
    for (const attempt of attempts) {
      const response = await t.request<ErrorResponse>({ anonymous: true, ...attempt });
      expect(response.status).toBe(401);
      expect(response.body.error.message).toMatch(/Connectez-vous/);
    }
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('lets a Bois-Colombes coordinator see and edit the Bois-Colombes plan only', async () => {
    const headers = await as('bc-edit@exemple.fr');
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions', headers });
    expect(list.body.items.map((c) => c.territories[0]!.name)).toEqual(['Bois-Colombes']);
    const own = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${ids['Bois-Colombes']}`, headers });
    expect(own.body.abilities).toEqual({ edit: false, editPlan: true, publicView: false });
    const action = own.body.actions[0]!;
    const edited = await t.request({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, headers, payload: { version: action.version, status: 'realisee' } });
    expect(edited.status).toBe(200);
    const issy = await t.request<ErrorResponse>({ method: 'GET', url: `/api/v1/conventions/${ids['Issy-les-Moulineaux']}`, headers });
    expect(issy.status).toBe(403);
    expect(issy.body.error.message).toMatch(/périmètre/);
    const before = await snapshotCounts(t.database);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/conventions/${ids['Bois-Colombes']}`, headers, payload: { version: own.body.version, title: 'Autre titre' } })).status).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/v1/conventions/${ids['Issy-les-Moulineaux']}/actions`, headers, payload: { title: 'Ailleurs', themes: ['jeunesse'] } })).status).toBe(403);
    const actions = await t.request<Page<{ conventionId: number }>>({ method: 'GET', url: '/api/v1/actions?limit=200', headers });
    expect(new Set(actions.body.items.map((a) => a.conventionId))).toEqual(new Set([ids['Bois-Colombes']]));
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('keeps a partner reader read-only', async () => {
    const headers = await as('bc-lire@exemple.fr');
    const own = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${ids['Bois-Colombes']}`, headers });
    expect(own.body.abilities).toEqual({ edit: false, editPlan: false, publicView: false });
    const action = own.body.actions[1]!;
    expect((await t.request({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, headers, payload: { version: action.version, status: 'en_pause' } })).status).toBe(403);
  });

  it('lets a Caf agent work on every convention of the Caf, drafts included', async () => {
    const headers = await as('caf@exemple.fr');
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions', headers });
    expect(list.body.total).toBe(4);
    const draft = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${draftId}`, headers });
    expect(draft.body.abilities.edit).toBe(true);
    const moved = await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${draftId}/status`, headers, payload: { version: draft.body.version, status: 'diagnostic' } });
    expect(moved.status).toBe(200);
  });
});
