import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { Action, ConventionDetail, ConventionSummary, ErrorResponse, HistoryPage, Indicator, MyFollowUp, Page, PilotCandidates, Review } from '../../shared/api/index.js';

const PASSWORD = 'Mon-Suivi-Pilote-92!';
const today = () => new Date().toISOString().slice(0, 10);

describe.each(ENGINES)('« Mon suivi », pilot links and pilot-only editors (%s)', (engine) => {
  let t: TestApp;
  let bc: ConventionDetail;
  let bcOrg: number;
  let otherOrg: number;
  const users: Record<string, number> = {};
  let led: Action;
  let byOrg: Action;
  let unrelated: Action;
  let indicator: Indicator;
  const as = async (email: string) => {
    const { cookie, csrf } = await signIn(t, email, PASSWORD);
    return { cookie, 'x-csrf-token': csrf };
  };
  const followUpOf = async (email: string) => (await t.request<MyFollowUp>({ method: 'GET', url: '/api/v1/me/follow-up', headers: await as(email) })).body;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const orgs = (await t.request<{ id: number; name: string; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' })).body;
    bcOrg = orgs.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
    const cafId = orgs.find((o) => o.kind === 'caf')!.id;
    const list = (await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' })).body.items;
    const bcId = list.find((c) => c.territories[0]!.name === 'Bois-Colombes')!.id;
    bc = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${bcId}` })).body;
    const other = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${list.find((c) => c.id !== bcId)!.id}` })).body;
    otherOrg = other.parties.map((p) => p.organisation.id).find((id) => id !== cafId && !bc.parties.some((p) => p.organisation.id === id))!;
    users.lea = await createUser(t.database, { email: 'lea@exemple.fr', password: PASSWORD, memberships: [{ organisationId: bcOrg, role: 'partner_editor' }] });
    users.marc = await createUser(t.database, { email: 'marc@exemple.fr', password: PASSWORD, memberships: [{ organisationId: bcOrg, role: 'partner_editor' }] });
    users.caf = await createUser(t.database, { email: 'caf@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    users.ailleurs = await createUser(t.database, { email: 'ailleurs@exemple.fr', password: PASSWORD, memberships: [{ organisationId: otherOrg, role: 'partner_editor' }] });
    await t.database.db.updateTable('membership').set({ pilot_only: 1 }).where('user_id', '=', users.marc).execute();
    const create = async (payload: Record<string, unknown>) =>
      (await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${bc.id}/actions`, payload: { themes: ['jeunesse'], ...payload } })).body;
    led = await create({ title: 'Conseil municipal des jeunes', pilotUserId: users.lea, startDate: '2024-01-01', endDate: '2024-06-30', status: 'en_cours' });
    byOrg = await create({ title: 'Forum des associations familiales', pilotOrganisationId: bcOrg, status: 'en_retard', statusReason: 'Salle indisponible' });
    unrelated = await create({ title: 'Ludothèque itinérante', pilot: 'Association Jeux pour tous' });
    indicator = (
      await t.request<Indicator>({
        method: 'POST',
        url: `/api/v1/conventions/${bc.id}/indicators`,
        payload: { actionId: led.id, title: 'Jeunes élus', kind: 'resultat', unit: 'jeunes', direction: 'hausse', baselineValue: 10, baselineDate: '2023-01-01', targetValue: 30, targetDate: '2028-12-31' },
      })
    ).body;
  });
  afterAll(async () => t.close());

  it('lists what the person pilots, through their account or their organisation, with what is due', async () => {
    const mine = await followUpOf('lea@exemple.fr');
    const ids = mine.actions.map((a) => a.id);
    expect(ids).toContain(led.id);
    expect(ids).toContain(byOrg.id);
    expect(ids).not.toContain(unrelated.id);
    expect(mine.actions.every((a) => a.conventionId === bc.id)).toBe(true);
    const first = mine.actions.find((a) => a.id === led.id)!;
    expect(first.pilotedAs).toBe('compte');
    expect(first.due).toEqual({ late: false, endDatePassed: true, noRecentNote: true, indicatorsWithoutValue: [{ id: indicator.id, title: 'Jeunes élus' }] });
    const second = mine.actions.find((a) => a.id === byOrg.id)!;
    expect(second.pilotedAs).toBe('organisation');
    expect(second.due.late).toBe(true);
    expect(mine.year).toBe(Number(today().slice(0, 4)));
  });

  it('drops what has been done: a value this year, a recent note, a closed action', async () => {
    await t.request({ method: 'POST', url: `/api/v1/indicators/${indicator.id}/values`, payload: { date: today(), value: 14 } });
    await t.request({ method: 'POST', url: `/api/v1/actions/${led.id}/notes`, payload: { date: today(), author: 'Léa', body: 'Première séance tenue.' } });
    const current = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${led.id}` })).body;
    await t.request({ method: 'PATCH', url: `/api/v1/actions/${led.id}`, payload: { version: current.version, status: 'realisee', progress: 100 } });
    const first = (await followUpOf('lea@exemple.fr')).actions.find((a) => a.id === led.id)!;
    expect(first.due).toEqual({ late: false, endDatePassed: false, noRecentNote: false, indicatorsWithoutValue: [] });
    expect(first.lastNoteDate).toBe(today());
  });

  it('matches the free-text pilot on the person’s name, and shows nothing outside their conventions', async () => {
    const named = (await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${bc.id}/actions`, payload: { title: 'Café des parents', themes: ['parentalite'], pilot: 'Lea' } })).body;
    const mine = await followUpOf('lea@exemple.fr');
    expect(mine.actions.find((a) => a.id === named.id)?.pilotedAs).toBe('nom');
    const elsewhere = await followUpOf('ailleurs@exemple.fr');
    expect(elsewhere.actions.some((a) => a.conventionId === bc.id)).toBe(false);
    expect((await t.request({ anonymous: true, method: 'GET', url: '/api/v1/me/follow-up' })).status).toBe(401);
  });

  it('lists draft reviews to those who may validate them', async () => {
    const review = await t.request<Review>({ method: 'POST', url: `/api/v1/conventions/${bc.id}/reviews`, payload: { kind: 'final', year: bc.endYear, snapshotDate: today() } });
    expect(review.status).toBe(201);
    expect((await followUpOf('caf@exemple.fr')).reviews.map((r) => r.id)).toContain(review.body.id);
    expect((await followUpOf('lea@exemple.fr')).reviews).toEqual([]);
  });

  it('offers the parties’ accounts and organisations as pilots and refuses others, changing nothing', async () => {
    const candidates = (await t.request<PilotCandidates>({ method: 'GET', url: `/api/v1/conventions/${bc.id}/pilot-candidates` })).body;
    expect(candidates.users.map((u) => u.id)).toEqual(expect.arrayContaining([users.lea, users.marc, users.caf]));
    expect(candidates.users.map((u) => u.id)).not.toContain(users.ailleurs);
    expect(candidates.organisations.map((o) => o.id)).toContain(bcOrg);
    const before = await snapshotCounts(t.database);
    const badUser = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${bc.id}/actions`, payload: { title: 'Intrus', themes: ['jeunesse'], pilotUserId: users.ailleurs } });
    expect(badUser.status).toBe(422);
    expect(badUser.body.error.message).toMatch(/personne pilote/);
    const current = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${unrelated.id}` })).body;
    const badOrg = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/actions/${unrelated.id}`, payload: { version: current.version, pilotOrganisationId: otherOrg } });
    expect(badOrg.status).toBe(422);
    expect(badOrg.body.error.message).toMatch(/organisation pilote/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('lets a « pilot only » editor change the actions they pilot and nothing else', async () => {
    const current = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${unrelated.id}` })).body;
    const linked = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${unrelated.id}`, payload: { version: current.version, pilotUserId: users.marc } });
    expect(linked.body.pilotUserName).toBe('marc');
    const headers = await as('marc@exemple.fr');
    const own = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${unrelated.id}`, headers, payload: { version: linked.body.version, progress: 40 } });
    expect(own.status).toBe(200);
    const boundary = '----pilote';
    const file = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="compte-rendu.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from('Compte rendu du forum'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const stored = await t.app.inject({ method: 'POST', url: `/api/v1/actions/${byOrg.id}/documents`, payload: file, headers: { ...t.adminHeaders, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(stored.statusCode).toBe(201);
    const documentId = (stored.json() as { id: number }).id;
    const before = await snapshotCounts(t.database);
    const byOrgNow = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${byOrg.id}` })).body;
    const attempts = [
      { method: 'PATCH' as const, url: `/api/v1/actions/${byOrg.id}`, payload: { version: byOrgNow.version, progress: 90 } },
      { method: 'POST' as const, url: `/api/v1/conventions/${bc.id}/actions`, payload: { title: 'Nouvelle action', themes: ['jeunesse'] } },
      { method: 'POST' as const, url: `/api/v1/indicators/${indicator.id}/values`, payload: { date: today(), value: 20 } },
      { method: 'POST' as const, url: `/api/v1/actions/${byOrg.id}/notes`, payload: { date: today(), author: 'Marc', body: 'Note hors de mon périmètre' } },
      { method: 'DELETE' as const, url: `/api/v1/documents/${documentId}` },
    ];
    for (const attempt of attempts) {
      const response = await t.request<ErrorResponse>({ ...attempt, headers });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/pilote/);
    }
    expect(await snapshotCounts(t.database)).toEqual(before);
    // Without the restriction, the same editor changes any action of the plan.
    const lea = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${byOrg.id}`, headers: await as('lea@exemple.fr'), payload: { version: byOrgNow.version, progress: 90 } });
    expect(lea.status).toBe(200);
  });

  it('shows each person’s name in the history and filters it by person', async () => {
    const lea = await as('lea@exemple.fr');
    const caf = await as('caf@exemple.fr');
    let version = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${byOrg.id}` })).body.version;
    version = (await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${byOrg.id}`, headers: lea, payload: { version, scope: 'Quartier des Bruyères' } })).body.version;
    const byCaf = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${byOrg.id}`, headers: caf, payload: { version, priority: 'haute' } });
    expect(byCaf.status).toBe(200);
    const history = (await t.request<HistoryPage>({ method: 'GET', url: `/api/v1/actions/${byOrg.id}/history`, headers: caf })).body;
    expect(history.actors).toEqual(expect.arrayContaining(['lea <lea@exemple.fr>', 'caf <caf@exemple.fr>']));
    const onlyLea = (await t.request<HistoryPage>({ method: 'GET', url: `/api/v1/actions/${byOrg.id}/history?actor=${encodeURIComponent('lea <lea@exemple.fr>')}`, headers: caf })).body;
    expect(onlyLea.events.length).toBeGreaterThanOrEqual(1);
    expect(onlyLea.events.every((e) => e.actor === 'lea <lea@exemple.fr>')).toBe(true);
    expect(onlyLea.events.some((e) => e.changes.some((c) => c.field === 'scope' && c.after === 'Quartier des Bruyères'))).toBe(true);
    expect(onlyLea.events.some((e) => e.changes.some((c) => c.field === 'priority'))).toBe(false);
  });
});
