import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessIndicator, expectedAt, explainAssessment, type TrajectoryInput } from './indicator-state.js';

const places: TrajectoryInput = { direction: 'hausse', baselineValue: 30, baselineDate: '2022-12-31', targetValue: 60, targetDate: '2026-12-31' };

describe('indicator trajectory and state', () => {
  it('follows the straight line from baseline to target and stays flat outside it', () => {
    expect(expectedAt(places, '2022-12-31')).toBe(30);
    expect(expectedAt(places, '2026-12-31')).toBe(60);
    expect(expectedAt(places, '2030-01-01')).toBe(60);
    expect(expectedAt(places, '2020-01-01')).toBe(30);
    expect(expectedAt(places, '2024-12-31')).toBeCloseTo(45, 1);
  });

  it('has no data without a value after the baseline', () => {
    expect(assessIndicator(places, []).state).toBe('sans_donnee');
    expect(assessIndicator(places, [{ date: '2021-06-30', value: 80 }]).state).toBe('sans_donnee');
  });

  it('judges the latest value against the trajectory', () => {
    const values = [
      { date: '2023-12-31', value: 38 },
      { date: '2024-12-31', value: 38 },
    ];
    const atRisk = assessIndicator(places, values);
    expect(atRisk).toMatchObject({ state: 'a_risque', measured: 38, measuredDate: '2024-12-31' });
    expect(explainAssessment(atRisk, 'places')).toBe('attendu 45 places en 2024, mesuré 38 places');
    expect(assessIndicator(places, values, '2023-12-31').state).toBe('en_bonne_voie');
    expect(assessIndicator(places, [{ date: '2024-12-31', value: 43 }]).state).toBe('en_bonne_voie');
    expect(assessIndicator(places, [{ date: '2024-12-31', value: 60 }]).state).toBe('atteint');
  });

  it('reads a falling indicator the other way round', () => {
    const waiting: TrajectoryInput = { direction: 'baisse', baselineValue: 120, baselineDate: '2023-01-01', targetValue: 40, targetDate: '2027-01-01' };
    expect(assessIndicator(waiting, [{ date: '2025-01-01', value: 75 }]).state).toBe('en_bonne_voie');
    expect(assessIndicator(waiting, [{ date: '2025-01-01', value: 100 }]).state).toBe('a_risque');
    expect(assessIndicator(waiting, [{ date: '2025-01-01', value: 35 }]).state).toBe('atteint');
  });

  it('never calls « à risque » a value at or beyond the trajectory (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1460 }),
        fc.integer({ min: 0, max: 500 }),
        fc.boolean(),
        (baseline, distance, day, ahead, up) => {
          const indicator: TrajectoryInput = {
            direction: up ? 'hausse' : 'baisse',
            baselineValue: baseline,
            baselineDate: '2023-01-01',
            targetValue: up ? baseline + distance : baseline - distance,
            targetDate: '2027-01-01',
          };
          const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
          const value = expectedAt(indicator, date) + (up ? ahead : -ahead);
          return assessIndicator(indicator, [{ date, value }]).state !== 'a_risque';
        },
      ),
    );
  });
});
