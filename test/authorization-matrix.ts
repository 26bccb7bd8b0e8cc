/**
 * The authorization matrix: for every API route, what each role gets on its own territory's convention
 * and on another Caf's. The test walks every route of the OpenAPI document; a route missing here fails it.
 */
export const ROLE_NAMES = ['anonymous', 'platform_admin', 'caf_admin', 'caf_agent', 'partner_editor', 'partner_reader'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
export type Target = 'own' | 'other';

/** What a fixture offers to build requests: ids of the two conventions, and helpers reading current state. */
export interface Fixture {
  conventionId(target: Target): number;
  organisationId(target: Target): number;
  cafId(target: Target): number;
  version(path: string): Promise<number>;
  firstActionId(target: Target): Promise<number>;
  firstPartyId(target: Target): Promise<number>;
  firstSignatureEventId(target: Target): Promise<number>;
  firstAxisId(target: Target): Promise<number>;
  personId(): number;
  newTokenId(target: Target): Promise<number>;
  /** A coverage target of the target's Caf, created for the request. */
  newCoverageTarget(target: Target): Promise<{ id: number; version: number }>;
  nextYear(): number;
  /** A draft article, and the slug of a published one. */
  newsId(): number;
  publishedSlug(): string;
  /** Follow-up objects of each convention, made in the setup; `new…` ones are made for the request. */
  indicatorId(target: Target): number;
  reviewId(target: Target): number;
  amendmentId(target: Target): number;
  planVersionId(target: Target): number;
  documentId(target: Target): number;
  newIndicatorValueId(target: Target): Promise<number>;
  /** An indicator made for the request (to delete it). */
  newIndicator(target: Target): Promise<{ id: number; version: number }>;
  actionOf(target: Target): number;
  /** Governance objects of each convention, made in the setup (a COPIL, one meeting, one decision). */
  bodyId(target: Target): number;
  meetingId(target: Target): number;
  decisionId(target: Target): number;
  newDecisionId(target: Target): Promise<number>;
  /** A year inside the convention's period with no annual review yet. */
  reviewYear(target: Target): number;
  newDocumentId(target: Target): Promise<number>;
  unique(): string;
  /** A new account with a partner_reader membership in the target's partner organisation. */
  newMemberUser(target: Target): Promise<{ userId: number; organisationId: number }>;
  /** A new person (no signature), made for the request. */
  newPersonId(): Promise<number>;
  /** A webhook of the target's Caf, made for the request. */
  newWebhook(target: Target): Promise<{ id: number; version: number }>;
}

const BOUNDARY = '----matrice';
export const textFile = (text: string) => ({
  body: Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]),
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
});

export interface MatrixRequest {
  url: string;
  payload?: unknown;
  /** A body sent as is (multipart uploads). */
  raw?: { body: Buffer; contentType: string };
  /** Use a session of its own (for requests that end sessions). */
  freshSession?: boolean;
}

export type Expectation = Record<RoleName, { own: number; other: number }>;

const same = (status: number) => ({ own: status, other: status });
const all = (status: number): Expectation => Object.fromEntries(ROLE_NAMES.map((r) => [r, same(status)])) as Expectation;

/** Reads of one convention: the public sees signed ones (own is signed, other is a draft). */
const conventionRead: Expectation = {
  anonymous: { own: 200, other: 404 },
  platform_admin: same(200),
  caf_admin: { own: 200, other: 403 },
  caf_agent: { own: 200, other: 403 },
  partner_editor: { own: 200, other: 403 },
  partner_reader: { own: 200, other: 403 },
};
const conventionEdit = (ok: number): Expectation => ({
  anonymous: same(401),
  platform_admin: same(ok),
  caf_admin: { own: ok, other: 403 },
  caf_agent: { own: ok, other: 403 },
  partner_editor: same(403),
  partner_reader: same(403),
});
const planEdit = (ok: number): Expectation => ({ ...conventionEdit(ok), partner_editor: { own: ok, other: 403 } });
const cafReferenceWrite: Expectation = {
  anonymous: same(401),
  platform_admin: same(201),
  caf_admin: same(201),
  caf_agent: same(201),
  partner_editor: same(403),
  partner_reader: same(403),
};
const signedIn = (status: number): Expectation => ({ ...all(status), anonymous: same(401) });
const adminsOnly = (ok: number): Expectation => ({
  anonymous: same(401),
  platform_admin: same(ok),
  caf_admin: { own: ok, other: 403 },
  caf_agent: same(403),
  partner_editor: same(403),
  partner_reader: same(403),
});

export interface MatrixEntry {
  request(f: Fixture, target: Target): Promise<MatrixRequest> | MatrixRequest;
  expect: Expectation;
}

const c = (f: Fixture, t: Target) => f.conventionId(t);
/** Internal follow-up data (notes, documents, indicators, reviews…): like a read, but never public. */
const internalRead = (ok = 200): Expectation => ({
  anonymous: same(401),
  platform_admin: same(ok),
  caf_admin: { own: ok, other: 403 },
  caf_agent: { own: ok, other: 403 },
  partner_editor: { own: ok, other: 403 },
  partner_reader: { own: ok, other: 403 },
});
/** The newsroom: Caf staff and platform administrators. */
const cafStaff = (ok: number): Expectation => ({ ...signedIn(ok), partner_editor: same(403), partner_reader: same(403) });
const MARCH_2023 = { from: '2023-03-01', to: '2023-03-31' };
const BOGUS_TOKEN = 'x'.repeat(43);

export const MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/health': { request: () => ({ url: '/api/v1/health' }), expect: all(200) },
  'GET /api/v1/config': { request: () => ({ url: '/api/v1/config' }), expect: all(200) },
  'GET /api/v1/territories': { request: () => ({ url: '/api/v1/territories?q=issy' }), expect: all(200) },
  'GET /api/v1/territories/{code}': { request: () => ({ url: '/api/v1/territories/92040' }), expect: all(200) },
  'GET /api/v1/themes': { request: () => ({ url: '/api/v1/themes' }), expect: all(200) },
  'POST /api/v1/themes': {
    request: (f, t) => ({ url: '/api/v1/themes', payload: { code: `theme_${f.unique()}`, label: 'Champ local', cafId: f.cafId(t) } }),
    expect: adminsOnly(201),
  },
  'PATCH /api/v1/themes/{code}': {
    request: async (f) => ({ url: '/api/v1/themes/mobilite', payload: { version: await f.version('/api/v1/themes#mobilite') } }),
    expect: { ...adminsOnly(200), caf_admin: same(403) },
  },
  'GET /api/v1/organisations': { request: () => ({ url: '/api/v1/organisations' }), expect: all(200) },
  'GET /api/v1/organisations/{id}': { request: (f, t) => ({ url: `/api/v1/organisations/${f.organisationId(t)}` }), expect: all(200) },
  'POST /api/v1/organisations': { request: (f) => ({ url: '/api/v1/organisations', payload: { kind: 'association', name: `Association ${f.unique()}` } }), expect: cafReferenceWrite },
  'GET /api/v1/persons': { request: () => ({ url: '/api/v1/persons' }), expect: signedIn(200) },
  'GET /api/v1/persons/{id}': { request: (f) => ({ url: `/api/v1/persons/${f.personId()}` }), expect: signedIn(200) },
  'POST /api/v1/persons': { request: (f) => ({ url: '/api/v1/persons', payload: { firstName: 'Alex', lastName: f.unique() } }), expect: cafReferenceWrite },
  'GET /api/v1/conventions': { request: () => ({ url: '/api/v1/conventions' }), expect: all(200) },
  'GET /api/v1/conventions/{id}': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}` }), expect: conventionRead },
  'POST /api/v1/conventions': {
    request: (f, t) => ({ url: '/api/v1/conventions', payload: { title: `CTG ${f.unique()}`, cafId: f.cafId(t), startYear: 2026, endYear: 2030, territoryCodes: ['92048'] } }),
    expect: conventionEdit(201),
  },
  'PATCH /api/v1/conventions/{id}': {
    request: async (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}`) } }),
    expect: conventionEdit(200),
  },
  'POST /api/v1/conventions/{id}/status': {
    // A move the lifecycle refuses: allowed callers get 422, the others are stopped before.
    request: async (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/status`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}`), status: 'en_preparation' } }),
    expect: conventionEdit(422),
  },
  'GET /api/v1/conventions/{id}/parties': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/parties` }), expect: conventionRead },
  'POST /api/v1/conventions/{id}/parties': {
    request: async (f, t) => {
      return { url: `/api/v1/conventions/${c(f, t)}/parties`, payload: { organisationId: f.organisationId(t) } };
    },
    // The organisation is already party: allowed callers get 409.
    expect: conventionEdit(409),
  },
  'PATCH /api/v1/parties/{id}': {
    request: async (f, t) => {
      const id = await f.firstPartyId(t);
      return { url: `/api/v1/parties/${id}`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}#party`) } };
    },
    expect: conventionEdit(200),
  },
  'GET /api/v1/conventions/{id}/signature-events': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/signature-events` }), expect: conventionRead },
  'POST /api/v1/conventions/{id}/signature-events': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/signature-events`, payload: { date: '2024-01-15', place: 'Mairie' } }),
    expect: conventionEdit(201),
  },
  'GET /api/v1/signature-events/{id}': { request: async (f, t) => ({ url: `/api/v1/signature-events/${await f.firstSignatureEventId(t)}` }), expect: conventionRead },
  'PATCH /api/v1/signature-events/{id}': {
    request: async (f, t) => ({ url: `/api/v1/signature-events/${await f.firstSignatureEventId(t)}`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}#event`) } }),
    expect: conventionEdit(200),
  },
  'GET /api/v1/conventions/{id}/axes': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/axes` }), expect: conventionRead },
  'POST /api/v1/conventions/{id}/axes': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/axes`, payload: { title: `Axe ${f.unique()}` } }), expect: planEdit(201) },
  'PATCH /api/v1/axes/{id}': {
    request: async (f, t) => ({ url: `/api/v1/axes/${await f.firstAxisId(t)}`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}#axis`) } }),
    expect: planEdit(200),
  },
  'GET /api/v1/actions': { request: () => ({ url: '/api/v1/actions' }), expect: all(200) },
  'GET /api/v1/actions/{id}': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}` }), expect: conventionRead },
  'POST /api/v1/conventions/{id}/actions': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/actions`, payload: { title: `Action ${f.unique()}`, themes: ['jeunesse'] } }),
    expect: planEdit(201),
  },
  'PATCH /api/v1/actions/{id}': {
    request: async (f, t) => {
      const id = await f.firstActionId(t);
      return { url: `/api/v1/actions/${id}`, payload: { version: await f.version(`/api/v1/actions/${id}`) } };
    },
    expect: planEdit(200),
  },
  'GET /api/v1/coverage': { request: () => ({ url: '/api/v1/coverage?departement=92&date=2023-12-31' }), expect: all(200) },
  'GET /api/v1/coverage/departements': { request: () => ({ url: '/api/v1/coverage/departements?date=2023-12-31' }), expect: all(200) },
  'GET /api/v1/coverage/regions': { request: () => ({ url: '/api/v1/coverage/regions?date=2023-12-31' }), expect: all(200) },
  'GET /api/v1/coverage/timeline': { request: () => ({ url: '/api/v1/coverage/timeline?departement=92' }), expect: all(200) },
  'GET /api/v1/coverage/targets': { request: (f, t) => ({ url: `/api/v1/coverage/targets?caf=${f.cafId(t)}` }), expect: all(200) },
  'POST /api/v1/coverage/targets': {
    request: (f, t) => ({ url: '/api/v1/coverage/targets', payload: { cafId: f.cafId(t), year: f.nextYear(), rate: 0.5 } }),
    expect: adminsOnly(201),
  },
  'PATCH /api/v1/coverage/targets/{id}': {
    request: async (f, t) => {
      const target = await f.newCoverageTarget(t);
      return { url: `/api/v1/coverage/targets/${target.id}`, payload: { version: target.version, rate: 0.6 } };
    },
    expect: adminsOnly(200),
  },
  'DELETE /api/v1/coverage/targets/{id}': {
    request: async (f, t) => {
      const target = await f.newCoverageTarget(t);
      return { url: `/api/v1/coverage/targets/${target.id}?version=${target.version}` };
    },
    expect: adminsOnly(204),
  },
  'GET /api/v1/themes-matrix': { request: () => ({ url: '/api/v1/themes-matrix?departement=92' }), expect: all(200) },
  'GET /api/v1/actions/{id}/similar': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/similar` }), expect: conventionRead },
  'GET /api/v1/themes-matrix/actions': { request: () => ({ url: '/api/v1/themes-matrix/actions?departement=92&theme=handicap' }), expect: all(200) },
  'GET /api/v1/renewals': { request: () => ({ url: '/api/v1/renewals?departement=92' }), expect: all(200) },
  'GET /api/v1/diagnostics/series': { request: () => ({ url: '/api/v1/diagnostics/series' }), expect: all(200) },
  'POST /api/v1/diagnostics/imports': {
    request: (f) => ({
      url: '/api/v1/diagnostics/imports',
      payload: { series: { code: `serie_${f.unique()}`.toLowerCase(), label: 'Places', unit: 'places' }, layout: 'generique', csv: 'territoire;date;valeur\n92009;2022-12-31;120\n' },
    }),
    expect: cafReferenceWrite,
  },
  'GET /api/v1/diagnostics/series/{code}/compare': { request: () => ({ url: '/api/v1/diagnostics/series/places_eaje/compare?territory=92009' }), expect: all(200) },
  'GET /api/v1/diagnostics/childcare-coverage': {
    request: () => ({ url: '/api/v1/diagnostics/childcare-coverage?territory=92009&capacitySeries=places_eaje&childrenSeries=enfants_moins_3' }),
    expect: all(200),
  },
  'POST /api/v1/news/draft': { request: () => ({ url: '/api/v1/news/draft', payload: MARCH_2023 }), expect: cafStaff(200) },
  'GET /api/v1/news/signature-events': { request: () => ({ url: '/api/v1/news/signature-events' }), expect: cafStaff(200) },
  'POST /api/v1/news/render': { request: () => ({ url: '/api/v1/news/render', payload: { body: '# Titre' } }), expect: cafStaff(200) },
  'GET /api/v1/news': { request: () => ({ url: '/api/v1/news' }), expect: cafStaff(200) },
  'POST /api/v1/news': { request: () => ({ url: '/api/v1/news', payload: MARCH_2023 }), expect: cafStaff(201) },
  'GET /api/v1/news/{id}': { request: (f) => ({ url: `/api/v1/news/${f.newsId()}` }), expect: cafStaff(200) },
  'PATCH /api/v1/news/{id}': {
    request: async (f) => ({ url: `/api/v1/news/${f.newsId()}`, payload: { version: await f.version(`/api/v1/news/${f.newsId()}`) } }),
    expect: cafStaff(200),
  },
  'POST /api/v1/news/{id}/regenerate': {
    request: async (f) => ({ url: `/api/v1/news/${f.newsId()}/regenerate`, payload: { version: await f.version(`/api/v1/news/${f.newsId()}`), overwrite: true } }),
    expect: cafStaff(200),
  },
  'POST /api/v1/news/{id}/status': {
    // A move the workflow refuses (draft to draft): allowed callers get 422.
    request: async (f) => ({ url: `/api/v1/news/${f.newsId()}/status`, payload: { version: await f.version(`/api/v1/news/${f.newsId()}`), status: 'brouillon' } }),
    expect: cafStaff(422),
  },
  'GET /api/v1/news/{id}/export.html': { request: (f) => ({ url: `/api/v1/news/${f.newsId()}/export.html` }), expect: cafStaff(200) },
  'GET /api/v1/news/{id}/export.docx': { request: (f) => ({ url: `/api/v1/news/${f.newsId()}/export.docx` }), expect: cafStaff(200) },
  'GET /api/v1/public/news': { request: () => ({ url: '/api/v1/public/news' }), expect: all(200) },
  'GET /api/v1/public/news.atom': { request: () => ({ url: '/api/v1/public/news.atom' }), expect: all(200) },
  'GET /api/v1/public/news/{slug}': { request: (f) => ({ url: `/api/v1/public/news/${f.publishedSlug()}` }), expect: all(200) },
  'GET /api/v1/public/conventions/{id}': {
    request: (f, t) => ({ url: `/api/v1/public/conventions/${c(f, t)}` }),
    expect: Object.fromEntries(ROLE_NAMES.map((r) => [r, { own: 200, other: 404 }])) as Expectation,
  },
  'POST /api/v1/imports/extract': { request: () => ({ url: '/api/v1/imports/extract', payload: { text: 'Le 8 mars 2023, la CTG de Bois-Colombes a été signée.' } }), expect: cafStaff(200) },
  'POST /api/v1/imports/extract-file': {
    // Not a multipart upload: allowed callers are told, in French, to send a file (422).
    request: () => ({ url: '/api/v1/imports/extract-file', payload: { text: 'x' } }),
    expect: cafStaff(422),
  },
  'POST /api/v1/imports/confirm': {
    request: (f, t) => ({
      url: '/api/v1/imports/confirm',
      payload: {
        convention: { title: `CTG importée ${f.unique()}`, cafId: f.cafId(t), startYear: 2024, endYear: 2028, territoryCodes: ['92064'] },
        sourceText: 'Texte de l’article importé.',
      },
    }),
    expect: conventionEdit(201),
  },
  'GET /api/v1/conventions/{id}/source': {
    // Neither convention was imported from a text: those allowed to read it learn there is none.
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/source` }),
    expect: { ...conventionRead, anonymous: same(401), platform_admin: same(404), caf_admin: { own: 404, other: 403 }, caf_agent: { own: 404, other: 403 }, partner_editor: { own: 404, other: 403 }, partner_reader: { own: 404, other: 403 } },
  },
  'POST /api/v1/axes/{id}/move': {
    // The only axis cannot move: allowed callers get 422.
    request: async (f, t) => ({ url: `/api/v1/axes/${await f.firstAxisId(t)}/move`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}#axis`), direction: 'up' } }),
    expect: planEdit(422),
  },
  'GET /api/v1/actions/{id}/notes': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/notes` }), expect: internalRead() },
  'POST /api/v1/actions/{id}/notes': {
    request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/notes`, payload: { date: '2025-01-10', author: 'Coordination', body: 'Point d’étape.' } }),
    expect: planEdit(201),
  },
  'GET /api/v1/actions/{id}/documents': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/documents` }), expect: internalRead() },
  'POST /api/v1/actions/{id}/documents': {
    request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/documents`, raw: textFile('Compte rendu') }),
    expect: planEdit(201),
  },
  'GET /api/v1/documents/{id}/content': { request: (f, t) => ({ url: `/api/v1/documents/${f.documentId(t)}/content` }), expect: internalRead() },
  'DELETE /api/v1/documents/{id}': { request: async (f, t) => ({ url: `/api/v1/documents/${await f.newDocumentId(t)}` }), expect: planEdit(204) },
  'GET /api/v1/conventions/{id}/indicators': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/indicators` }), expect: internalRead() },
  'POST /api/v1/conventions/{id}/indicators': {
    request: (f, t) => ({
      url: `/api/v1/conventions/${c(f, t)}/indicators`,
      payload: { title: 'Places créées', kind: 'resultat', unit: 'places', direction: 'hausse', baselineValue: 0, baselineDate: '2023-01-01', targetValue: 10, targetDate: '2027-12-31', actionId: f.actionOf(t) },
    }),
    expect: planEdit(201),
  },
  'GET /api/v1/indicators/{id}': { request: (f, t) => ({ url: `/api/v1/indicators/${f.indicatorId(t)}` }), expect: internalRead() },
  'PATCH /api/v1/indicators/{id}': {
    request: async (f, t) => ({ url: `/api/v1/indicators/${f.indicatorId(t)}`, payload: { version: await f.version(`/api/v1/indicators/${f.indicatorId(t)}`) } }),
    expect: planEdit(200),
  },
  'POST /api/v1/indicators/{id}/values': {
    request: (f, t) => ({ url: `/api/v1/indicators/${f.indicatorId(t)}/values`, payload: { date: `${f.nextYear()}-06-30`, value: 4 } }),
    expect: planEdit(201),
  },
  'DELETE /api/v1/indicators/{id}': {
    request: async (f, t) => {
      const indicator = await f.newIndicator(t);
      return { url: `/api/v1/indicators/${indicator.id}?version=${indicator.version}` };
    },
    expect: planEdit(204),
  },
  'GET /api/v1/me/follow-up': { request: () => ({ url: '/api/v1/me/follow-up' }), expect: signedIn(200) },
  'GET /api/v1/conventions/{id}/pilot-candidates': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/pilot-candidates` }), expect: { ...planEdit(200), anonymous: same(401) } },
  'DELETE /api/v1/indicator-values/{id}': { request: async (f, t) => ({ url: `/api/v1/indicator-values/${await f.newIndicatorValueId(t)}` }), expect: planEdit(200) },
  'GET /api/v1/history': { request: async (f, t) => ({ url: `/api/v1/history?entityType=action&entityId=${await f.firstActionId(t)}` }), expect: internalRead() },
  'GET /api/v1/actions/{id}/history': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/history` }), expect: internalRead() },
  'GET /api/v1/conventions/{id}/reviews': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/reviews` }), expect: internalRead() },
  'POST /api/v1/conventions/{id}/reviews': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/reviews`, payload: { kind: 'annual', year: f.reviewYear(t), snapshotDate: '2025-12-31' } }),
    expect: planEdit(201),
  },
  'GET /api/v1/reviews/{id}': { request: (f, t) => ({ url: `/api/v1/reviews/${f.reviewId(t)}` }), expect: internalRead() },
  'PATCH /api/v1/reviews/{id}': {
    request: async (f, t) => ({ url: `/api/v1/reviews/${f.reviewId(t)}`, payload: { version: await f.version(`/api/v1/reviews/${f.reviewId(t)}`) } }),
    expect: planEdit(200),
  },
  'POST /api/v1/reviews/{id}/validate': {
    // A stale version: allowed callers reach the version check (409) and nothing is locked.
    request: (f, t) => ({ url: `/api/v1/reviews/${f.reviewId(t)}/validate`, payload: { version: 9999 } }),
    expect: conventionEdit(409),
  },
  'GET /api/v1/conventions/{id}/amendments': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/amendments` }), expect: internalRead() },
  'POST /api/v1/conventions/{id}/amendments': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/amendments`, payload: { title: 'Avenant de test', date: '2025-02-01', signedBy: ['Caf'] } }),
    expect: conventionEdit(201),
  },
  'PATCH /api/v1/amendments/{id}': {
    request: async (f, t) => ({ url: `/api/v1/amendments/${f.amendmentId(t)}`, payload: { version: await f.version(`/api/v1/conventions/${c(f, t)}#amendment`) } }),
    expect: conventionEdit(200),
  },
  'GET /api/v1/conventions/{id}/plan-versions': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/plan-versions` }), expect: internalRead() },
  'POST /api/v1/conventions/{id}/plan-versions': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/plan-versions`, payload: { label: 'Version de travail' } }), expect: conventionEdit(201) },
  'GET /api/v1/plan-versions/{id}': { request: (f, t) => ({ url: `/api/v1/plan-versions/${f.planVersionId(t)}` }), expect: internalRead() },
  'GET /api/v1/conventions/{id}/plan-diff': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/plan-diff?from=${f.planVersionId(t)}` }), expect: internalRead() },
  'GET /api/v1/conventions/{id}/follow-up': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/follow-up` }), expect: internalRead() },
  'POST /api/v1/actions/bulk': {
    // Only the actions the caller may edit are selected: others change nothing and report 0.
    request: (f, t) => ({ url: '/api/v1/actions/bulk', payload: { filter: { convention: c(f, t) }, set: { pilot: 'Coordination' } } }),
    expect: { ...all(200), anonymous: same(401) },
  },
  'GET /api/v1/conventions/{id}/plan.xlsx': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/plan.xlsx` }), expect: internalRead() },
  'GET /api/v1/conventions/{id}/convention.docx': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/convention.docx` }), expect: internalRead() },
  'GET /api/v1/reviews/{id}/review.docx': { request: (f, t) => ({ url: `/api/v1/reviews/${f.reviewId(t)}/review.docx` }), expect: internalRead() },
  'GET /api/v1/conventions/{id}/summary.pdf': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/summary.pdf` }), expect: internalRead() },
  'GET /api/v1/open-data/conventions.csv': { request: () => ({ url: '/api/v1/open-data/conventions.csv' }), expect: all(200) },
  'GET /api/v1/open-data/conventions.json': { request: () => ({ url: '/api/v1/open-data/conventions.json' }), expect: all(200) },
  'GET /api/v1/open-data/schemas/conventions.json': { request: () => ({ url: '/api/v1/open-data/schemas/conventions.json' }), expect: all(200) },
  'GET /api/v1/open-data/actions.csv': { request: () => ({ url: '/api/v1/open-data/actions.csv' }), expect: all(200) },
  'GET /api/v1/open-data/actions.json': { request: () => ({ url: '/api/v1/open-data/actions.json' }), expect: all(200) },
  'GET /api/v1/open-data/schemas/actions.json': { request: () => ({ url: '/api/v1/open-data/schemas/actions.json' }), expect: all(200) },
  'GET /api/v1/conventions/{id}/calendar.ics': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/calendar.ics` }), expect: conventionRead },
  'GET /api/v1/actions/{id}/fiche.pdf': { request: async (f, t) => ({ url: `/api/v1/actions/${await f.firstActionId(t)}/fiche.pdf` }), expect: internalRead() },
  'GET /api/v1/plan-import/template.xlsx': { request: () => ({ url: '/api/v1/plan-import/template.xlsx' }), expect: signedIn(200) },
  'POST /api/v1/conventions/{id}/plan-import': {
    // A text file instead of a workbook: allowed callers are told to send a .xlsx (415), nothing is read.
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/plan-import?dryRun=true`, raw: textFile('pas un classeur') }),
    expect: planEdit(415),
  },
  'GET /api/v1/exports/conventions.xlsx': { request: () => ({ url: '/api/v1/exports/conventions.xlsx' }), expect: signedIn(200) },
  'GET /api/v1/exports/actions.xlsx': { request: () => ({ url: '/api/v1/exports/actions.xlsx?status=en_cours' }), expect: signedIn(200) },
  'GET /api/v1/exports/indicators.xlsx': { request: (f, t) => ({ url: `/api/v1/exports/indicators.xlsx?convention=${c(f, t)}` }), expect: internalRead() },
  'GET /api/v1/me/calendar-feed': { request: () => ({ url: '/api/v1/me/calendar-feed' }), expect: signedIn(200) },
  'POST /api/v1/me/calendar-feed': { request: () => ({ url: '/api/v1/me/calendar-feed' }), expect: signedIn(201) },
  'DELETE /api/v1/me/calendar-feed': { request: () => ({ url: '/api/v1/me/calendar-feed' }), expect: signedIn(204) },
  // An unknown secret address: nobody gets a calendar from it, signed in or not.
  'GET /api/v1/calendar-feeds/{token}/calendar.ics': { request: () => ({ url: `/api/v1/calendar-feeds/${BOGUS_TOKEN}/calendar.ics` }), expect: all(404) },
  'GET /api/v1/webhooks': { request: () => ({ url: '/api/v1/webhooks' }), expect: { ...adminsOnly(200), caf_admin: same(200) } },
  'POST /api/v1/webhooks': {
    request: (f, t) => ({ url: '/api/v1/webhooks', payload: { url: 'https://recepteur.exemple/crochet', events: ['review.validated'], cafId: f.cafId(t) } }),
    expect: adminsOnly(201),
  },
  'PATCH /api/v1/webhooks/{id}': {
    request: async (f, t) => {
      const webhook = await f.newWebhook(t);
      return { url: `/api/v1/webhooks/${webhook.id}`, payload: { version: webhook.version, active: false } };
    },
    expect: adminsOnly(200),
  },
  'DELETE /api/v1/webhooks/{id}': { request: async (f, t) => ({ url: `/api/v1/webhooks/${(await f.newWebhook(t)).id}` }), expect: adminsOnly(204) },
  'GET /api/v1/webhooks/{id}/deliveries': { request: async (f, t) => ({ url: `/api/v1/webhooks/${(await f.newWebhook(t)).id}/deliveries` }), expect: adminsOnly(200) },
  'GET /api/v1/stats': { request: () => ({ url: '/api/v1/stats' }), expect: all(200) },
  'GET /api/v1/search': { request: () => ({ url: '/api/v1/search?q=cr%C3%A8che' }), expect: signedIn(200) },
  'GET /api/v1/auth/me': { request: () => ({ url: '/api/v1/auth/me' }), expect: all(200) },
  'POST /api/v1/auth/login': { request: () => ({ url: '/api/v1/auth/login', payload: { email: 'personne@exemple.fr', password: 'faux' } }), expect: all(401) },
  'POST /api/v1/auth/logout': { request: () => ({ url: '/api/v1/auth/logout', freshSession: true }), expect: all(204) },
  'POST /api/v1/auth/logout-everywhere': { request: () => ({ url: '/api/v1/auth/logout-everywhere', freshSession: true }), expect: signedIn(200) },
  'POST /api/v1/auth/password-reset-requests': { request: () => ({ url: '/api/v1/auth/password-reset-requests', payload: { email: 'personne@exemple.fr' } }), expect: all(202) },
  'POST /api/v1/auth/password-resets/{token}': {
    request: () => ({ url: `/api/v1/auth/password-resets/${BOGUS_TOKEN}`, payload: { password: 'Un-Mot-De-Passe-2026!' } }),
    expect: all(410),
  },
  'POST /api/v1/invitations': {
    request: (f, t) => ({ url: '/api/v1/invitations', payload: { email: `${f.unique()}@exemple.fr`, organisationId: f.organisationId(t), role: 'partner_reader' } }),
    expect: adminsOnly(201),
  },
  'GET /api/v1/invitations/{token}': { request: () => ({ url: `/api/v1/invitations/${BOGUS_TOKEN}` }), expect: all(410) },
  'POST /api/v1/invitations/{token}/accept': {
    request: () => ({ url: `/api/v1/invitations/${BOGUS_TOKEN}/accept`, payload: { displayName: 'Personne', password: 'Un-Mot-De-Passe-2026!' } }),
    expect: all(410),
  },
  // ProConnect is off in the matrix's instance: both answer 404 to everyone (see oidc.test.ts when it is on).
  'GET /api/v1/auth/oidc/login': { request: () => ({ url: '/api/v1/auth/oidc/login' }), expect: all(404) },
  'GET /api/v1/auth/oidc/callback': { request: () => ({ url: '/api/v1/auth/oidc/callback?code=x&state=y' }), expect: all(404) },
  'GET /api/v1/security-events': { request: () => ({ url: '/api/v1/security-events?limit=5' }), expect: { ...adminsOnly(200), caf_admin: same(403) } },
  'GET /api/v1/security-events/export.csv': { request: () => ({ url: '/api/v1/security-events/export.csv?event=login' }), expect: { ...adminsOnly(200), caf_admin: same(403) } },
  'GET /api/v1/users': { request: () => ({ url: '/api/v1/users?limit=5' }), expect: { ...adminsOnly(200), caf_admin: same(200) } },
  'PATCH /api/v1/users/{id}/memberships/{organisationId}': {
    request: async (f, t) => {
      const m = await f.newMemberUser(t);
      return { url: `/api/v1/users/${m.userId}/memberships/${m.organisationId}`, payload: { role: 'partner_editor', version: 1 } };
    },
    expect: adminsOnly(200),
  },
  'DELETE /api/v1/users/{id}/memberships/{organisationId}': {
    request: async (f, t) => {
      const m = await f.newMemberUser(t);
      return { url: `/api/v1/users/${m.userId}/memberships/${m.organisationId}?version=1` };
    },
    expect: adminsOnly(204),
  },
  // A wrong current password (400) shows the caller got through; the matrix's own passwords must not change.
  'POST /api/v1/auth/password': {
    request: () => ({ url: '/api/v1/auth/password', payload: { currentPassword: 'pas-le-mot-de-passe', newPassword: 'Un-Mot-De-Passe-2026!' } }),
    expect: signedIn(400),
  },
  'GET /api/v1/personal-data': { request: (f) => ({ url: `/api/v1/personal-data?personId=${f.personId()}` }), expect: { ...adminsOnly(200), caf_admin: same(403) } },
  'GET /api/v1/personal-data/export.json': { request: (f) => ({ url: `/api/v1/personal-data/export.json?personId=${f.personId()}` }), expect: { ...adminsOnly(200), caf_admin: same(403) } },
  'POST /api/v1/personal-data/erasure': {
    request: async (f) => ({ url: '/api/v1/personal-data/erasure', payload: { personId: await f.newPersonId() } }),
    expect: { ...adminsOnly(200), caf_admin: same(403) },
  },
  'GET /api/v1/api-tokens': { request: () => ({ url: '/api/v1/api-tokens' }), expect: { ...adminsOnly(200), caf_admin: same(200) } },
  'POST /api/v1/api-tokens': {
    request: (f, t) => ({ url: '/api/v1/api-tokens', payload: { name: `Jeton ${f.unique()}`, organisationId: f.cafId(t), scope: 'read' } }),
    expect: adminsOnly(201),
  },
  'DELETE /api/v1/api-tokens/{id}': { request: async (f, t) => ({ url: `/api/v1/api-tokens/${await f.newTokenId(t)}` }), expect: adminsOnly(200) },
  'GET /api/v1/conventions/{id}/governance': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/governance` }), expect: internalRead() },
  'POST /api/v1/conventions/{id}/bodies': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/bodies`, payload: { kind: 'groupe_travail', name: `Groupe ${f.unique()}`, frequency: 'ponctuelle' } }),
    expect: planEdit(201),
  },
  // Stale versions: allowed callers reach the version check (409) and nothing changes.
  'PATCH /api/v1/bodies/{id}': { request: (f, t) => ({ url: `/api/v1/bodies/${f.bodyId(t)}`, payload: { version: 9999, name: 'Renommé' } }), expect: planEdit(409) },
  'DELETE /api/v1/bodies/{id}': { request: (f, t) => ({ url: `/api/v1/bodies/${f.bodyId(t)}?version=9999` }), expect: planEdit(409) },
  'POST /api/v1/conventions/{id}/meetings': {
    request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/meetings`, payload: { bodyId: f.bodyId(t), startsAt: '2027-03-01T09:30', place: 'Salle du conseil' } }),
    expect: planEdit(201),
  },
  'GET /api/v1/meetings/{id}': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}` }), expect: internalRead() },
  'PATCH /api/v1/meetings/{id}': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}`, payload: { version: 9999, minutes: 'Relevé' } }), expect: planEdit(409) },
  'POST /api/v1/meetings/{id}/decisions': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/decisions`, payload: { kind: 'note', text: 'Relevé de décision' } }), expect: planEdit(201) },
  'DELETE /api/v1/decisions/{id}': { request: async (f, t) => ({ url: `/api/v1/decisions/${await f.newDecisionId(t)}` }), expect: planEdit(204) },
  'PUT /api/v1/decisions/{id}/follow-up': { request: (f, t) => ({ url: `/api/v1/decisions/${f.decisionId(t)}/follow-up`, payload: { followUp: 'Fait' } }), expect: planEdit(200) },
  'POST /api/v1/meetings/{id}/validate': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/validate`, payload: { version: 9999 } }), expect: planEdit(409) },
  'POST /api/v1/meetings/{id}/invitations': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/invitations`, payload: { version: 9999 } }), expect: planEdit(409) },
  'GET /api/v1/meetings/{id}/pack': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/pack` }), expect: internalRead() },
  'GET /api/v1/meetings/{id}/pack.docx': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/pack.docx` }), expect: internalRead() },
  'GET /api/v1/meetings/{id}/pack.pdf': { request: (f, t) => ({ url: `/api/v1/meetings/${f.meetingId(t)}/pack.pdf` }), expect: internalRead() },
  // An end before the start: allowed callers reach the rules (422) and no successor is made.
  'POST /api/v1/conventions/{id}/renewal': { request: (f, t) => ({ url: `/api/v1/conventions/${c(f, t)}/renewal`, payload: { startYear: 2040, endYear: 2035 } }), expect: conventionEdit(422) },
  'GET /api/v1/notifications': { request: () => ({ url: '/api/v1/notifications?filter=action' }), expect: signedIn(200) },
  'GET /api/v1/notifications/counts': { request: () => ({ url: '/api/v1/notifications/counts' }), expect: signedIn(200) },
  'POST /api/v1/notifications/{id}/read': { request: () => ({ url: '/api/v1/notifications/999999/read' }), expect: signedIn(404) },
  'POST /api/v1/notifications/read-all': { request: () => ({ url: '/api/v1/notifications/read-all' }), expect: signedIn(204) },
  'PUT /api/v1/notifications/preference': { request: () => ({ url: '/api/v1/notifications/preference', payload: { mode: 'immediate' } }), expect: signedIn(204) },
  'GET /api/v1/campaigns': { request: () => ({ url: '/api/v1/campaigns' }), expect: signedIn(200) },
  // A convention outside the Caf or not in force: allowed callers reach the rules (422), nothing is opened.
  'POST /api/v1/campaigns': {
    request: (f, t) => ({ url: '/api/v1/campaigns', payload: { cafId: f.cafId(t), conventionId: c(f, 'other'), year: 2026, dueDate: '2027-01-31' } }),
    expect: conventionEdit(422),
  },
  'GET /api/v1/campaigns/{id}': { request: () => ({ url: '/api/v1/campaigns/999999' }), expect: signedIn(404) },
  'POST /api/v1/campaigns/{id}/close': { request: () => ({ url: '/api/v1/campaigns/999999/close', payload: { version: 1 } }), expect: signedIn(404) },
};
