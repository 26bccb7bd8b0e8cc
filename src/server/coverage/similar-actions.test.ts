import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import type { SimilarActions } from '../../shared/api/territorial.js';
import type { Action } from '../../shared/api/actions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';

const PASSWORD = 'Semblables-Actions-92!';
/** The demo's actions by field, one per convention (Bois-Colombes, Issy-les-Moulineaux, Boulogne-Billancourt). */
const GROUPS = {
  handicap: [/^Coordonner les actions handicap/, /^Mieux accueillir et accompagner .* handicap/, /^Inclure les enfants en situation de handicap/],
  petiteEnfance: [/^Développer et maintenir l’offre d’accueil du jeune enfant/, /^Rendre les métiers de la petite enfance/, /^Améliorer la qualité de l’accueil du jeune enfant/],
};

describe.each(ENGINES)('similar actions across conventions (%s)', (engine) => {
  let t: TestApp;
  let actions: Action[];
  const idOf = (pattern: RegExp) => actions.find((a) => pattern.test(a.title))!.id;
  const similar = (id: number, options: { anonymous?: boolean; headers?: Record<string, string> } = {}) =>
    t.request<SimilarActions & ErrorResponse>({ method: 'GET', url: `/api/v1/actions/${id}/similar`, ...options });

  beforeAll(async () => {
    t = await createTestApp(engine);
    actions = (await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?limit=200' })).body.items;
  });
  afterAll(async () => t.close());

  it.each(Object.entries(GROUPS))('finds the other two « %s » actions of the demo first, for each of the three', async (_field, patterns) => {
    const ids = patterns.map(idOf);
    for (const id of ids) {
      const res = await similar(id);
      expect(res.status).toBe(200);
      const others = ids.filter((x) => x !== id);
      expect(new Set(res.body.items.slice(0, 2).map((i) => i.id))).toEqual(new Set(others));
      expect(res.body.items.every((i) => i.conventionId !== res.body.action.conventionId)).toBe(true);
      const scores = res.body.items.map((i) => i.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('explains each match by the words the two texts share, from their stems', async () => {
    const res = await similar(idOf(GROUPS.handicap[0]!));
    const issy = res.body.items.find((i) => i.id === idOf(GROUPS.handicap[1]!))!;
    expect(issy.matchedWords.map((w) => w.stem)).toContain('handicap');
    // « accueil » in one text and « accueillir » in the other share their stem.
    expect(issy.matchedWords.find((w) => w.stem === 'accueil')).toBeDefined();
    const shares = issy.matchedWords.reduce((s, w) => s + w.share, 0);
    expect(shares).toBeGreaterThan(0.5);
    expect(shares).toBeLessThanOrEqual(1.001);
    expect(issy.territories.map((p) => p.name)).toEqual(['Issy-les-Moulineaux']);
    expect(res.body.method).toMatch(/TF-IDF/);
    const childhood = await similar(idOf(GROUPS.petiteEnfance[0]!));
    // « jeune enfant » and « petite enfance » are one term.
    expect(childhood.body.items[0]!.matchedWords.map((w) => w.word)).toContain('jeune enfant');
  });

  it('compares only with what the caller may see', async () => {
    const orgs = (await t.request<{ id: number; name: string }[]>({ method: 'GET', url: '/api/v1/organisations?limit=200' })).body;
    const bc = orgs.find((o) => o.name === 'Ville de Bois-Colombes')!.id;
    await createUser(t.database, { email: 'bc-semblables@exemple.fr', password: PASSWORD, memberships: [{ organisationId: bc, role: 'partner_reader' }] });
    const { cookie, csrf } = await signIn(t, 'bc-semblables@exemple.fr', PASSWORD);
    const own = await similar(idOf(GROUPS.handicap[0]!), { headers: { cookie, 'x-csrf-token': csrf } });
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
    expect(own.body.comparedCount).toBe(0);
    const other = await similar(idOf(GROUPS.handicap[1]!), { headers: { cookie, 'x-csrf-token': csrf } });
    expect(other.status).toBe(403);

    const publicList = (await t.request<Page<Action>>({ method: 'GET', url: '/api/v1/actions?limit=200', anonymous: true })).body.items;
    const highlighted = new Set(publicList.map((a) => a.id));
    const anonymous = await similar(publicList[0]!.id, { anonymous: true });
    expect(anonymous.status).toBe(200);
    for (const item of anonymous.body.items) expect(highlighted.has(item.id)).toBe(true);
  });

  it('answers 404 for an unknown action and 400 naming the field for a bad limit', async () => {
    expect((await similar(999_999)).status).toBe(404);
    const bad = await t.request<ErrorResponse>({ method: 'GET', url: `/api/v1/actions/${actions[0]!.id}/similar?limit=500` });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/limit|nombre/i);
  });
});
