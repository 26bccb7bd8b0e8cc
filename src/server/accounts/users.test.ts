import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';
import type { UserMembership, UserSummary } from '../../shared/api/users.js';

const PASSWORD = 'Comptes-Et-Roles-92!';

describe.each(ENGINES)('users, roles and password change (%s)', (engine) => {
  let t: TestApp;
  let cafId: number;
  let boisColombesId: number;
  let otherCafId: number;
  let coordinatorId: number;
  let cafAdmin: Record<string, string>;

  const session = async (email: string, password = PASSWORD) => {
    const s = await signIn(t, email, password);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  };
  const securityEvents = async (event: string) =>
    (await t.database.db.selectFrom('security_event').select(['actor', 'details_json']).where('event', '=', event).orderBy('id').execute()).map((e) => ({
      actor: e.actor,
      details: JSON.parse(e.details_json ?? 'null') as unknown,
    }));

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = await t.request<{ id: number; name: string; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    cafId = orgs.body.find((o) => o.kind === 'caf')!.id;
    boisColombesId = orgs.body.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
    otherCafId = (await t.request<{ id: number }>({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'caf', name: 'Caf voisine', departementCode: '92' } })).body.id;
    await createUser(t.database, { email: 'admin.caf@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_admin' }] });
    coordinatorId = await createUser(t.database, { email: 'coordination@bois-colombes.fr', password: PASSWORD, memberships: [{ organisationId: boisColombesId, role: 'partner_reader' }] });
    await createUser(t.database, { email: 'agent@caf-voisine.fr', password: PASSWORD, memberships: [{ organisationId: otherCafId, role: 'caf_agent' }] });
    cafAdmin = await session('admin.caf@exemple.fr');
  });
  afterAll(async () => t.close());

  it('lists, for a Caf administrator, only the people of the organisations it manages, with their roles', async () => {
    const { status, body } = await t.request<Page<UserSummary>>({ method: 'GET', url: '/api/v1/users', headers: cafAdmin });
    expect(status).toBe(200);
    expect(body.items.map((u) => u.email).sort()).toEqual(['admin.caf@exemple.fr', 'coordination@bois-colombes.fr']);
    const coordinator = body.items.find((u) => u.id === coordinatorId)!;
    expect(coordinator).toMatchObject({ hasPassword: true, hasProConnect: false, memberships: [{ organisationName: 'Ville de Bois-Colombes', role: 'partner_reader', version: 1 }] });
    const everyone = await t.request<Page<UserSummary>>({ method: 'GET', url: '/api/v1/users?q=VOISINE' });
    expect(everyone.body.items.map((u) => u.email)).toEqual(['agent@caf-voisine.fr']);
    const reader = await session('coordination@bois-colombes.fr');
    expect((await t.request({ method: 'GET', url: '/api/v1/users', headers: reader })).status).toBe(403);
  });

  it('changes a role with its version, logs the permission change, and refuses a stale version', async () => {
    const url = `/api/v1/users/${coordinatorId}/memberships/${boisColombesId}`;
    const changed = await t.request<UserMembership>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'partner_editor', version: 1 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'partner_editor', version: 2 });
    expect((await securityEvents('membership_changed')).at(-1)).toEqual({
      actor: 'admin.caf <admin.caf@exemple.fr>',
      details: { userId: coordinatorId, organisationId: boisColombesId, before: 'partner_reader', after: 'partner_editor' },
    });
    const before = await snapshotCounts(t.database);
    const stale = await t.request<ErrorResponse>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'partner_reader', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ role: 'partner_editor', version: 2 });
    const wrongKind = await t.request<ErrorResponse>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'caf_admin', version: 2 } });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.message).toMatch(/« rôle »/);
    expect(await snapshotCounts(t.database)).toEqual(before);
    const me = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'admin.caf@exemple.fr').executeTakeFirstOrThrow();
    const self = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/users/${me.id}/memberships/${cafId}`, headers: cafAdmin, payload: { role: 'caf_agent', version: 1 } });
    expect(self.status).toBe(422);
  });

  it('limits a partner editor to the actions they pilot, and drops the limit with the editor role', async () => {
    const editorId = await createUser(t.database, { email: 'pilote@bois-colombes.fr', password: PASSWORD, memberships: [{ organisationId: boisColombesId, role: 'partner_editor' }] });
    const url = `/api/v1/users/${editorId}/memberships/${boisColombesId}`;
    const conventions = await t.request<{ items: { id: number; title: string }[] }>({ method: 'GET', url: '/api/v1/conventions?q=Bois-Colombes' });
    const actionsUrl = `/api/v1/conventions/${conventions.body.items[0]!.id}/actions`;
    const editor = await session('pilote@bois-colombes.fr');
    const newAction = { title: 'Action proposée par le partenaire', themes: ['jeunesse'] };
    expect((await t.request({ method: 'POST', url: actionsUrl, headers: editor, payload: newAction })).status).toBe(201);

    const limited = await t.request<UserMembership>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'partner_editor', pilotOnly: true, version: 1 } });
    expect(limited.body).toMatchObject({ role: 'partner_editor', pilotOnly: true, version: 2 });
    expect((await securityEvents('membership_changed')).at(-1)?.details).toMatchObject({ pilotOnlyBefore: false, pilotOnlyAfter: true });
    expect((await t.request({ method: 'POST', url: actionsUrl, headers: editor, payload: newAction })).status).toBe(403);
    const listed = await t.request<Page<UserSummary>>({ method: 'GET', url: '/api/v1/users?q=pilote%40bois', headers: cafAdmin });
    expect(listed.body.items[0]!.memberships[0]).toMatchObject({ pilotOnly: true });

    const before = await snapshotCounts(t.database);
    const meaningless = await t.request<ErrorResponse>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'partner_reader', pilotOnly: true, version: 2 } });
    expect(meaningless.status).toBe(422);
    expect(meaningless.body.error.message).toMatch(/« pilote seulement »/);
    expect(await snapshotCounts(t.database)).toEqual(before);
    const reader = await t.request<UserMembership>({ method: 'PATCH', url, headers: cafAdmin, payload: { role: 'partner_reader', version: 2 } });
    expect(reader.body).toMatchObject({ role: 'partner_reader', pilotOnly: false });
  });

  it('refuses a Caf administrator on another Caf’s people, and removes a membership with a log entry', async () => {
    const agent = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'agent@caf-voisine.fr').executeTakeFirstOrThrow();
    const refused = await t.request({ method: 'DELETE', url: `/api/v1/users/${agent.id}/memberships/${otherCafId}?version=1`, headers: cafAdmin });
    expect(refused.status).toBe(403);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/users/${coordinatorId}/memberships/${boisColombesId}?version=2`, headers: cafAdmin });
    expect(removed.status).toBe(204);
    expect((await securityEvents('membership_removed')).at(-1)?.details).toEqual({ userId: coordinatorId, organisationId: boisColombesId, role: 'partner_editor' });
    const gone = await t.request({ method: 'DELETE', url: `/api/v1/users/${coordinatorId}/memberships/${boisColombesId}?version=2`, headers: cafAdmin });
    expect(gone.status).toBe(404);
  });

  it('changes my password only with the current one, keeps this session and closes the others', async () => {
    await createUser(t.database, { email: 'camille@exemple.fr', password: PASSWORD });
    const here = await session('camille@exemple.fr');
    const elsewhere = await session('camille@exemple.fr');
    const wrong = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/password', headers: here, payload: { currentPassword: 'pas-le-bon', newPassword: 'Nouveau-Secret-2026!' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }]);
    const weak = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/auth/password', headers: here, payload: { currentPassword: PASSWORD, newPassword: 'court' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields?.[0]?.path).toBe('newPassword');
    const changed = await t.request<{ otherSessionsClosed: number }>({ method: 'POST', url: '/api/v1/auth/password', headers: here, payload: { currentPassword: PASSWORD, newPassword: 'Nouveau-Secret-2026!' } });
    expect(changed).toEqual({ status: 200, body: { otherSessionsClosed: 1 } });
    const meHere = await t.request<{ user: unknown }>({ method: 'GET', url: '/api/v1/auth/me', headers: here });
    const meElsewhere = await t.request<{ user: unknown }>({ method: 'GET', url: '/api/v1/auth/me', headers: elsewhere });
    expect(meHere.body.user).not.toBeNull();
    expect(meElsewhere.body.user).toBeNull();
    await expect(signIn(t, 'camille@exemple.fr', PASSWORD)).rejects.toThrow();
    expect(await signIn(t, 'camille@exemple.fr', 'Nouveau-Secret-2026!')).toHaveProperty('csrf');
    expect((await securityEvents('password_changed')).at(-1)).toEqual({ actor: 'camille@exemple.fr', details: { otherSessionsClosed: 1 } });
    expect((await t.request({ anonymous: true, method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'x', newPassword: 'Nouveau-Secret-2026!' } })).status).toBe(401);
  });
});
