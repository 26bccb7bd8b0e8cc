import { describe, expect, it } from 'vitest';
import type { Action, Indicator } from '../../shared/api/index.js';
import { buildDashboard } from './dashboard.logic.js';

const action = (id: number, extra: Partial<Action>): Action => ({
  id, conventionId: 1, axisId: null, parentId: null, title: `Action ${id}`, description: null, themes: ['jeunesse'], pilot: null, pilotUserId: null, pilotUserName: null, pilotOrganisationId: null, pilotOrganisationName: null, partners: [], targetPublic: null,
  scope: null, places: [], labels: [], status: 'en_cours', highlighted: false, position: id, objectives: null, startDate: null, endDate: null, statusReason: null,
  priority: null, progress: 0, axisIds: [], budgetLines: [], facilities: [], version: 1, updatedAt: '', ...extra,
});

describe('follow-up dashboard', () => {
  it('counts statuses by main theme, sums budgets per year and finds actions without a recent note', () => {
    const actions = [
      action(1, { themes: ['jeunesse', 'handicap'], budgetLines: [{ year: 2024, funder: 'Caf', nature: 'fonctionnement', plannedCents: 1000, actualCents: 900 }] }),
      action(2, { status: 'en_retard', statusReason: 'x', budgetLines: [{ year: 2024, funder: 'Ville', nature: 'investissement', plannedCents: 500, actualCents: null }, { year: 2025, funder: 'Caf', nature: 'fonctionnement', plannedCents: 300, actualCents: 300 }] }),
      action(3, { themes: ['handicap'], status: 'realisee' }),
    ];
    const risky = { id: 9, title: 'Ind', actionId: 2, assessment: { state: 'a_risque', explanation: 'attendu 45 en 2025, mesuré 38' } } as Indicator;
    const d = buildDashboard({ id: 1, startYear: 2023, endYear: 2027 }, actions, [risky], new Map([[1, '2025-06-01'], [2, '2024-01-10']]), '2025-12-01');
    expect(d.statusByTheme).toEqual([
      { theme: 'jeunesse', counts: { en_cours: 1, en_retard: 1 }, total: 2 },
      { theme: 'handicap', counts: { realisee: 1 }, total: 1 },
    ]);
    expect(d.budgetsByYear).toEqual([{ year: 2024, plannedCents: 1500, actualCents: 900 }, { year: 2025, plannedCents: 300, actualCents: 300 }]);
    expect(d.staleActions).toEqual([{ id: 2, title: 'Action 2', lastNoteDate: '2024-01-10' }]);
    expect(d.indicatorsAtRisk).toEqual([{ id: 9, title: 'Ind', actionId: 2, actionTitle: 'Action 2', explanation: 'attendu 45 en 2025, mesuré 38' }]);
    expect(d.indicatorStates).toEqual({ atteint: 0, en_bonne_voie: 0, a_risque: 1, sans_donnee: 0 });
  });
});
