import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { caseArbitrary, dumpDatabase, prepareCallers, runCase, writeOperations, type FuzzContext, type Operation } from '../../../../test/helpers/api-fuzz.js';

/**
 * Every write operation of the OpenAPI document with random parameters, headers and bodies, as an anonymous
 * visitor, a platform administrator and each role: never a 5xx, rejections documented in French and
 * harmless to the data (full dump compared), accepted writes read back as answered.
 */
describe.each(ENGINES)('OpenAPI fuzzing with parameters, headers and callers (%s)', (engine) => {
  let t: TestApp;
  let ctx: FuzzContext;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp(engine);
    ctx = await prepareCallers(t);
    operations = await writeOperations(t);
  });
  afterAll(async () => t.close());

  it('holds its properties on every random case', async () => {
    expect(operations.length).toBeGreaterThan(50);
    let dump = await dumpDatabase(t);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(operations), async (c) => {
        const result = await runCase(ctx, c, dump);
        dump = result.after;
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        expect(result.problems).toEqual([]);
      }),
      { numRuns: 150, seed: 20261129 },
    );
    // Random cases must reach the services, not only the validators: some writes are accepted.
    expect([...statuses].filter(([status]) => status >= 200 && status < 300).reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(0);
  }, 120_000);
});
