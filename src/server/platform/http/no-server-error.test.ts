import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../../test/helpers/app.js';

type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Every write route of the OpenAPI document, its path parameters filled with ids that exist in the demo
 * (API tokens excepted: revoking the test's own token would turn every later case into a 401).
 */
async function writeRoutes(t: TestApp): Promise<[Method, string][]> {
  const doc = (await t.request<{ paths: Record<string, Record<string, unknown>> }>({ method: 'GET', url: '/api/v1/openapi.json' })).body;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((m) => m.toUpperCase())
      .filter((m): m is Method => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(m))
      .map((m): [Method, string] => [m, path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'code' ? 'mobilite' : name === 'token' ? 'x'.repeat(43) : path.includes('api-tokens') ? '999999' : '1'))]),
  );
}

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
  let writes: [Method, string][];
  beforeAll(async () => {
    t = await createTestApp(engine);
    writes = await writeRoutes(t);
  });
  afterAll(async () => t.close());

  it('answers every random write with a 2xx or a documented 4xx, never a 5xx', async () => {
    expect(writes.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), body, async ([method, url], payload) => {
        const response = await t.app.inject({ method, url, payload: JSON.stringify(payload), headers: { ...t.adminHeaders, 'content-type': 'application/json' } });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) {
          const error = response.json().error;
          expect(typeof error.message).toBe('string');
          expect(typeof error.code).toBe('string');
        }
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('changes nothing when every request is rejected', async () => {
    const before = await snapshotCounts(t.database);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes.filter(([method]) => method !== 'DELETE')), fc.string(), async ([method, url], text) => {
        const response = await t.app.inject({ method, url, payload: `{${text}`, headers: { ...t.adminHeaders, 'content-type': 'application/json' } });
        expect(response.statusCode).toBe(400);
      }),
      { numRuns: 50, seed: 7 },
    );
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
