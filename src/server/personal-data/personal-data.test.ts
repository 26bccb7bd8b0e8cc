import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ErrorResponse } from '../../shared/api/common.js';
import type { PersonalData, PersonalDataErasure } from '../../shared/api/personal-data.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';

const PASSWORD = 'Donnees-Personnelles-92!';

describe.each(ENGINES)('personal data: inventory, export, erasure (%s)', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let cafId: number;
  let dorinId: number;
  let dorinAccountId: number;

  const count = async (table: 'signatory' | 'mandate' | 'user_session' | 'membership', where: [string, number]) =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(where[0] as never, '=', where[1] as never).executeTakeFirst())?.n ?? 0);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = await t.request<{ id: number; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    cafId = orgs.body.find((o) => o.kind === 'caf')!.id;
    dorinId = (await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/persons?q=dorin' })).body[0]!.id;
    await createUser(t.database, { email: 'dpo@exemple.fr', password: PASSWORD, admin: true });
    dorinAccountId = await createUser(t.database, { email: 'f.dorin@caf92.exemple', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_admin' }] });
    await t.database.db.updateTable('app_user').set({ person_id: dorinId }).where('id', '=', dorinAccountId).execute();
    const s = await signIn(t, 'dpo@exemple.fr', PASSWORD);
    admin = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const dorin = await signIn(t, 'f.dorin@caf92.exemple', PASSWORD);
    // A write signed with his name, so that the history holds it.
    await t.request({ method: 'POST', url: '/api/v1/persons', headers: { cookie: dorin.cookie, 'x-csrf-token': dorin.csrf }, payload: { firstName: 'Alex', lastName: 'Témoin' } });
  });
  afterAll(async () => t.close());

  it('lists what is stored about a person and their account, reached from either id', async () => {
    const byPerson = await t.request<PersonalData>({ method: 'GET', url: `/api/v1/personal-data?personId=${dorinId}`, headers: admin });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.person).toMatchObject({ firstName: 'Fabrice', lastName: 'Dorin', erasedAt: null });
    expect(byPerson.body.person!.signatures.length).toBeGreaterThan(0);
    expect(byPerson.body.person!.signatures[0]!.capacity).toMatch(/président/);
    expect(byPerson.body.account).toMatchObject({ id: dorinAccountId, email: 'f.dorin@caf92.exemple', hasPassword: true, memberships: [{ role: 'caf_admin' }] });
    expect(byPerson.body.account!.sessions).toHaveLength(1);
    expect(byPerson.body.account!.securityEvents.map((e) => e.event)).toContain('login');
    expect(byPerson.body.account!.changesAuthored).toBe(1);
    const byAccount = await t.request<PersonalData>({ method: 'GET', url: `/api/v1/personal-data?userId=${dorinAccountId}`, headers: admin });
    expect(byAccount.body.person?.id).toBe(dorinId);
  });

  it('exports them as a JSON file, and the export is logged', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/personal-data/export.json?userId=${dorinAccountId}`, headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="donnees-personnelles-compte-${dorinAccountId}.json"`);
    const data = JSON.parse(response.body) as PersonalData;
    expect(data.account?.email).toBe('f.dorin@caf92.exemple');
    const logged = await t.database.db.selectFrom('security_event').select(['actor', 'details_json']).where('event', '=', 'data_export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(logged.actor).toBe('dpo <dpo@exemple.fr>');
    expect(JSON.parse(logged.details_json!)).toMatchObject({ path: '/api/v1/personal-data/export.json' });
  });

  it('refuses other callers and bad requests without changing anything', async () => {
    const before = await snapshotCounts(t.database);
    const cafAdmin = await signIn(t, 'f.dorin@caf92.exemple', PASSWORD);
    const refused = await t.request({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: { cookie: cafAdmin.cookie, 'x-csrf-token': cafAdmin.csrf }, payload: { personId: dorinId } });
    expect(refused.status).toBe(403);
    const empty = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields?.[0]).toMatchObject({ path: 'userId', message: 'Indiquez un compte (userId) ou une personne (personId).' });
    expect((await t.request({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: { personId: 999999 } })).status).toBe(404);
    const self = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'dpo@exemple.fr').executeTakeFirstOrThrow();
    expect((await t.request({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: { userId: self.id } })).status).toBe(422);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('erases the account and the person but keeps the signatures, with his name and the erasure noted', async () => {
    const signatories = await count('signatory', ['person_id', dorinId]);
    const erased = await t.request<PersonalDataErasure>({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: { personId: dorinId } });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ accountErased: true, person: 'conserve_pour_les_signatures', signaturesKept: signatories });

    expect(await count('signatory', ['person_id', dorinId])).toBe(signatories);
    expect(await count('mandate', ['person_id', dorinId])).toBe(0);
    expect(await count('user_session', ['user_id', dorinAccountId])).toBe(0);
    expect(await count('membership', ['user_id', dorinAccountId])).toBe(0);
    const account = await t.database.db.selectFrom('app_user').selectAll().where('id', '=', dorinAccountId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: `efface-${dorinAccountId}@efface.invalid`, display_name: 'Compte effacé', password_hash: null, status: 'erased', person_id: null });
    const leftovers = await t.database.db.selectFrom('security_event').select('id').where('actor', 'like', '%dorin%').execute();
    expect(leftovers).toEqual([]);
    const history = await t.database.db.selectFrom('audit_event').select(['actor', 'after_json']).where('entity_type', '=', 'person').where('entity_id', '=', String(dorinId)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(history.actor).toBe('dpo <dpo@exemple.fr>');
    expect(JSON.parse(history.after_json!)).toMatchObject({ signaturesKept: signatories });
    expect(history.after_json).not.toMatch(/Dorin|Fabrice/);

    const after = await t.request<PersonalData>({ method: 'GET', url: `/api/v1/personal-data?personId=${dorinId}`, headers: admin });
    expect(after.body.person).toMatchObject({ lastName: 'Dorin', mandates: [] });
    expect(after.body.person!.erasedAt).not.toBeNull();
    const conventionId = after.body.person!.signatures[0]!.conventionId;
    const convention = await t.request<ConventionDetail>({ anonymous: true, method: 'GET', url: `/api/v1/conventions/${conventionId}` });
    expect(JSON.stringify(convention.body.signatureEvents)).toContain('Dorin');
    expect((await t.request({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: { personId: dorinId } })).status).toBe(422);
    await expect(signIn(t, 'f.dorin@caf92.exemple', PASSWORD)).rejects.toThrow();
  });

  it('deletes a person who signed nothing', async () => {
    const person = await t.request<{ id: number }>({ method: 'POST', url: '/api/v1/persons', headers: admin, payload: { firstName: 'Zoé', lastName: 'Sans-Signature', mandates: [{ organisationId: cafId, capacity: 'chargée de mission' }] } });
    const erased = await t.request<PersonalDataErasure>({ method: 'POST', url: '/api/v1/personal-data/erasure', headers: admin, payload: { personId: person.body.id } });
    expect(erased.body).toMatchObject({ accountErased: false, person: 'supprimee', signaturesKept: 0 });
    expect((await t.request({ method: 'GET', url: `/api/v1/persons/${person.body.id}`, headers: admin })).status).toBe(404);
  });
});
