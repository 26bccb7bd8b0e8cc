import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

/** The plan follow-up's write endpoints (demo data: action 1 and indicator 1 exist). */
const WRITES = [
  ['PATCH', '/api/v1/actions/1'],
  ['POST', '/api/v1/actions/1/notes'],
  ['POST', '/api/v1/axes/1/move'],
  ['POST', '/api/v1/conventions/1/indicators'],
  ['PATCH', '/api/v1/indicators/1'],
  ['POST', '/api/v1/indicators/1/values'],
  ['POST', '/api/v1/conventions/1/reviews'],
  ['PATCH', '/api/v1/reviews/1'],
  ['POST', '/api/v1/reviews/1/validate'],
  ['POST', '/api/v1/conventions/1/amendments'],
  ['POST', '/api/v1/conventions/1/plan-versions'],
  ['POST', '/api/v1/actions/bulk'],
] as const;

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', '2023-02-30', '2025-12-31', 'en_retard', 'hausse', 'annual', '\u0000', '9'.repeat(400)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.constantFrom('year', 'funder', 'nature', 'plannedCents', 'kind', 'name', 'capacity', 'axisId'), fc.oneof(fc.string(), fc.integer()))), { maxLength: 3 }),
);
const fields = [
  'version', 'status', 'statusReason', 'progress', 'startDate', 'endDate', 'axisIds', 'budgetLines', 'facilities', 'date', 'author', 'body', 'direction',
  'actionId', 'axisId', 'title', 'kind', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'value', 'year', 'snapshotDate',
  'narratives', 'evaluation', 'signedBy', 'label', 'filter', 'set',
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 7 }), fc.anything({ maxDepth: 3 }));

describe.each(ENGINES)('no server error on random follow-up writes (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('answers every random write with a 2xx or a French 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), body, async ([method, url], payload) => {
        const response = await t.app.inject({ method, url, payload: JSON.stringify(payload), headers: { ...t.adminHeaders, 'content-type': 'application/json' } });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) expect(typeof response.json().error.message).toBe('string');
      }),
      { numRuns: 200, seed: 20261128 },
    );
  });
});
