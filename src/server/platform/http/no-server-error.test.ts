import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../../test/helpers/app.js';

/** Write endpoints of the foundation; the reliability issue will derive this list from the OpenAPI document. */
const WRITES = [
  ['POST', '/api/v1/conventions'],
  ['PATCH', '/api/v1/conventions/1'],
  ['POST', '/api/v1/conventions/1/status'],
  ['POST', '/api/v1/conventions/1/actions'],
  ['PATCH', '/api/v1/actions/1'],
  ['POST', '/api/v1/conventions/1/parties'],
  ['PATCH', '/api/v1/parties/1'],
  ['POST', '/api/v1/conventions/1/signature-events'],
  ['PATCH', '/api/v1/signature-events/1'],
  ['POST', '/api/v1/conventions/1/axes'],
  ['POST', '/api/v1/themes'],
  ['POST', '/api/v1/organisations'],
  ['POST', '/api/v1/persons'],
] as const;

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', "'; drop table convention; --", '<script>alert(1)</script>', '2023-02-30', '\u0000', '9'.repeat(400), '🙂'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
);
const fields = ['title', 'cafId', 'startYear', 'endYear', 'territoryCodes', 'themes', 'version', 'status', 'date', 'signatories', 'organisationId', 'code', 'label', 'kind', 'name', 'firstName', 'mandates', 'axisId', 'parentId'];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 6 }),
  fc.anything({ maxDepth: 3 }),
);

describe.each(ENGINES)('no server error on random input (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('answers every random write with a 2xx or a documented 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), body, async ([method, url], payload) => {
        const response = await t.app.inject({ method, url, payload: JSON.stringify(payload), headers: { ...t.adminHeaders, 'content-type': 'application/json' } });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) {
          const error = response.json().error;
          expect(typeof error.message).toBe('string');
          expect(typeof error.code).toBe('string');
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('changes nothing when every request is rejected', async () => {
    const before = await snapshotCounts(t.database);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), fc.string(), async ([method, url], text) => {
        const response = await t.app.inject({ method, url, payload: `{${text}`, headers: { ...t.adminHeaders, 'content-type': 'application/json' } });
        expect(response.statusCode).toBe(400);
      }),
      { numRuns: 50, seed: 7 },
    );
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
