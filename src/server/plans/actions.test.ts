import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action } from '../../shared/api/actions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';

describe.each(ENGINES)('actions API (%s)', (engine) => {
  let t: TestApp;
  const conventionId = 2; // Issy-les-Moulineaux in the demo

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('creates an action with several themes and reads it back', async () => {
    const created = await t.request<Action>({
      method: 'POST',
      url: `/api/v1/conventions/${conventionId}/actions`,
      payload: {
        title: 'Ouvrir un lieu d’accueil enfants-parents',
        themes: ['parentalite', 'petite_enfance'],
        pilot: 'Ville d’Issy-les-Moulineaux',
        partners: ['Caf des Hauts-de-Seine', 'PMI'],
        scope: 'quartier des Épinettes',
        status: 'a_venir',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ conventionId, version: 1, themes: ['parentalite', 'petite_enfance'], partners: ['Caf des Hauts-de-Seine', 'PMI'], highlighted: false });
    const read = await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${created.body.id}` });
    expect(read.body).toEqual(created.body);
    const found = await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?q=epinettes enfants' });
    expect(found.body.items.map((a) => a.id)).toEqual([created.body.id]);
  });

  it('updates with the version, refuses a stale one with the current action, and keeps an audit trail', async () => {
    const { body: action } = await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload: { title: 'Action à modifier', themes: ['jeunesse'] } });
    const first = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, payload: { version: 1, status: 'en_cours', description: null } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'en_cours', version: 2, themes: ['jeunesse'], title: 'Action à modifier' });
    const before = await snapshotCounts(t.database);
    const stale = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, payload: { version: 1, status: 'realisee' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ status: 'en_cours', version: 2 });
    expect(await snapshotCounts(t.database)).toEqual(before);
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'action').where('entity_id', '=', String(action.id)).orderBy('id').execute();
    expect(audit.map((a) => a.operation)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ status: 'a_venir' });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ status: 'en_cours' });
  });

  it.each([
    ['no theme', { title: 'Sans champ', themes: [] }, 400, 'themes'],
    ['an unknown theme', { title: 'Champ inconnu', themes: ['cosmos'] }, 422, 'themes.0'],
    ['the same theme twice', { title: 'Champ en double', themes: ['jeunesse', 'jeunesse'] }, 400, 'themes'],
    ['an unknown status', { title: 'Statut inconnu', themes: ['jeunesse'], status: 'finie' }, 400, 'status'],
    ['an axis of no convention', { title: 'Axe inconnu', themes: ['jeunesse'], axisId: 9999 }, 422, 'axisId'],
    ['a parent from another convention', { title: 'Parent ailleurs', themes: ['jeunesse'], parentId: 1 }, 422, 'parentId'],
  ])('rejects %s, naming the field and changing nothing', async (_label, payload, status, path) => {
    const before = await snapshotCounts(t.database);
    const response = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload });
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('allows one level of sub-actions only', async () => {
    const { body: parent } = await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload: { title: 'Action mère', themes: ['enfance'] } });
    const child = await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload: { title: 'Sous-action', themes: ['enfance'], parentId: parent.id } });
    expect(child.status).toBe(201);
    const grandChild = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload: { title: 'Petite-fille', themes: ['enfance'], parentId: child.body.id } });
    expect(grandChild.status).toBe(422);
  });

  it('answers 404 for an action of a missing convention', async () => {
    const response = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/conventions/424242/actions', payload: { title: 'Orpheline', themes: ['jeunesse'] } });
    expect(response.status).toBe(404);
  });

  it('organises the plan in axes that actions belong to', async () => {
    const axis = await t.request<{ id: number; position: number; version: number }>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/axes`, payload: { title: 'Accueillir tous les enfants' } });
    expect(axis.status).toBe(201);
    expect(axis.body.position).toBe(1);
    const action = await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload: { title: 'Action de l’axe', themes: ['enfance'], axisId: axis.body.id } });
    expect(action.body.axisId).toBe(axis.body.id);
    const renamed = await t.request<{ title: string }>({ method: 'PATCH', url: `/api/v1/axes/${axis.body.id}`, payload: { version: 1, title: 'Accueillir chaque enfant' } });
    expect(renamed.body.title).toBe('Accueillir chaque enfant');
    const detail = await t.request<{ axes: { title: string }[] }>({ method: 'GET', url: `/api/v1/conventions/${conventionId}` });
    expect(detail.body.axes.map((a) => a.title)).toEqual(['Accueillir chaque enfant']);
    const otherConvention = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/conventions/1/actions', payload: { title: 'Mauvais axe', themes: ['enfance'], axisId: axis.body.id } });
    expect(otherConvention.status).toBe(422);
  });
});
