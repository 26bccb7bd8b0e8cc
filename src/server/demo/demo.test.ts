import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';

/** The founding document, read from shared/ (its text is not copied into the project). */
const seed = readFileSync(new URL('../../../../shared/seed/000_57ebfbad31fc1392.txt', import.meta.url), 'utf8')
  .normalize('NFC')
  .replace(/\s+/g, ' ');

const EXPECTED = [
  {
    code: '92009',
    title: 'Convention territoriale globale de Bois-Colombes',
    date: '2023-03-08',
    place: 'Hôtel de ville de Bois-Colombes',
    signatories: [
      ['Yves Révillon', 'maire', 'Ville de Bois-Colombes'],
      ['Fabrice Dorin', 'président du conseil d’administration', 'Caf des Hauts-de-Seine'],
      ['Emmanuel Gouault', 'directeur', 'Caf des Hauts-de-Seine'],
    ],
    actions: 5,
  },
  {
    code: '92040',
    title: 'Convention territoriale globale d’Issy-les-Moulineaux',
    date: '2023-03-15',
    place: 'Hôtel de ville d’Issy-les-Moulineaux',
    signatories: [
      ['André Santini', 'maire', 'Ville d’Issy-les-Moulineaux'],
      ['Hugo Dapino', '1er vice-président du conseil d’administration', 'Caf des Hauts-de-Seine'],
      ['Emmanuel Gouault', 'directeur', 'Caf des Hauts-de-Seine'],
    ],
    actions: 7,
  },
  {
    code: '92012',
    title: 'Convention territoriale globale de Boulogne-Billancourt',
    date: '2023-03-20',
    place: 'Mairie de Boulogne-Billancourt',
    signatories: [
      ['Pierre-Christophe Baguet', 'maire, président de Grand Paris Seine Ouest', 'Ville de Boulogne-Billancourt'],
      ['Fabrice Dorin', 'président du conseil d’administration', 'Caf des Hauts-de-Seine'],
      ['Emmanuel Gouault', 'directeur', 'Caf des Hauts-de-Seine'],
    ],
    actions: 4,
  },
] as const;

const FRENCH_MONTHS = ['janvier', 'février', 'mars'];

describe('the demo facts match the founding document', () => {
  it('names every signatory, date and named place that the document names', () => {
    for (const expected of EXPECTED) {
      const [, , month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expected.date)!.map(Number);
      expect(seed).toContain(`${day} ${FRENCH_MONTHS[month! - 1]}`);
      for (const [name] of expected.signatories) expect(seed).toContain(name);
    }
    for (const fact of ['2023 à 2027', 'Espace Andrée Chedid', '1 000 premiers jours', 'Grand Paris Seine Ouest', '1er vice-président']) {
      expect(seed).toContain(fact);
    }
  });
});

describe.each(ENGINES)('demo data through the API (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('lists the three conventions of the Caf des Hauts-de-Seine, 2023–2027, in force', async () => {
    const { status, body } = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' });
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.items.map((c) => c.territories.map((x) => x.code))).toEqual(EXPECTED.map((e) => [e.code]));
    for (const [index, c] of body.items.entries()) {
      expect(c).toMatchObject({
        title: EXPECTED[index]!.title,
        startYear: 2023,
        endYear: 2027,
        status: 'en_cours',
        caf: { name: 'Caf des Hauts-de-Seine', kind: 'caf' },
        firstSignatureDate: EXPECTED[index]!.date,
        actionCount: EXPECTED[index]!.actions,
      });
    }
  });

  it('returns each convention with its parties, signature event, signatories and capacities', async () => {
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' });
    for (const [index, summary] of list.body.items.entries()) {
      const expected = EXPECTED[index]!;
      const { body } = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${summary.id}` });
      expect(body.parties.map((p) => p.organisation.name)).toEqual(['Caf des Hauts-de-Seine', expected.signatories[0][2]]);
      expect(body.signatureEvents).toHaveLength(1);
      const event = body.signatureEvents[0]!;
      expect(event).toMatchObject({ date: expected.date, place: expected.place, kind: 'convention' });
      expect(event.signatories.map((s) => [s.person.fullName, s.capacity, s.organisationName])).toEqual(expected.signatories);
      expect(body.actions).toHaveLength(expected.actions);
      expect(body.actions.every((a) => a.themes.length > 0 && a.highlighted)).toBe(true);
      expect(body.statusHistory.map((h) => h.toStatus)).toEqual(['redaction', 'signee', 'en_cours']);
      expect(body.statusHistory[1]!.effectiveDate).toBe(expected.date);
    }
  });

  it('classifies the projects into themes, with their named places and labels', async () => {
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?territory=92040' });
    expect(list.body.items).toHaveLength(1);
    const { body: issy } = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${list.body.items[0]!.id}` });
    const chedid = issy.actions.find((a) => a.places.includes('Espace Andrée Chedid'))!;
    expect(chedid.labels).toEqual(['1 000 premiers jours']);
    expect(chedid.themes).toContain('parentalite');
    const epinettes = issy.actions.find((a) => a.scope === 'quartier des Épinettes')!;
    expect(epinettes.places).toEqual(['Centre socioculturel du quartier des Épinettes']);
    expect(epinettes.themes).toEqual(['animation_vie_sociale']);
    expect(issy.actions.find((a) => a.themes.includes('logement'))?.title).toMatch(/non décent/);
    const themesByConvention = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?theme=handicap' });
    expect(themesByConvention.body.total).toBe(3);
  });

  it('records Pierre-Christophe Baguet’s two mandates', async () => {
    const { body } = await t.request<{ fullName: string; mandates: { capacity: string; organisation: { name: string } }[] }[]>({
      method: 'GET',
      url: '/api/v1/persons?q=baguet',
    });
    expect(body).toHaveLength(1);
    expect(body[0]!.mandates.map((m) => [m.capacity, m.organisation.name])).toEqual([
      ['maire', 'Ville de Boulogne-Billancourt'],
      ['président', 'Grand Paris Seine Ouest'],
    ]);
  });
});
