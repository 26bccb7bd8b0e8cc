import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import type { SearchHit, SearchResult } from '../../shared/api/search.js';
import type { Action } from '../../shared/api/actions.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';

const PASSWORD = 'mot de passe des tests 2026';
const highlighted = (parts: SearchHit['snippet']) => parts.filter((p) => p.highlight).map((p) => p.text);
const plain = (parts: SearchHit['snippet']) => parts.map((p) => p.text).join('');

describe.each(ENGINES)('full-text search (%s)', (engine) => {
  let t: TestApp;
  let conventionId: number;
  let titleAction: Action;
  let bodyAction: Action;
  let noteId: number;
  const search = (q: string, extra = '') => t.request<SearchResult>({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}` });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const cafs = await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' });
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'Convention du quartier des Épinettes', cafId: cafs.body[0]!.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    conventionId = created.body.id;
    const action = async (payload: object) => (await t.request<Action>({ method: 'POST', url: `/api/v1/conventions/${conventionId}/actions`, payload })).body;
    titleAction = await action({ title: 'Ouvrir deux crèches familiales', themes: ['petite_enfance'] });
    bodyAction = await action({ title: 'Soutenir les assistantes maternelles', themes: ['petite_enfance'], description: 'Un relais qui travaille avec la crèche du quartier et les familles.' });
    await action({ title: 'Accueillir les jeunes en été', themes: ['jeunesse'], description: 'Séjours et chantiers éducatifs.' });
    const note = await t.request<{ id: number }>({
      method: 'POST',
      url: `/api/v1/actions/${bodyAction.id}/notes`,
      payload: { date: '2026-03-02', author: 'Service petite enfance', body: 'Réunion des gestionnaires d’établissements : calendrier validé.' },
    });
    noteId = note.body.id;
  });
  afterAll(async () => t.close());

  it('folds accents and plurals both ways, and ranks a title match above a body match', async () => {
    for (const q of ['creche', 'crèches', 'CRÈCHE']) {
      const { status, body } = await search(q, '&kind=action');
      expect(status).toBe(200);
      expect(body.hits.map((h) => h.id).slice(0, 2)).toEqual([titleAction.id, bodyAction.id]);
    }
    const establishments = await search('établissement');
    expect(establishments.body.hits.map((h) => [h.kind, h.id])).toEqual([['note', noteId]]);
    expect(establishments.body.hits[0]).toMatchObject({ actionId: bodyAction.id, conventionId, conventionTitle: 'Convention du quartier des Épinettes' });
  });

  it('highlights the matched words in the title and in a snippet of the text', async () => {
    const { body } = await search('crèche quartier', '&kind=action');
    expect(body.terms).toEqual(['creche', 'quartier']);
    expect(body.hits.map((h) => h.id)).toEqual([bodyAction.id]);
    const hit = body.hits[0]!;
    expect(plain(hit.title)).toBe('Soutenir les assistantes maternelles');
    expect(plain(hit.snippet)).toContain('avec la crèche du quartier');
    expect(highlighted(hit.snippet)).toEqual(['crèche', 'quartier']);
    const titled = (await search('crèches', '&kind=action')).body.hits[0]!;
    expect(highlighted(titled.title)).toEqual(['crèches']);
  });

  it('finds conventions, and keeps the index in step with every edit and deletion', async () => {
    expect((await search('Épinettes', '&kind=convention')).body.hits.map((h) => h.id)).toEqual([conventionId]);
    const renamed = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${titleAction.id}`, payload: { version: titleAction.version, title: 'Ouvrir une ludothèque' } });
    expect(renamed.status).toBe(200);
    expect((await search('crèches', '&kind=action')).body.hits.map((h) => h.id)).toEqual([bodyAction.id]);
    expect((await search('ludothèques')).body.hits.map((h) => h.id)).toEqual([titleAction.id]);
  });

  /** The stored pages of the search index (SQLite), or its rows' identities and update counts (PostgreSQL). */
  const searchIndexPages = async (): Promise<unknown[]> =>
    engine === 'sqlite'
      ? (await sql<{ id: number; block: Uint8Array }>`select id, hex(block) as block from search_fts_data order by id`.execute(t.database.db)).rows
      : (await sql`select id, xmin::text as xmin from search_document order by id`.execute(t.database.db)).rows;

  it('rewrites a document when its text changes, and keeps it as it is through other edits', async () => {
    const ours = (hits: SearchHit[]) => hits.filter((h) => h.conventionId === conventionId).map((h) => h.id);
    const current = (
      await t.request<Action>({
        method: 'POST',
        url: `/api/v1/conventions/${conventionId}/actions`,
        payload: { title: 'Ouvrir un lieu d’accueil enfants-parents', themes: ['parentalite'], description: 'Avec le bibliobus des assistantes maternelles.' },
      })
    ).body;
    const indexBefore = await searchIndexPages();
    const progressed = await t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${current.id}`, payload: { version: current.version, progress: 40 } });
    expect(progressed.status).toBe(200);
    // Neither the action's progress nor the touch of its convention rewrote a document of the index.
    expect(await searchIndexPages()).toEqual(indexBefore);
    expect(ours((await search('bibliobus', '&kind=action')).body.hits)).toEqual([current.id]);
    const described = await t.request<Action>({
      method: 'PATCH',
      url: `/api/v1/actions/${current.id}`,
      payload: { version: progressed.body.version, description: 'Une permanence partagée avec le ludobus.' },
    });
    expect(described.status).toBe(200);
    expect(ours((await search('bibliobus', '&kind=action')).body.hits)).toEqual([]);
    expect(ours((await search('ludobus', '&kind=action')).body.hits)).toEqual([current.id]);
    const convention = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${conventionId}` })).body;
    const renamed = await t.request({ method: 'PATCH', url: `/api/v1/conventions/${conventionId}`, payload: { version: convention.version, title: 'Convention du quartier des Batignolles' } });
    expect(renamed.status).toBe(200);
    expect(ours((await search('Batignolles', '&kind=convention')).body.hits)).toEqual([conventionId]);
    expect(ours((await search('Épinettes', '&kind=convention')).body.hits)).toEqual([]);
  });

  it('only finds what the caller may see, and refuses anonymous callers', async () => {
    const orgs = (await t.request<{ id: number; name: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' })).body;
    const boisColombes = orgs.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
    await createUser(t.database, { email: 'lecteur@exemple.fr', password: PASSWORD, memberships: [{ organisationId: boisColombes, role: 'partner_reader' }] });
    const { cookie } = await signIn(t, 'lecteur@exemple.fr', PASSWORD);
    const asReader = await t.request<SearchResult>({ method: 'GET', url: '/api/v1/search?q=cr%C3%A8che', headers: { cookie } });
    expect(asReader.status).toBe(200);
    expect(asReader.body.hits.filter((h) => h.conventionId === conventionId)).toEqual([]);
    expect((await search('crèche')).body.hits.some((h) => h.conventionId === conventionId)).toBe(true);
    expect((await t.request({ anonymous: true, method: 'GET', url: '/api/v1/search?q=creche' })).status).toBe(401);
  });

  it('answers 400 with a French message naming the field for a too short query', async () => {
    const response = await t.request<{ error: { fields: { path: string }[]; message: string } }>({ method: 'GET', url: '/api/v1/search?q=a' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0]!.path).toBe('q');
    expect(response.body.error.message).toContain('au moins deux caractères');
  });
});
