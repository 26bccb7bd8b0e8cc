import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action, ErrorResponse, HistoryPage, Indicator, Review } from '../../shared/api/index.js';

/** The acceptance path: a fiche with two indicators and budget lines, values 2023–2025, the 2025 review, a later edit. */
describe.each(ENGINES)('follow-up cycle: indicators, review, history (%s)', (engine) => {
  let t: TestApp;
  const conventionId = 1;
  let action: Action;
  let places: Indicator;
  let waiting: Indicator;
  let review: Review;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const send = <T>(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) => t.request<T>({ method, url, payload: payload as object | undefined });

  it('creates a fiche with budget lines and two indicators', async () => {
    action = (
      await send<Action>('POST', `/api/v1/conventions/${conventionId}/actions`, {
        title: 'Développer l’accueil du jeune enfant',
        themes: ['petite_enfance'],
        status: 'en_cours',
        progress: 40,
        budgetLines: [
          { year: 2024, funder: 'Caf des Hauts-de-Seine', nature: 'fonctionnement', plannedCents: 5_000_000, actualCents: 4_800_000 },
          { year: 2025, funder: 'Ville de Bois-Colombes', nature: 'investissement', plannedCents: 30_000_000, actualCents: null },
        ],
      })
    ).body;
    const base = { actionId: action.id, kind: 'resultat', baselineDate: '2022-12-31', targetDate: '2026-12-31' };
    const first = await send<Indicator>('POST', `/api/v1/conventions/${conventionId}/indicators`, { ...base, title: 'Places en crèche', unit: 'places', direction: 'hausse', baselineValue: 30, targetValue: 60 });
    expect(first.status).toBe(201);
    places = first.body;
    waiting = (await send<Indicator>('POST', `/api/v1/conventions/${conventionId}/indicators`, { ...base, title: 'Familles en attente', unit: 'familles', direction: 'baisse', baselineValue: 120, targetValue: 40 })).body;
    expect(places.assessment.state).toBe('sans_donnee');
  });

  it('records values for 2023–2025 and computes the states against the trajectory', async () => {
    for (const [date, value] of [['2023-12-31', 37], ['2024-12-31', 41], ['2025-12-31', 44]] as const) {
      places = (await send<Indicator>('POST', `/api/v1/indicators/${places.id}/values`, { date, value, source: 'Gestionnaire des crèches' })).body;
    }
    for (const [date, value] of [['2023-12-31', 110], ['2024-12-31', 95], ['2025-12-31', 58]] as const) {
      waiting = (await send<Indicator>('POST', `/api/v1/indicators/${waiting.id}/values`, { date, value })).body;
    }
    expect(places.values).toHaveLength(3);
    expect(places.assessment).toMatchObject({ state: 'a_risque', measured: 44, measuredDate: '2025-12-31' });
    expect(places.assessment.explanation).toBe('attendu 52,5 places en 2025, mesuré 44 places');
    expect(waiting.assessment.state).toBe('en_bonne_voie');
  });

  it('refuses an indicator whose target precedes its baseline, changing nothing', async () => {
    const before = await snapshotCounts(t.database);
    const bad = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/indicators`, {
      actionId: action.id, kind: 'moyens', title: 'À rebours', unit: '%', direction: 'hausse', baselineValue: 1, baselineDate: '2025-01-01', targetValue: 2, targetDate: '2024-01-01',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('date de la cible');
    const noOwner = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/indicators`, {
      kind: 'moyens', title: 'Orphelin', unit: '%', direction: 'hausse', baselineValue: 1, baselineDate: '2023-01-01', targetValue: 2, targetDate: '2024-01-01',
    });
    expect(noOwner.status).toBe(422);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('opens, writes and validates the 2025 review', async () => {
    const created = await send<Review>('POST', `/api/v1/conventions/${conventionId}/reviews`, { kind: 'annual', year: 2025, snapshotDate: '2025-12-31' });
    expect(created.status).toBe(201);
    const written = await send<Review>('PATCH', `/api/v1/reviews/${created.body.id}`, {
      version: 1,
      narratives: [{ axisId: null, realise: 'Deux crèches agrandies.', difficultes: 'Recrutement.', suite: 'Ouvrir le RPE.' }],
    });
    expect(written.status).toBe(200);
    const validated = await send<Review>('POST', `/api/v1/reviews/${created.body.id}/validate`, { version: written.body.version });
    expect(validated.status).toBe(200);
    review = validated.body;
    expect(review.status).toBe('valide');
    expect(review.snapshot.actions.find((a) => a.id === action.id)).toMatchObject({ status: 'en_cours', progress: 40 });
    expect(review.snapshot.indicators.find((i) => i.id === places.id)).toMatchObject({ measured: 44, state: 'a_risque' });
    const duplicate = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/reviews`, { kind: 'annual', year: 2025, snapshotDate: '2025-12-31' });
    expect(duplicate.status).toBe(422);
  });

  it('keeps the validated review unchanged after the fiche is edited, and refuses to edit it', async () => {
    const edited = await send<Action>('PATCH', `/api/v1/actions/${action.id}`, { version: action.version, status: 'en_retard', statusReason: 'Chantier arrêté', progress: 55 });
    expect(edited.status).toBe(200);
    await send('POST', `/api/v1/indicators/${places.id}/values`, { date: '2025-06-30', value: 20, comment: 'Saisie tardive' });
    const again = await send<Review>('GET', `/api/v1/reviews/${review.id}`);
    expect(again.body).toEqual(review);
    const before = await snapshotCounts(t.database);
    const refused = await send<ErrorResponse>('PATCH', `/api/v1/reviews/${review.id}`, { version: review.version, narratives: [] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('validé');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('shows the edit in the fiche’s history, filtered by person and date', async () => {
    const history = await send<HistoryPage>('GET', `/api/v1/actions/${action.id}/history`);
    expect(history.status).toBe(200);
    const edit = history.body.events.find((e) => e.entityType === 'action' && e.operation === 'update');
    expect(edit?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'en_cours', after: 'en_retard' },
        { field: 'progress', before: 40, after: 55 },
      ]),
    );
    expect(history.body.events.filter((e) => e.entityType === 'indicator').length).toBeGreaterThanOrEqual(8);
    expect(history.body.actors).toEqual(['jeton « tests »']);
    const nobody = await send<HistoryPage>('GET', `/api/v1/actions/${action.id}/history?actor=demo`);
    expect(nobody.body.events).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await send<HistoryPage>('GET', `/api/v1/actions/${action.id}/history?from=${today}&to=${today}`);
    expect(todays.body.events.length).toBe(history.body.events.length);
    const past = await send<HistoryPage>('GET', `/api/v1/actions/${action.id}/history?to=2020-01-01`);
    expect(past.body.events).toEqual([]);
    const reviewHistory = await send<HistoryPage>('GET', `/api/v1/history?entityType=review&entityId=${review.id}`);
    expect(reviewHistory.body.events.map((e) => e.operation)).toEqual(['status', 'update', 'create']);
  });

  it('gives the second writer of a fiche a conflict with the current version, losing nothing', async () => {
    const current = (await send<Action>('GET', `/api/v1/actions/${action.id}`)).body;
    const first = await send<Action>('PATCH', `/api/v1/actions/${action.id}`, { version: current.version, pilot: 'Direction de la petite enfance' });
    expect(first.status).toBe(200);
    const second = await send<ErrorResponse>('PATCH', `/api/v1/actions/${action.id}`, { version: current.version, progress: 90 });
    expect(second.status).toBe(409);
    expect(second.body.error.current).toMatchObject({ pilot: 'Direction de la petite enfance', progress: 55, version: current.version + 1 });
  });
});
