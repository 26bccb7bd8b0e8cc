import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';

const PASSWORD = 'Aleatoire-Mais-Solide-92!';
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', "'; drop table app_user; --", '<script>alert(1)</script>', '\u0000', '9'.repeat(400), '🙂', 'caf_admin', 'partner_editor'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
);
const fields = ['role', 'version', 'currentPassword', 'newPassword', 'userId', 'personId'];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: 4 }), fc.anything({ maxDepth: 3 }));

describe.each(ENGINES)('no server error on random input to the account writes (%s)', (engine) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let writes: [string, string][];

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = await t.request<{ id: number; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    const cafId = orgs.body.find((o) => o.kind === 'caf')!.id;
    const member = await createUser(t.database, { email: 'membre@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    await createUser(t.database, { email: 'admin@exemple.fr', password: PASSWORD, admin: true });
    const session = await signIn(t, 'admin@exemple.fr', PASSWORD);
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    writes = [
      ['PATCH', `/api/v1/users/${member}/memberships/${cafId}`],
      ['PATCH', '/api/v1/users/abc/memberships/0'],
      ['DELETE', `/api/v1/users/${member}/memberships/${cafId}?version=x`],
      ['POST', '/api/v1/auth/password'],
      ['POST', '/api/v1/personal-data/erasure'],
    ];
  });
  afterAll(async () => t.close());

  it('answers every random write with a documented 4xx (or a success), never a 5xx, in French', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), body, async (index, payload) => {
        const [method, url] = writes[index]!;
        const response = await t.app.inject({ method: method as 'POST', url, payload: JSON.stringify(payload), headers: { ...headers, 'content-type': 'application/json' }, remoteAddress: `10.8.0.${index}` });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400 && response.statusCode !== 429) expect(typeof response.json().error.message).toBe('string');
      }),
      { numRuns: 120, seed: 20261128 },
    );
  });
});
