import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ChildcareCoverage, DataImportResult, DataSeries, SeriesCompare } from '../../shared/api/diagnostics.js';
import type { ErrorResponse } from '../../shared/api/common.js';

const CAFDATA_CAPACITY = [
  'Code_geo;Millesime_geo;Date_ref;Valeur',
  '92009;2024;2022-12-31;1 035',
  '92009;2024;2023-12-31;1 060',
  '92;2024;2022-12-31;37 515',
  '92;2024;2023-12-31;37 880',
  'FR;2024;2022-12-31;1 352 440',
].join('\r\n');
const GENERIC_CHILDREN = ['territoire,date,valeur', '92009,2022,1180', '92009,2023,1165', '92,2023,62300'].join('\n');

describe.each(ENGINES)('diagnostic data series (%s)', (engine) => {
  let t: TestApp;
  const post = (payload: Record<string, unknown>) => t.request<DataImportResult & ErrorResponse>({ method: 'POST', url: '/api/v1/diagnostics/imports', payload });
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('loads a valid Cafdata file and a generic one', async () => {
    const capacity = await post({ series: { code: 'places_accueil_jeune_enfant', label: 'Places d’accueil du jeune enfant', unit: 'places', source: 'Cafdata' }, layout: 'cafdata', csv: CAFDATA_CAPACITY });
    expect(capacity.status).toBe(201);
    expect(capacity.body.imported).toBe(5);
    expect(capacity.body.series).toMatchObject({ code: 'places_accueil_jeune_enfant', roundedTo: 5, valueCount: 5, layout: 'cafdata' });
    const children = await post({ series: { code: 'enfants_moins_3_ans', label: 'Enfants de moins de 3 ans', unit: 'enfants' }, layout: 'generique', csv: GENERIC_CHILDREN });
    expect(children.status).toBe(201);
    expect(children.body.series.roundedTo).toBeNull();
    const list = await t.request<DataSeries[]>({ method: 'GET', url: '/api/v1/diagnostics/series' });
    expect(list.body.map((s) => [s.code, s.valueCount])).toEqual([
      ['enfants_moins_3_ans', 3],
      ['places_accueil_jeune_enfant', 5],
    ]);
  });

  it('shows a commune against its département and France, and computes the childcare coverage rate with its definition', async () => {
    const compare = await t.request<SeriesCompare>({ method: 'GET', url: '/api/v1/diagnostics/series/places_accueil_jeune_enfant/compare?territory=92009' });
    expect(compare.status).toBe(200);
    expect(compare.body.departement).toEqual({ code: '92', name: 'Hauts-de-Seine' });
    expect(compare.body.points).toEqual([
      { date: '2022-12-31', territory: 1035, departement: 37515, france: 1352440 },
      { date: '2023-12-31', territory: 1060, departement: 37880, france: null },
    ]);
    const rate = await t.request<ChildcareCoverage>({
      method: 'GET',
      url: '/api/v1/diagnostics/childcare-coverage?territory=92009&capacitySeries=places_accueil_jeune_enfant&childrenSeries=enfants_moins_3_ans',
    });
    expect(rate.status).toBe(200);
    expect(rate.body.definition).toMatch(/pour 100 enfants de moins de 3 ans/);
    expect(rate.body.points).toEqual([
      { date: '2022-12-31', capacity: 1035, children: 1180, rate: Math.round((1035 / 1180) * 1000) / 10 },
      { date: '2023-12-31', capacity: 1060, children: 1165, rate: Math.round((1060 / 1165) * 1000) / 10 },
    ]);
  });

  it.each([
    ['a value that is not a number', ['Code_geo;Millesime_geo;Date_ref;Valeur', '92009;2024;2022-12-31;120', '92012;2024;2022-12-31;n.d.', '92040;2024;2022-12-31;95'], 3, /valeur « n\.d\. »/],
    ['an unknown commune', ['Code_geo;Millesime_geo;Date_ref;Valeur', '92009;2024;2022-12-31;120', '92999;2024;2022-12-31;5'], 3, /92999/],
    ['an impossible date', ['Code_geo;Millesime_geo;Date_ref;Valeur', '92009;2024;2022-02-30;120'], 2, /date « 2022-02-30 »/],
    ['a duplicate line', ['Code_geo;Millesime_geo;Date_ref;Valeur', '92009;2024;2022;120', '92009;2024;2022-12-31;125'], 3, /doublon de la ligne 2/],
    ['a missing column', ['Code_geo;Date_ref;Valeur', '92009;2022;120'], 1, /millésime géographique/],
  ])('refuses a file with %s: loads nothing and reports the line', async (_label, lines, line, message) => {
    const before = await snapshotCounts(t.database);
    const res = await post({ series: { code: 'serie_refusee', label: 'Série refusée', unit: 'foyers' }, layout: 'cafdata', csv: lines.join('\n') });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('rien n’a été importé');
    expect(res.body.error.fields).toEqual([{ path: `csv.${line}`, message: expect.stringMatching(message) }]);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('refuses an unknown series or territory with a French message naming the field', async () => {
    const res = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/diagnostics/childcare-coverage?territory=92009&capacitySeries=inconnue&childrenSeries=enfants_moins_3_ans' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.path).toBe('capacitySeries');
    expect(res.body.error.message).toContain('série des places d’accueil');
    const missing = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/diagnostics/series/inconnue/compare?territory=92009' });
    expect(missing.status).toBe(404);
  });
});
