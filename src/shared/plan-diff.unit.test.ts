import { describe, expect, it } from 'vitest';
import { diffPlans, type PlanSnapshot } from './plan-diff.js';

const action = (id: number, title: string, extra: Partial<PlanSnapshot['actions'][number]> = {}) => ({
  id, title, axisIds: [], parentId: null, themes: ['jeunesse'], pilot: null, status: 'a_venir', progress: 0, startDate: null, endDate: null, plannedCents: 0, ...extra,
});

describe('plan versions diff', () => {
  it('lists added, removed, renamed and changed objects', () => {
    const v1: PlanSnapshot = { axes: [{ id: 1, title: 'Axe A', position: 1 }], actions: [action(1, 'Une'), action(2, 'Deux')] };
    const v2: PlanSnapshot = {
      axes: [{ id: 1, title: 'Axe A bis', position: 1 }, { id: 2, title: 'Axe B', position: 2 }],
      actions: [action(1, 'Une', { status: 'en_cours', progress: 20 }), action(3, 'Trois')],
    };
    expect(diffPlans(v1, v2)).toEqual({
      axesAdded: ['Axe B'],
      axesRemoved: [],
      axesRenamed: [{ from: 'Axe A', to: 'Axe A bis' }],
      actionsAdded: ['Trois'],
      actionsRemoved: ['Deux'],
      actionsChanged: [{ id: 1, title: 'Une', changes: [{ field: 'status', before: 'a_venir', after: 'en_cours' }, { field: 'progress', before: 0, after: 20 }] }],
    });
    expect(diffPlans(v2, v2)).toEqual({ axesAdded: [], axesRemoved: [], axesRenamed: [], actionsAdded: [], actionsRemoved: [], actionsChanged: [] });
  });
});
