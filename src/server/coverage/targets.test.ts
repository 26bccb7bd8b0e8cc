import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { CoverageTimeline } from '../../shared/api/coverage.js';
import type { CoverageTarget, CoverageTargets } from '../../shared/api/coverage-targets.js';
import type { ErrorResponse } from '../../shared/api/common.js';

const PASSWORD = 'Cibles-Couverture-92!';
type Answer = CoverageTarget & CoverageTargets & ErrorResponse;

describe.each(ENGINES)('coverage targets of a Caf (%s)', (engine) => {
  let t: TestApp;
  let cafId: number;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) =>
    t.request<Answer>({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown> | undefined, ...(headers ? { headers } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    cafId = (await t.request<{ id: number; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' })).body[0]!.id;
  });
  afterAll(async () => t.close());

  it('sets a target, refuses a second one for the same year, and the département timeline follows it', async () => {
    const created = await call('POST', '/coverage/targets', { cafId, year: 2025, rate: 0.4 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cafId, year: 2025, rate: 0.4, version: 1 });
    const again = await call('POST', '/coverage/targets', { cafId, year: 2025, rate: 0.5 });
    expect(again.status).toBe(422);
    expect(again.body.error.fields?.[0]?.path).toBe('year');
    const list = await call('GET', `/coverage/targets?caf=${cafId}`);
    expect(list.body.caf.map((x) => [x.year, x.rate])).toEqual([[2025, 0.4]]);
    expect(list.body.national.map((x) => Math.round(x.rate * 100))).toEqual([20, 35, 55, 75, 85]);
    const timeline = await t.request<CoverageTimeline>({ method: 'GET', url: '/api/v1/coverage/timeline?departement=92&from=2024&to=2026' });
    expect(timeline.body.targetSource).toBe('caf');
    expect(timeline.body.points.find((p) => p.year === 2025)?.target).toBe(0.4);
  });

  it('changes a target with the version read; a stale version gets 409 with the current one and changes nothing', async () => {
    const target = (await call('GET', `/coverage/targets?caf=${cafId}`)).body.caf[0]!;
    const changed = await call('PATCH', `/coverage/targets/${target.id}`, { version: target.version, rate: 0.455 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rate: 0.455, version: target.version + 1 });
    const before = await snapshotCounts(t.database);
    const stale = await call('PATCH', `/coverage/targets/${target.id}`, { version: target.version, rate: 0.6 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ rate: 0.455 });
    expect(await snapshotCounts(t.database)).toEqual(before);
    expect((await call('GET', `/coverage/targets?caf=${cafId}`)).body.caf[0]!.rate).toBe(0.455);
  });

  it('refuses a rate above 100 % or with too many decimals, naming the field, and keeps the national trajectory read-only', async () => {
    const high = await call('POST', '/coverage/targets', { cafId, year: 2026, rate: 1.2 });
    expect(high.status).toBe(400);
    expect(high.body.error.message).toContain('taux');
    const precise = await call('POST', '/coverage/targets', { cafId, year: 2026, rate: 0.123456 });
    expect(precise.status).toBe(400);
    const national = (await call('GET', '/coverage/targets')).body.national[0]!;
    const refused = await call('PATCH', `/coverage/targets/${national.id}`, { version: national.version, rate: 0.3 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('trajectoire nationale');
  });

  it('lets only the Caf’s admins change its targets', async () => {
    await createUser(t.database, { email: 'agent-cibles@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    await createUser(t.database, { email: 'admin-cibles@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_admin' }] });
    const headersOf = async (email: string) => {
      const { cookie, csrf } = await signIn(t, email, PASSWORD);
      return { cookie, 'x-csrf-token': csrf };
    };
    const agent = await call('POST', '/coverage/targets', { cafId, year: 2027, rate: 0.5 }, await headersOf('agent-cibles@exemple.fr'));
    expect(agent.status).toBe(403);
    const admin = await call('POST', '/coverage/targets', { cafId, year: 2027, rate: 0.5 }, await headersOf('admin-cibles@exemple.fr'));
    expect(admin.status).toBe(201);
    const deleted = await call('DELETE', `/coverage/targets/${admin.body.id}?version=${admin.body.version}`, undefined, await headersOf('admin-cibles@exemple.fr'));
    expect(deleted.status).toBe(204);
  });
});
