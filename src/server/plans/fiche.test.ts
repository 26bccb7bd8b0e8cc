import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action, ActionDocument, ActionNote, Axis, ErrorResponse } from '../../shared/api/index.js';
import { findActionParts } from './action-parts.repository.js';

describe.each(ENGINES)('fiche action (%s)', (engine) => {
  let t: TestApp;
  const conventionId = 3;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const post = <T>(url: string, payload: unknown) => t.request<T>({ method: 'POST', url, payload: payload as object });
  const axis = async (title: string) => (await post<Axis>(`/api/v1/conventions/${conventionId}/axes`, { title })).body;

  it('keeps every field of the fiche: dates, priority, progress, budget lines, facilities, several axes', async () => {
    const a1 = await axis('Petite enfance : plus de places');
    const a2 = await axis('Soutien à la parentalité');
    const created = await post<Action>(`/api/v1/conventions/${conventionId}/actions`, {
      title: 'Créer une crèche de 40 berceaux',
      themes: ['petite_enfance'],
      objectives: 'Ouvrir 40 places d’accueil collectif',
      startDate: '2024-01-01',
      endDate: '2026-09-01',
      priority: 'haute',
      progress: 30,
      axisIds: [a1.id, a2.id],
      budgetLines: [
        { year: 2024, funder: 'Caf des Hauts-de-Seine', nature: 'investissement', plannedCents: 120_000_000, actualCents: 118_050_050 },
        { year: 2025, funder: 'Ville', nature: 'fonctionnement', plannedCents: 45_000_000, actualCents: null },
      ],
      facilities: [{ kind: 'eaje', name: 'Crèche du Parc', capacity: 40 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      axisId: a1.id,
      axisIds: [a1.id, a2.id],
      priority: 'haute',
      progress: 30,
      startDate: '2024-01-01',
      budgetLines: [{ plannedCents: 120_000_000, actualCents: 118_050_050 }, { nature: 'fonctionnement', actualCents: null }],
      facilities: [{ kind: 'eaje', capacity: 40 }],
    });
    const axes = await t.request<Axis[]>({ method: 'GET', url: `/api/v1/conventions/${conventionId}/axes` });
    expect(axes.body.find((a) => a.id === a2.id)).toMatchObject({ progress: 30, actionCount: 1 });

    const updated = await t.request<Action>({
      method: 'PATCH',
      url: `/api/v1/actions/${created.body.id}`,
      payload: { version: 1, progress: 60, budgetLines: [created.body.budgetLines[0]], axisId: a2.id },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ progress: 60, axisIds: [a2.id], facilities: [{ name: 'Crèche du Parc' }] });
    expect(updated.body.budgetLines).toHaveLength(1);
    // An edit that writes no part answers with the parts read before it: the same fiche as a fresh read.
    const themed = await t.request<Action>({
      method: 'PATCH',
      url: `/api/v1/actions/${created.body.id}`,
      payload: { version: updated.body.version, progress: 70, axisIds: [a2.id, a1.id], themes: ['parentalite', 'petite_enfance'] },
    });
    const progressed = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${created.body.id}`, payload: { version: themed.body.version, progress: 80 } });
    expect(progressed.status).toBe(200);
    expect(progressed.body).toMatchObject({ progress: 80, axisIds: [a2.id, a1.id], themes: ['parentalite', 'petite_enfance'], facilities: [{ name: 'Crèche du Parc' }] });
    expect(progressed.body).toEqual((await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${created.body.id}` })).body);
    const filtered = await t.request<{ items: Action[] }>({ method: 'GET', url: `/api/v1/actions?axis=${a2.id}` });
    expect(filtered.body.items.map((a) => a.id)).toEqual([created.body.id]);
    // Parts of a few actions and of many (read in chunks): the same answer.
    const few = await findActionParts(t.database.db, [created.body.id]);
    const many = await findActionParts(t.database.db, [created.body.id, ...Array.from({ length: 400 }, (_, i) => 1_000_000 + i)]);
    expect(few).toEqual(many);
    expect(few.budgetLines.get(created.body.id)).toEqual(progressed.body.budgetLines);
    expect(few.facilities.get(created.body.id)).toEqual([{ kind: 'eaje', name: 'Crèche du Parc', capacity: 40 }]);
    expect(few.secondaryAxes.get(created.body.id)).toEqual([a1.id]);
  });

  it.each([
    ['a paused action without a reason', { status: 'en_pause' }, 422, 'statusReason'],
    ['an end before the start', { startDate: '2025-01-01', endDate: '2024-01-01' }, 422, 'endDate'],
    ['a progress above 100', { progress: 120 }, 400, 'progress'],
    ['negative cents', { budgetLines: [{ year: 2024, funder: 'Caf', nature: 'fonctionnement', plannedCents: -5, actualCents: null }] }, 400, 'budgetLines.0.plannedCents'],
    ['an unknown facility kind', { facilities: [{ kind: 'piscine', name: 'Bassin', capacity: 3 }] }, 400, 'facilities.0.kind'],
    ['an axis of another convention', { axisIds: [999999] }, 422, 'axisId'],
  ])('refuses %s, naming the field and changing nothing', async (_label, extra, status, path) => {
    const before = await snapshotCounts(t.database);
    const response = await post<ErrorResponse>(`/api/v1/conventions/${conventionId}/actions`, { title: 'Fiche refusée', themes: ['jeunesse'], ...extra });
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(response.body.error.message).toMatch(/«/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('accepts a late action with its reason', async () => {
    const late = await post<Action>(`/api/v1/conventions/${conventionId}/actions`, { title: 'Action en retard', themes: ['jeunesse'], status: 'en_retard', statusReason: 'Travaux décalés' });
    expect(late.body).toMatchObject({ status: 'en_retard', statusReason: 'Travaux décalés' });
  });

  it('moves axes up and down', async () => {
    const list = (await t.request<Axis[]>({ method: 'GET', url: `/api/v1/conventions/${conventionId}/axes` })).body;
    const last = list[list.length - 1]!;
    const moved = await post<Axis[]>(`/api/v1/axes/${last.id}/move`, { version: last.version, direction: 'up' });
    expect(moved.status).toBe(200);
    expect(moved.body.map((a) => a.id).slice(-2)).toEqual([last.id, list[list.length - 2]!.id]);
    const first = moved.body[0]!;
    const refused = await post<ErrorResponse>(`/api/v1/axes/${first.id}/move`, { version: first.version, direction: 'up' });
    expect(refused.status).toBe(422);
  });

  it('records dated notes with their author, newest first', async () => {
    const action = (await post<Action>(`/api/v1/conventions/${conventionId}/actions`, { title: 'Action suivie par notes', themes: ['jeunesse'] })).body;
    await post(`/api/v1/actions/${action.id}/notes`, { date: '2024-05-02', author: 'Claire Martin, coordinatrice CTG', body: 'Comité de suivi tenu.' });
    await post(`/api/v1/actions/${action.id}/notes`, { date: '2025-02-10', author: 'Paul Durand', body: 'Travaux commencés.' });
    const notes = await t.request<ActionNote[]>({ method: 'GET', url: `/api/v1/actions/${action.id}/notes` });
    expect(notes.body.map((n) => n.date)).toEqual(['2025-02-10', '2024-05-02']);
    const bad = await post<ErrorResponse>(`/api/v1/actions/${action.id}/notes`, { date: '2025-13-40', author: 'X', body: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['date', 'author', 'body']));
  });

  const upload = (actionId: number, filename: string, type: string, content: Buffer) => {
    const boundary = '----pilote';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({ method: 'POST', url: `/api/v1/actions/${actionId}/documents`, payload: body, headers: { ...t.adminHeaders, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };

  it('stores documents in the database, checks their type and size, and gives them back', async () => {
    const action = (await t.request<{ actions: Action[] }>({ method: 'GET', url: `/api/v1/conventions/${conventionId}` })).body.actions[0]!;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('compte rendu é')]);
    const stored = await upload(action.id, 'compte-rendu-comité.pdf', 'application/pdf', pdf);
    expect(stored.statusCode).toBe(201);
    const doc = stored.json<ActionDocument>();
    expect(doc).toMatchObject({ filename: 'compte-rendu-comité.pdf', size: pdf.length, mediaType: 'application/pdf' });
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${doc.id}/content`, headers: t.adminHeaders });
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''compte-rendu-comit%C3%A9.pdf");

    const before = await snapshotCounts(t.database);
    const exe = await upload(action.id, 'outil.exe', 'application/octet-stream', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(415);
    const fake = await upload(action.id, 'faux.pdf', 'application/pdf', Buffer.from('pas un pdf'));
    expect(fake.statusCode).toBe(415);
    const big = await upload(action.id, 'gros.txt', 'text/plain', Buffer.alloc(5 * 1024 * 1024 + 10, 97));
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorResponse>().error.message).toContain('5 Mo');
    expect(await snapshotCounts(t.database)).toEqual(before);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/documents/${doc.id}`, headers: t.adminHeaders });
    expect(removed.statusCode).toBe(204);
    const list = await t.request<ActionDocument[]>({ method: 'GET', url: `/api/v1/actions/${action.id}/documents` });
    expect(list.body).toEqual([]);
  });
});
