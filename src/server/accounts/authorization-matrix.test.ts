import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import { MATRIX, ROLE_NAMES, textFile, type Fixture, type MatrixRequest, type RoleName, type Target } from '../../../test/authorization-matrix.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { Role } from '../../shared/api/accounts.js';

const PASSWORD = 'Matrice-Des-Droits-92!';
const TARGETS: Target[] = ['own', 'other'];

/** Every API route of the OpenAPI document, as "METHOD /path". */
async function apiRoutes(t: TestApp): Promise<string[]> {
  const doc = (await t.request<{ paths: Record<string, Record<string, unknown>> }>({ method: 'GET', url: '/api/v1/openapi.json' })).body;
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}

describe.each(ENGINES)('authorization matrix (%s)', (engine) => {
  let t: TestApp;
  let fixture: Fixture;
  const sessions = new Map<RoleName, Record<string, string>>();
  const emails: Record<Exclude<RoleName, 'anonymous'>, string> = {
    platform_admin: 'plateforme@exemple.fr',
    caf_admin: 'caf-admin@exemple.fr',
    caf_agent: 'caf-agent@exemple.fr',
    partner_editor: 'bc-editeur@exemple.fr',
    partner_reader: 'bc-lecteur@exemple.fr',
  };

  const headersOf = async (role: RoleName, fresh: boolean): Promise<Record<string, string>> => {
    if (role === 'anonymous') return {};
    if (!fresh && sessions.has(role)) return sessions.get(role)!;
    const { cookie, csrf } = await signIn(t, emails[role], PASSWORD);
    const headers = { cookie, 'x-csrf-token': csrf };
    if (!fresh) sessions.set(role, headers);
    return headers;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const get = async <T>(url: string) => (await t.request<T>({ method: 'GET', url })).body;
    const post = async <T>(url: string, payload: object) => (await t.request<T>({ method: 'POST', url, payload })).body;
    const orgs = await get<{ id: number; name: string; kind: string }[]>('/api/v1/organisations?limit=200');
    const cafId = orgs.find((o) => o.kind === 'caf')!.id;
    const otherCaf = await post<{ id: number }>('/api/v1/organisations', { kind: 'caf', name: 'Caf voisine', departementCode: '92' });
    const other = await post<ConventionDetail>('/api/v1/conventions', { title: 'CTG d’Antony', cafId: otherCaf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] });
    await post(`/api/v1/conventions/${other.id}/signature-events`, { date: '2026-01-10' });
    await post(`/api/v1/conventions/${other.id}/axes`, { title: 'Axe de la voisine' });
    await post(`/api/v1/conventions/${other.id}/actions`, { title: 'Action de la voisine', themes: ['enfance'] });
    const own = (await get<{ items: { id: number; territories: { code: string }[] }[] }>('/api/v1/conventions?territory=92009')).items[0]!;
    await post(`/api/v1/conventions/${own.id}/axes`, { title: 'Axe de Bois-Colombes' });
    const ownDetail = await get<ConventionDetail>(`/api/v1/conventions/${own.id}`);
    const otherDetail = await get<ConventionDetail>(`/api/v1/conventions/${other.id}`);
    const conventions = { own: ownDetail, other: otherDetail };
    const partnerOrg = { own: ownDetail.parties[1]!.organisation.id, other: otherDetail.parties[1]!.organisation.id };
    const cafs = { own: cafId, other: otherCaf.id };
    const person = (await get<{ id: number }[]>('/api/v1/persons?q=dorin'))[0]!.id;

    const roles: [Exclude<RoleName, 'anonymous'>, { admin?: boolean; memberships: { organisationId: number; role: Role }[] }][] = [
      ['platform_admin', { admin: true, memberships: [] }],
      ['caf_admin', { memberships: [{ organisationId: cafId, role: 'caf_admin' }] }],
      ['caf_agent', { memberships: [{ organisationId: cafId, role: 'caf_agent' }] }],
      ['partner_editor', { memberships: [{ organisationId: partnerOrg.own, role: 'partner_editor' }] }],
      ['partner_reader', { memberships: [{ organisationId: partnerOrg.own, role: 'partner_reader' }] }],
    ];
    for (const [role, options] of roles) await createUser(t.database, { email: emails[role], password: PASSWORD, ...options });

    for (const [code, value] of [['places_eaje', 300], ['enfants_moins_3', 1000]] as const) {
      await post('/api/v1/diagnostics/imports', { series: { code, label: code, unit: 'nombre' }, layout: 'generique', csv: `territoire;date;valeur\n92009;2022-12-31;${value}\n` });
    }
    const followUp = { own: {} as Record<string, number>, other: {} as Record<string, number> };
    const upload = async (actionId: number) => {
      const file = textFile('Compte rendu');
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/actions/${actionId}/documents`, payload: file.body, headers: { ...t.adminHeaders, 'content-type': file.contentType } });
      return (response.json() as { id: number }).id;
    };
    for (const target of TARGETS) {
      const conventionId = target === 'own' ? own.id : other.id;
      const actionId = (await get<ConventionDetail>(`/api/v1/conventions/${conventionId}`)).actions[0]!.id;
      const indicator = await post<{ id: number }>(`/api/v1/conventions/${conventionId}/indicators`, {
        title: 'Familles accompagnées', kind: 'resultat', unit: 'familles', direction: 'hausse', baselineValue: 10, baselineDate: '2023-01-01', targetValue: 50, targetDate: '2027-12-31', actionId,
      });
      followUp[target].indicator = indicator.id;
      followUp[target].review = (await post<{ id: number }>(`/api/v1/conventions/${conventionId}/reviews`, { kind: 'final', year: 2027, snapshotDate: '2026-06-30' })).id;
      followUp[target].planVersion = (await post<{ id: number }>(`/api/v1/conventions/${conventionId}/plan-versions`, { label: 'Plan initial' })).id;
      followUp[target].amendment = (await post<{ id: number }>(`/api/v1/conventions/${conventionId}/amendments`, { title: 'Avenant n°1', date: '2024-06-01', signedBy: ['Caf'] })).id;
      followUp[target].document = await upload(actionId);
      followUp[target].action = actionId;
      followUp[target].body = (await post<{ id: number }>(`/api/v1/conventions/${conventionId}/bodies`, { kind: 'copil', name: 'COPIL', frequency: 'annuelle' })).id;
      followUp[target].meeting = (await post<{ id: number }>(`/api/v1/conventions/${conventionId}/meetings`, { bodyId: followUp[target].body, startsAt: '2026-12-01T10:00', place: 'Mairie' })).id;
      followUp[target].decision = (await post<{ id: number }>(`/api/v1/meetings/${followUp[target].meeting}/decisions`, { kind: 'note', text: 'Décision de test' })).id;
    }
    const draftNews = await post<{ id: number }>('/api/v1/news', { from: '2023-03-01', to: '2023-03-31' });
    const published = await post<{ id: number; version: number; slug: string }>('/api/v1/news', { from: '2023-03-01', to: '2023-03-31' });
    await post(`/api/v1/news/${published.id}/status`, { version: published.version, status: 'publie' });
    let counter = 0;
    let year = 2030;
    const reviewYears = { own: [2023, 2024, 2025, 2026, 2027], other: [2026, 2027, 2028, 2029, 2030] };
    const detail = async (target: Target) => get<ConventionDetail>(`/api/v1/conventions/${conventions[target].id}`);
    fixture = {
      conventionId: (target) => conventions[target].id,
      organisationId: (target) => partnerOrg[target],
      cafId: (target) => cafs[target],
      personId: () => person,
      unique: () => `m${Date.now().toString(36)}${(counter++).toString(36)}`,
      nextYear: () => year++,
      newsId: () => draftNews.id,
      indicatorId: (target) => followUp[target].indicator!,
      reviewId: (target) => followUp[target].review!,
      amendmentId: (target) => followUp[target].amendment!,
      planVersionId: (target) => followUp[target].planVersion!,
      documentId: (target) => followUp[target].document!,
      newIndicatorValueId: async (target) => {
        const date = `${year++}-01-31`;
        const indicator = await post<{ values: { id: number; date: string }[] }>(`/api/v1/indicators/${followUp[target].indicator}/values`, { date, value: 3 });
        return indicator.values.find((v) => v.date === date)!.id;
      },
      newIndicator: async (target) =>
        post<{ id: number; version: number }>(`/api/v1/conventions/${conventions[target].id}/indicators`, {
          title: 'Indicateur à supprimer', kind: 'moyens', unit: 'réunions', direction: 'hausse', baselineValue: 0, baselineDate: '2023-01-01', targetValue: 4, targetDate: '2027-12-31', actionId: followUp[target].action!,
        }),
      actionOf: (target) => followUp[target].action!,
      bodyId: (target) => followUp[target].body!,
      meetingId: (target) => followUp[target].meeting!,
      decisionId: (target) => followUp[target].decision!,
      newDecisionId: async (target) => (await post<{ id: number }>(`/api/v1/meetings/${followUp[target].meeting}/decisions`, { kind: 'note', text: 'À retirer' })).id,
      reviewYear: (target) => reviewYears[target].shift()!,
      newDocumentId: async (target) => upload(followUp[target].action!),
      publishedSlug: () => published.slug,
      newCoverageTarget: async (target) => post<{ id: number; version: number }>('/api/v1/coverage/targets', { cafId: cafs[target], year: year++, rate: 0.4 }),
      firstActionId: async (target) => (await detail(target)).actions[0]!.id,
      firstPartyId: async (target) => (await detail(target)).parties[0]!.id,
      firstSignatureEventId: async (target) => (await detail(target)).signatureEvents[0]!.id,
      firstAxisId: async (target) => (await detail(target)).axes[0]!.id,
      newMemberUser: async (target) => {
        const userId = await createUser(t.database, { email: `${fixture.unique()}@membre.exemple`, password: PASSWORD, memberships: [{ organisationId: partnerOrg[target], role: 'partner_reader' }] });
        return { userId, organisationId: partnerOrg[target] };
      },
      newWebhook: async (target) =>
        (await post<{ webhook: { id: number; version: number } }>('/api/v1/webhooks', { url: 'https://recepteur.exemple/crochet', events: ['action.status_changed'], cafId: cafs[target] })).webhook,
      newPersonId: async () => (await post<{ id: number }>('/api/v1/persons', { firstName: 'Personne', lastName: fixture.unique() })).id,
      newTokenId: async (target) => (await post<{ id: number }>('/api/v1/api-tokens', { name: 'À révoquer', organisationId: cafs[target], scope: 'read' })).id,
      version: async (path) => {
        const [url, part] = path.split('#') as [string, string | undefined];
        if (url === '/api/v1/themes') return (await get<{ code: string; version: number }[]>(url)).find((x) => x.code === part)!.version;
        const body = await get<ConventionDetail & { version: number }>(url);
        if (part === 'party') return body.parties[0]!.version;
        if (part === 'event') return body.signatureEvents[0]!.version;
        if (part === 'axis') return (await get<{ version: number }[]>(`${url}/axes`))[0]!.version;
        if (part === 'amendment') return (await get<{ version: number }[]>(`${url}/amendments`))[0]!.version;
        return body.version;
      },
    };
  });
  afterAll(async () => t.close());

  it('has an entry for every API route, and no entry for a route that does not exist', async () => {
    const routes = await apiRoutes(t);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers each route × role × territory with the expected status', async () => {
    const mismatches: string[] = [];
    let address = 1;
    for (const [route, entry] of Object.entries(MATRIX)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
      for (const role of ROLE_NAMES) {
        for (const target of TARGETS) {
          const request = await entry.request(fixture, target);
          const headers = await headersOf(role, Boolean(request.freshSession));
          // Each call from its own address, so the sign-in rate limit does not blur the matrix.
          const body = request.raw ? { payload: request.raw.body, headers: { ...headers, 'content-type': request.raw.contentType } } : { payload: request.payload as object, headers };
          const response = await t.app.inject({ method, url: request.url, ...body, remoteAddress: `10.9.${address >> 8}.${address++ & 255}` });
          // Ending sessions (logout everywhere) also ends the cached one: sign in again next time.
          if (request.freshSession) sessions.delete(role);
          const expected = entry.expect[role][target];
          if (response.statusCode !== expected) mismatches.push(`${route} ${role}/${target}: ${response.statusCode} au lieu de ${expected} (${response.body.slice(0, 120)})`);
        }
      }
      expect(path).toMatch(/^\/api\/v1\//);
    }
    expect(mismatches).toEqual([]);
  }, 300_000); // every route × 6 roles × 2 territories: a few hundred real requests

  /** The request with its version made stale, or null when it carries none. */
  function staled(request: MatrixRequest): MatrixRequest | null {
    const payload = request.payload as { version?: unknown } | undefined;
    if (payload && typeof payload.version === 'number') return { ...request, payload: { ...payload, version: payload.version + 1000 } };
    if (/[?&]version=\d+/.test(request.url)) return { ...request, url: request.url.replace(/([?&]version=)(\d+)/, (_m, key: string, v: string) => `${key}${Number(v) + 1000}`) };
    return null;
  }

  it('checks rights before versions: a stale version gives a caller without the right the same refusal, never the current object', async () => {
    const leaks: string[] = [];
    let address = 1;
    for (const [route, entry] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
      for (const role of ROLE_NAMES) {
        for (const target of TARGETS) {
          const expected = entry.expect[role][target];
          if (![401, 403, 404].includes(expected)) continue;
          const request = staled(await entry.request(fixture, target));
          if (!request) continue;
          const headers = await headersOf(role, Boolean(request.freshSession));
          const response = await t.app.inject({ method, url: request.url, payload: request.payload as object, headers, remoteAddress: `10.8.${address >> 8}.${address++ & 255}` });
          if (request.freshSession) sessions.delete(role);
          if (response.statusCode !== expected) leaks.push(`${route} ${role}/${target}: ${response.statusCode} au lieu de ${expected} (${response.body.slice(0, 80)})`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 300_000);
});
