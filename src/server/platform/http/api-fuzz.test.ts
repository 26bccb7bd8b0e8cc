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
      { numRuns: 120, seed: 20261129 },
    );
    // Random cases must reach the services, not only the validators: some writes are accepted.
    expect([...statuses].filter(([status]) => status >= 200 && status < 300).reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(0);
  }, 120_000);

  // Found by the fuzzing: the router's own errors answered in English with another shape.
  it('answers an over-long path parameter and a malformed address in French with the documented shape', async () => {
    const long = await t.app.inject({ method: 'DELETE', url: `/api/v1/coverage/targets/${'x'.repeat(300)}?version=1`, headers: t.adminHeaders });
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toMatchObject({ code: 'uri_too_long', message: expect.stringContaining('trop long') });
    const malformed = await t.app.inject({ method: 'PATCH', url: '/api/v1/actions/%E0%A4%A', headers: t.adminHeaders, payload: {} });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'invalid_request', message: 'Adresse de requête invalide.' });
  });

  // Found by the fuzzing: a multipart body cut short made busboy throw, answered 500.
  it('answers 400 in French to a multipart upload cut short', async () => {
    const action = await t.database.db.selectFrom('action').select('id').orderBy('id').executeTakeFirstOrThrow();
    const before = await dumpDatabase(t);
    for (const payload of ['null', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc']) {
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/actions/${action.id}/documents`, headers: { ...t.adminHeaders, 'content-type': 'multipart/form-data; boundary=x' }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid_multipart', message: expect.stringContaining('« fichier »'), fields: [{ path: 'file' }] });
    }
    expect(await dumpDatabase(t)).toEqual(before);
  });
});
