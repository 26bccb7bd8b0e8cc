import { describe, expect, it } from 'vitest';
import { rollUpAxisProgress } from './axis-progress.js';

describe('axis progress roll-up', () => {
  const actions = [
    { axisIds: [1], parentId: null, status: 'en_cours', progress: 40 },
    { axisIds: [2, 1], parentId: null, status: 'realisee', progress: 70 },
    { axisIds: [1], parentId: null, status: 'abandonnee', progress: 0 },
    { axisIds: [1], parentId: 5, status: 'en_cours', progress: 0 },
    { axisIds: [2], parentId: null, status: 'a_venir', progress: 0 },
  ];

  it('averages the top-level actions of the axis, completed as 100 %, abandoned left out', () => {
    expect(rollUpAxisProgress(1, actions)).toEqual({ progress: 70, actionCount: 3 });
    expect(rollUpAxisProgress(2, actions)).toEqual({ progress: 50, actionCount: 2 });
  });

  it('has no progress without actions', () => {
    expect(rollUpAxisProgress(3, actions)).toEqual({ progress: null, actionCount: 0 });
  });
});
