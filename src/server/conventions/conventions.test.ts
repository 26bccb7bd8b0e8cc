import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';

describe.each(ENGINES)('conventions API (%s)', (engine) => {
  let t: TestApp;
  let cafId: number;
  const valid = () => ({
    title: 'Convention territoriale globale d’Antony',
    cafId,
    startYear: 2025,
    endYear: 2029,
    territoryCodes: ['92002'],
    themes: ['petite_enfance', 'jeunesse'],
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const cafs = await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' });
    cafId = cafs.body[0]!.id;
  });
  afterAll(async () => t.close());

  it('filters by status, theme, territory (commune, EPT, département), Caf, year and text', async () => {
    const ids = async (query: string) =>
      (await t.request<Page<ConventionSummary>>({ method: 'GET', url: `/api/v1/conventions?${query}` })).body.items.map((c) => c.territories[0]!.name);
    expect(await ids('status=en_cours')).toEqual(['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt']);
    expect(await ids('status=redaction,signee')).toEqual([]);
    expect(await ids('theme=logement')).toEqual(['Issy-les-Moulineaux']);
    expect(await ids('theme=inclusion_numerique')).toEqual(['Boulogne-Billancourt']);
    expect(await ids('territory=200057974')).toEqual(['Issy-les-Moulineaux', 'Boulogne-Billancourt']);
    expect(await ids('territory=92')).toHaveLength(3);
    expect(await ids('territory=92002')).toEqual([]);
    expect(await ids(`caf=${cafId}&year=2027`)).toHaveLength(3);
    expect(await ids('year=2028')).toEqual([]);
    expect(await ids('from=2027&to=2031')).toHaveLength(3);
    expect(await ids('from=2028&to=2031')).toEqual([]);
    expect(await ids('from=2010&to=2022')).toEqual([]);
    expect(await ids('q=ISSY')).toEqual(['Issy-les-Moulineaux']);
    expect(await ids('q=hauts de seine boulogne')).toEqual(['Boulogne-Billancourt']);
    expect(await ids('q=issy boulogne')).toEqual([]);
    expect(await ids('q=chedid')).toEqual(['Issy-les-Moulineaux']);
    expect(await ids('q=guichet bois')).toEqual(['Bois-Colombes']);
  });

  it('pages with a stable cursor', async () => {
    const first = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?limit=2' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(3);
    const second = await t.request<Page<ConventionSummary>>({ method: 'GET', url: `/api/v1/conventions?limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.items.map((c) => c.territories[0]!.code)).toEqual(['92012']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('creates a convention whose Caf and commune become parties, then finds it in the list', async () => {
    const created = await t.request<ConventionDetail>({ method: 'POST', url: '/api/v1/conventions', payload: valid() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'en_preparation', version: 1, population: 64263, declaredThemes: ['petite_enfance', 'jeunesse'] });
    expect(created.body.parties.map((p) => p.organisation.name)).toEqual(['Caf des Hauts-de-Seine', 'Ville d’Antony']);
    expect(created.body.allowedTransitions).toEqual(['diagnostic', 'redaction']);
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?territory=92002' });
    expect(list.body.items.map((c) => c.id)).toEqual([created.body.id]);
  });

  const badInputs: [string, () => unknown, number, string][] = [
    ['a missing title', () => ({ ...valid(), title: undefined }), 400, 'title'],
    ['an unknown theme code', () => ({ ...valid(), themes: ['petite_enfance', 'astronautique'] }), 422, 'themes.1'],
    ['an end year before the start year', () => ({ ...valid(), startYear: 2027, endYear: 2023 }), 400, 'endYear'],
    ['an unknown INSEE code', () => ({ ...valid(), territoryCodes: ['92999'] }), 422, 'territoryCodes.0'],
    ['the same commune twice', () => ({ ...valid(), territoryCodes: ['92002', '92002'] }), 400, 'territoryCodes'],
    ['the same theme twice', () => ({ ...valid(), themes: ['jeunesse', 'jeunesse'] }), 400, 'themes'],
    ['a département as perimeter', () => ({ ...valid(), territoryCodes: ['92'] }), 422, 'territoryCodes.0'],
    ['a 1 MB title', () => ({ ...valid(), title: 'é'.repeat(1_000_000) }), 400, 'title'],
    ['a Caf that is a commune', () => ({ ...valid(), cafId: 2 }), 422, 'cafId'],
    ['a year given as text', () => ({ ...valid(), startYear: '2025' }), 400, 'startYear'],
  ];

  it.each(badInputs)('rejects %s with a French message naming the field, and changes nothing', async (_label, body, status, path) => {
    const before = await snapshotCounts(t.database);
    const response = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/conventions', payload: body() as object });
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(response.body.error.message).toMatch(/«/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('rejects malformed JSON and a wrong content type with a French message, and changes nothing', async () => {
    const before = await snapshotCounts(t.database);
    const malformed = await t.request<ErrorResponse>({
      method: 'POST',
      url: '/api/v1/conventions',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": "Sans fin',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_json', message: expect.stringMatching(/JSON valide/) });
    const text = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/conventions', headers: { 'content-type': 'text/plain' }, payload: 'bonjour' });
    expect(text.status).toBe(415);
    const huge = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/conventions', headers: { 'content-type': 'application/json' }, payload: `{"title":"${'x'.repeat(3_000_000)}"}` });
    expect(huge.status).toBe(413);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('answers 404 in French for a missing convention and 400 for a bad id', async () => {
    const missing = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/conventions/999999' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Convention 999999 introuvable.');
    expect((await t.request({ method: 'GET', url: '/api/v1/conventions/abc' })).status).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/conventions?status=perdue' })).status).toBe(422);
    expect((await t.request({ method: 'GET', url: '/api/v1/nulle-part' })).status).toBe(404);
  });

  it('refuses a stale version with 409 and the current object, changing nothing', async () => {
    const { body: created } = await t.request<ConventionDetail>({ method: 'POST', url: '/api/v1/conventions', payload: { ...valid(), territoryCodes: ['92023'] } });
    const first = await t.request<ConventionDetail>({ method: 'PATCH', url: `/api/v1/conventions/${created.id}`, payload: { version: 1, title: 'CTG de Clamart' } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const before = await snapshotCounts(t.database);
    const second = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/conventions/${created.id}`, payload: { version: 1, title: 'Autre titre' } });
    expect(second.status).toBe(409);
    expect(second.body.error.current).toMatchObject({ title: 'CTG de Clamart', version: 2 });
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('checks the end year against the stored start year on update', async () => {
    const { body: created } = await t.request<ConventionDetail>({ method: 'POST', url: '/api/v1/conventions', payload: { ...valid(), territoryCodes: ['92024'] } });
    const response = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/conventions/${created.id}`, payload: { version: 1, endYear: 2020 } });
    expect(response.status).toBe(422);
    expect(response.body.error.fields?.[0]?.path).toBe('endYear');
  });

  it('checks lifecycle transitions on the server and keeps the history', async () => {
    const { body: draft } = await t.request<ConventionDetail>({ method: 'POST', url: '/api/v1/conventions', payload: { ...valid(), territoryCodes: ['92025'] } });
    const skip = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${draft.id}/status`, payload: { version: 1, status: 'en_cours' } });
    expect(skip.status).toBe(422);
    expect(skip.body.error.message).toMatch(/ne peut pas passer à « En cours »/);
    const toRedaction = await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${draft.id}/status`, payload: { version: 1, status: 'redaction', comment: 'Diagnostic partagé validé' } });
    expect(toRedaction.status).toBe(200);
    const unsigned = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${draft.id}/status`, payload: { version: 2, status: 'signee' } });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error.message).toMatch(/signature/);
    const { body: people } = await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/persons?q=dorin' });
    const event = await t.request({
      method: 'POST',
      url: `/api/v1/conventions/${draft.id}/signature-events`,
      payload: { date: '2025-06-12', place: 'Hôtel de ville de Colombes', signatories: [{ personId: people[0]!.id, partyId: draft.parties[0]!.id, capacity: 'président du conseil d’administration' }] },
    });
    expect(event.status).toBe(201);
    const signed = await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${draft.id}/status`, payload: { version: 2, status: 'signee', effectiveDate: '2025-06-12' } });
    expect(signed.status).toBe(200);
    expect(signed.body.statusHistory.map((h) => [h.fromStatus, h.toStatus, h.comment])).toEqual([
      [null, 'en_preparation', null],
      ['en_preparation', 'redaction', 'Diagnostic partagé validé'],
      ['redaction', 'signee', null],
    ]);
    expect(signed.body.signatureEvents[0]!.signatories[0]!.person.fullName).toBe('Fabrice Dorin');
  });

  it('serves the OpenAPI document and the browsable API page', async () => {
    const doc = await t.request<{ openapi: string; paths: Record<string, unknown> }>({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/conventions', '/api/v1/conventions/{id}', '/api/v1/territories', '/api/v1/actions/{id}']));
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
