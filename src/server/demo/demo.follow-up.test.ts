import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { Indicator } from '../../shared/api/index.js';

describe.each(ENGINES)('demo follow-up figures (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('gives one action of each convention an illustrative indicator with values for 2023–2025, in three different states', async () => {
    const states: string[] = [];
    for (const id of [1, 2, 3]) {
      const { body } = await t.request<Indicator[]>({ method: 'GET', url: `/api/v1/conventions/${id}/indicators` });
      expect(body).toHaveLength(1);
      expect(body[0]!.illustrative).toBe(true);
      expect(body[0]!.values.map((v) => v.date.slice(0, 4))).toEqual(['2023', '2024', '2025']);
      states.push(body[0]!.assessment.state);
    }
    expect(states).toEqual(['en_bonne_voie', 'a_risque', 'atteint']);
  });
});
