import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Theme } from '../../shared/api/themes.js';
import type { ErrorResponse } from '../../shared/api/common.js';

const CODES = [
  'petite_enfance', 'enfance', 'jeunesse', 'parentalite', 'animation_vie_sociale', 'acces_aux_droits',
  'inclusion_numerique', 'logement', 'handicap', 'accompagnement_social', 'sante', 'mobilite',
];

describe.each(ENGINES)('themes and organisations (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('starts with the twelve stable codes and French labels', async () => {
    const { body } = await t.request<Theme[]>({ method: 'GET', url: '/api/v1/themes' });
    expect(body.map((x) => x.code)).toEqual(CODES);
    expect(body.find((x) => x.code === 'acces_aux_droits')?.label).toBe('Accès aux droits');
  });

  it('lets a Caf add its own theme, rename it and refuse duplicates and stale edits', async () => {
    const cafId = (await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' })).body[0]!.id;
    const created = await t.request<Theme>({ method: 'POST', url: '/api/v1/themes', payload: { code: 'vacances_familles', label: 'Départs en vacances', cafId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cafId, position: 13, active: true });
    const duplicate = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/themes', payload: { code: 'vacances_familles', label: 'Bis' } });
    expect(duplicate.status).toBe(409);
    const renamed = await t.request<Theme>({ method: 'PATCH', url: '/api/v1/themes/vacances_familles', payload: { version: 1, label: 'Vacances des familles' } });
    expect(renamed.body).toMatchObject({ label: 'Vacances des familles', version: 2 });
    const before = await snapshotCounts(t.database);
    const stale = await t.request<ErrorResponse>({ method: 'PATCH', url: '/api/v1/themes/vacances_familles', payload: { version: 1, active: false } });
    expect(stale.status).toBe(409);
    const badCode = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/themes', payload: { code: 'Pas Bon', label: 'x' } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['code', 'label']));
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('creates organisations and persons with mandates, checking references', async () => {
    const org = await t.request<{ id: number; name: string }>({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'msa', name: 'MSA Île-de-France' } });
    expect(org.status).toBe(201);
    const person = await t.request<{ fullName: string; mandates: { capacity: string }[] }>({
      method: 'POST',
      url: '/api/v1/persons',
      payload: { firstName: 'Camille', lastName: 'Martin', mandates: [{ organisationId: org.body.id, capacity: 'directrice' }] },
    });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ fullName: 'Camille Martin', mandates: [{ capacity: 'directrice' }] });
    const before = await snapshotCounts(t.database);
    const orphan = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/persons', payload: { firstName: 'A', lastName: 'B', mandates: [{ organisationId: 9999, capacity: 'maire' }] } });
    expect(orphan.status).toBe(422);
    expect(orphan.body.error.fields?.[0]?.path).toBe('mandates.0.organisationId');
    const badTerritory = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'commune', name: 'Nulle part', territoryCode: '92999' } });
    expect(badTerritory.status).toBe(422);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
