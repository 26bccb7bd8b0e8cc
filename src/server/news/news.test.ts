import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { ErrorResponse } from '../../shared/api/common.js';
import type { NewsDraft, NewsItem, PublicConvention, PublicNewsArticle, PublicNewsSummary } from '../../shared/api/news.js';
import { DEMO_CAF_PEOPLE, DEMO_CONVENTIONS } from '../demo/demo.data.js';

/** The founding document, read from shared/ (its text is not copied into the project). */
const seed = readFileSync(new URL('../../../../shared/seed/000_57ebfbad31fc1392.txt', import.meta.url), 'utf8').normalize('NFC');
const plain = (text: string) => text.normalize('NFC').replace(/[\u00A0\u202F]/g, ' ').replace(/['’]/g, '’');
const words = (text: string) => plain(text).toLowerCase().split(/[^\p{L}\p{N}’-]+/u).filter((w) => w.length > 0);

/** Longest run of consecutive words the two texts share. */
function longestSharedRun(a: string, b: string): { length: number; words: string } {
  const wa = words(a);
  const wb = words(b);
  let best = { length: 0, words: '' };
  const prev = new Array<number>(wb.length + 1).fill(0);
  for (let i = 1; i <= wa.length; i++) {
    let diag = 0;
    for (let j = 1; j <= wb.length; j++) {
      const keep = prev[j]!;
      prev[j] = wa[i - 1] === wb[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best.length) best = { length: prev[j]!, words: wa.slice(i - prev[j]!, i).join(' ') };
      diag = keep;
    }
  }
  return best;
}

const FACTS = [
  { commune: 'Bois-Colombes', day: '8 mars', place: 'hôtel de ville de Bois-Colombes', mention: [['Yves Révillon', 'maire de Bois-Colombes', 'maire'], ['Fabrice Dorin', 'président du conseil d’administration', 'président du conseil d’administration'], ['Emmanuel Gouault', 'directeur', 'directeur']] },
  { commune: 'Issy-les-Moulineaux', day: '15 mars', place: 'hôtel de ville d’Issy-les-Moulineaux', mention: [['André Santini', 'maire d’Issy-les-Moulineaux', 'maire'], ['Hugo Dapino', '1er vice-président du conseil d’administration', '1er vice-président du conseil d’administration'], ['Emmanuel Gouault', 'directeur', 'directeur']] },
  { commune: 'Boulogne-Billancourt', day: '20 mars', place: 'mairie de Boulogne-Billancourt', mention: [['Pierre-Christophe Baguet', 'maire de Boulogne-Billancourt et président de Grand Paris Seine Ouest', 'maire'], ['Fabrice Dorin', 'président du conseil d’administration', 'président du conseil d’administration'], ['Emmanuel Gouault', 'directeur', 'directeur']] },
];

describe.each(ENGINES)('partner news (%s)', (engine) => {
  let t: TestApp;
  const draft = (payload: unknown) => t.request<NewsDraft & ErrorResponse>({ method: 'POST', url: '/api/v1/news/draft', payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('drafts March 2023 with every fact of the founding document, in its own words', async () => {
    const { status, body } = await draft({ from: '2023-03-01', to: '2023-03-31' });
    expect(status).toBe(200);
    const text = plain(body.markdown);
    expect(body.title).toBe('Trois nouvelles signatures de CTG en mars');
    expect(body.signatureEventIds).toHaveLength(3);
    expect(text).toContain('de 2023 à 2027');
    for (const theme of ['la petite enfance', 'la jeunesse', 'l’accès aux droits']) {
      expect(text).toContain(theme);
      expect(plain(seed)).toContain(theme);
    }
    const sections = text.split(/^## /m).slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual(FACTS.map((f) => f.commune));
    let mentions = 0;
    FACTS.forEach((fact, index) => {
      const section = sections[index]!;
      expect(section).toContain(`${index === 2 ? 'Enfin, le' : 'Le'} ${fact.day},`);
      expect(plain(seed)).toContain(`${fact.day.split(' ')[0]} mars`);
      expect(section).toContain(fact.place);
      for (const [name, capacity, inDocument] of fact.mention) {
        expect(section).toMatch(new RegExp(`d[e’] ?${name}, ${capacity}`));
        // The document states the same person in the same office.
        expect(plain(seed)).toContain(`${name}, ${inDocument}`);
        mentions += 1;
      }
      // Every highlighted project of this commune's convention is listed in its own section, in order.
      const demo = DEMO_CONVENTIONS[index]!;
      const listed = section.split('\n').filter((line) => line.startsWith('- '));
      expect(listed).toHaveLength(demo.actions.length);
      demo.actions.forEach((action, i) => expect(listed[i]!.toLowerCase()).toContain(plain(action.title).slice(1, 40).toLowerCase()));
    });
    expect(mentions).toBe(9);
    expect(plain(seed)).toContain('président de Grand Paris Seine Ouest');
    expect(Object.values(DEMO_CAF_PEOPLE).every((p) => text.includes(`${p.firstName} ${p.lastName}`))).toBe(true);
    // The same facts, not the same sentences: no run of 12 words in common with the document.
    expect(longestSharedRun(body.markdown, seed).length).toBeLessThan(12);
    // French typography: no double space, no-break spaces before high punctuation.
    expect(body.markdown).not.toMatch(/ {2}| [:;!?]/);
    expect(body.markdown).toContain('\u00A0:');
  });

  it('drafts a period with one signature in the singular', async () => {
    const { status, body } = await draft({ from: '2023-03-10', to: '2023-03-16' });
    expect(status).toBe(200);
    expect(body.title).toBe('Une nouvelle signature de CTG en mars');
    expect(body.markdown).toContain('## Issy-les-Moulineaux');
    expect(body.markdown).not.toContain('Enfin');
  });

  it('refuses a period without any signature with a clear French message, and writes nothing', async () => {
    const before = await snapshotCounts(t.database);
    const { status, body } = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/news', payload: { from: '2024-01-01', to: '2024-03-31' } });
    expect(status).toBe(422);
    expect(body.error.message).toContain('Aucune CTG n’a été signée entre le 1er janvier 2024 et le 31 mars 2024');
    expect(body.error.fields?.[0]?.path).toBe('from');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it.each([
    ['no period and no signature', {}, 400, 'from'],
    ['an end before the start', { from: '2023-03-31', to: '2023-03-01' }, 400, 'to'],
    ['a date that does not exist', { from: '2023-02-30', to: '2023-03-31' }, 400, 'from'],
    ['an unknown signature', { signatureEventIds: [1, 99999] }, 422, 'signatureEventIds.1'],
    ['the same signature twice', { signatureEventIds: [1, 1] }, 400, 'signatureEventIds'],
  ])('rejects %s with a French message naming the field', async (_label, payload, status, path) => {
    const before = await snapshotCounts(t.database);
    const response = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/news', payload });
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(response.body.error.message).toMatch(/[a-zé]/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('says so gracefully when the convention has no highlighted project (drafting from chosen signatures)', async () => {
    const cafs = await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' });
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'CTG d’Antony', cafId: cafs.body[0]!.id, startYear: 2024, endYear: 2028, territoryCodes: ['92002'], themes: ['jeunesse'], status: 'redaction' },
    });
    const event = await t.request<{ id: number }>({
      method: 'POST',
      url: `/api/v1/conventions/${created.body.id}/signature-events`,
      payload: { date: '2024-06-12', place: 'Hôtel de ville d’Antony', signatories: [] },
    });
    expect(event.status).toBe(201);
    const { status, body } = await draft({ signatureEventIds: [event.body.id] });
    expect(status).toBe(200);
    expect(body.title).toBe('Une nouvelle signature de CTG en juin');
    expect(body.markdown).toContain('Le 12 juin, la Caf et la Ville d’Antony ont signé leur CTG à l’hôtel de ville d’Antony.');
    expect(body.markdown).toContain('n’ont pas encore été mis en avant');
    expect(body.markdown).not.toContain('Parmi les projets');
  });

  it('stores, edits, keeps human edits from regeneration, publishes, and serves the public pages, feed and exports', async () => {
    const created = await t.request<NewsItem>({ method: 'POST', url: '/api/v1/news', payload: { from: '2023-03-01', to: '2023-03-31' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'brouillon', slug: 'trois-nouvelles-signatures-de-ctg-en-mars-2023', hasHumanEdits: false, version: 1 });
    expect(created.body.signatures.map((s) => s.date)).toEqual(['2023-03-08', '2023-03-15', '2023-03-20']);
    expect(created.body.html).toContain('<h2>Bois-Colombes</h2>');
    const id = created.body.id;

    const edited = await t.request<NewsItem>({
      method: 'PATCH',
      url: `/api/v1/news/${id}`,
      payload: { version: 1, body: `${created.body.body}\n\nUne phrase écrite à la main.<script>alert(1)</script>` },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.hasHumanEdits).toBe(true);
    expect(edited.body.html).toContain('Une phrase écrite à la main.');
    expect(edited.body.html).not.toContain('<script');

    const stale = await t.request<ErrorResponse>({ method: 'PATCH', url: `/api/v1/news/${id}`, payload: { version: 1, title: 'Autre titre' } });
    expect(stale.status).toBe(409);
    const refused = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/news/${id}/regenerate`, payload: { version: 2 } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('human_edits');
    expect((await t.request<NewsItem>({ method: 'GET', url: `/api/v1/news/${id}` })).body.body).toContain('écrite à la main');
    const regenerated = await t.request<NewsItem>({ method: 'POST', url: `/api/v1/news/${id}/regenerate`, payload: { version: 2, overwrite: true } });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.body).toBe(created.body.body);
    const final = await t.request<NewsItem>({ method: 'PATCH', url: `/api/v1/news/${id}`, payload: { version: 3, body: regenerated.body.body.replace('Pour mémoire', 'Rappelons-le') } });

    expect((await t.request<PublicNewsSummary[]>({ method: 'GET', url: '/api/v1/public/news' })).body).toEqual([]);
    const published = await t.request<NewsItem>({ method: 'POST', url: `/api/v1/news/${id}/status`, payload: { version: final.body.version, status: 'publie' } });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'publie', publishedBy: 'jeton « tests »' });
    expect(published.body.publishedAt).not.toBeNull();
    const again = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/news/${id}/status`, payload: { version: published.body.version, status: 'publie' } });
    expect(again.status).toBe(422);

    const list = await t.request<PublicNewsSummary[]>({ method: 'GET', url: '/api/v1/public/news' });
    expect(list.body.map((n) => n.slug)).toEqual([created.body.slug]);
    expect(list.body[0]!.excerpt).toContain('En mars');
    const article = await t.request<PublicNewsArticle>({ method: 'GET', url: `/api/v1/public/news/${created.body.slug}` });
    expect(article.body.html).toContain('Rappelons-le');
    expect(article.body.conventions).toHaveLength(3);

    const feed = await t.app.inject({ method: 'GET', url: '/api/v1/public/news.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.body).toContain('Trois nouvelles signatures de CTG en mars');
    expect(feed.body).toContain(`/actualites/${created.body.slug}`);

    const html = await t.app.inject({ method: 'GET', url: `/api/v1/news/${id}/export.html`, headers: t.adminHeaders });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toMatch(/<h2 style="[^"]+">Bois-Colombes<\/h2>/);
    expect(html.body).not.toMatch(/<link|<script|src="http/);
    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/news/${id}/export.docx`, headers: t.adminHeaders });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const archived = await t.request<NewsItem>({ method: 'POST', url: `/api/v1/news/${id}/status`, payload: { version: published.body.version, status: 'archive' } });
    expect(archived.body.archivedBy).toBe('jeton « tests »');
    expect((await t.request({ method: 'GET', url: `/api/v1/public/news/${created.body.slug}` })).status).toBe(404);
  });

  it('shows a signed convention publicly and hides one in preparation', async () => {
    const summary = await t.request<PublicConvention>({ method: 'GET', url: '/api/v1/public/conventions/2' });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ startYear: 2023, endYear: 2027 });
    expect(summary.body.parties.map((p) => p.name)).toEqual(['Caf des Hauts-de-Seine', 'Ville d’Issy-les-Moulineaux']);
    expect(summary.body.highlightedActions.map((a) => a.title)).toEqual(DEMO_CONVENTIONS[1]!.actions.map((a) => a.title));
    expect(summary.body.themes.map((th) => th.label)).toContain('Logement');
    const list = await t.request<{ items: { id: number; status: string }[] }>({ method: 'GET', url: '/api/v1/conventions?status=redaction' });
    const hidden = await t.request<ErrorResponse>({ method: 'GET', url: `/api/v1/public/conventions/${list.body.items[0]!.id}` });
    expect(hidden.status).toBe(404);
  });

  it('keeps each Caf’s newsroom to its own signatures and articles', async () => {
    const password = 'Redaction-Caf-2026!';
    const organisations = await t.request<{ id: number; kind: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' });
    const ownCafId = organisations.body.find((o) => o.kind === 'caf')!.id;
    const otherCaf = await t.request<{ id: number }>({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'caf', name: 'Caf du Val-d’Oise', departementCode: '95' } });
    await createUser(t.database, { email: 'redaction@caf92.example', password, memberships: [{ organisationId: ownCafId, role: 'caf_agent' }] });
    await createUser(t.database, { email: 'redaction@caf95.example', password, memberships: [{ organisationId: otherCaf.body.id, role: 'caf_agent' }] });
    const as = async (email: string) => {
      const session = await signIn(t, email, password);
      return { cookie: session.cookie, 'x-csrf-token': session.csrf };
    };
    const [own, other] = [await as('redaction@caf92.example'), await as('redaction@caf95.example')];
    const created = await t.request<NewsItem>({ method: 'POST', url: '/api/v1/news', headers: own, payload: { from: '2023-03-01', to: '2023-03-31' } });
    expect(created.status).toBe(201);

    const ownChoices = await t.request<unknown[]>({ method: 'GET', url: '/api/v1/news/signature-events', headers: own });
    expect(ownChoices.body.length).toBeGreaterThanOrEqual(3);
    expect((await t.request<unknown[]>({ method: 'GET', url: '/api/v1/news/signature-events', headers: other })).body).toEqual([]);
    expect((await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/news', headers: own })).body.map((n) => n.id)).toContain(created.body.id);
    expect((await t.request<unknown[]>({ method: 'GET', url: '/api/v1/news', headers: other })).body).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/api/v1/news/${created.body.id}`, headers: other })).status).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/news/${created.body.id}/export.docx`, headers: other })).status).toBe(404);

    const before = await snapshotCounts(t.database);
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/news/${created.body.id}`, headers: other, payload: { title: 'Titre d’une autre Caf', version: 1 } });
    expect(edit.status).toBe(404);
    const elsewhere = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/news', headers: other, payload: { from: '2023-03-01', to: '2023-03-31' } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.message).toMatch(/Aucune CTG n’a été signée/);
    const chosen = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/news', headers: other, payload: { signatureEventIds: created.body.signatures.map((x) => x.signatureEventId) } });
    expect(chosen.status).toBe(422);
    expect(chosen.body.error.fields?.[0]?.path).toBe('signatureEventIds.0');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
