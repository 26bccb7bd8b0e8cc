import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { cogCodeOf, cogDepartementPopulation, cogPopulation } from '../../../test/helpers/cog.js';
import type { Coverage, CoverageAreas, CoverageTimeline } from '../../shared/api/coverage.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { ErrorResponse } from '../../shared/api/common.js';

const BOIS = cogCodeOf('Bois-Colombes', '92');
const ISSY = cogCodeOf('Issy-les-Moulineaux', '92');
const BOULOGNE = cogCodeOf('Boulogne-Billancourt', '92');
const ANTONY = cogCodeOf('Antony', '92');

describe.each(ENGINES)('coverage of the population (%s)', (engine) => {
  let t: TestApp;
  let cafId: number;
  const coverage = async (query: string) => {
    const res = await t.request<Coverage>({ method: 'GET', url: `/api/v1/coverage?${query}` });
    expect(res.status).toBe(200);
    return res.body;
  };

  /** A convention taken through signature (dated) and into force, as a Caf agent would. */
  async function signedConvention(territoryCodes: string[], startYear: number, endYear: number, signedOn: string) {
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: `CTG test ${territoryCodes.join(' ')} ${startYear}`, cafId, startYear, endYear, territoryCodes, themes: ['handicap'], status: 'redaction' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.request({ method: 'POST', url: `/api/v1/conventions/${id}/signature-events`, payload: { date: signedOn } })).status).toBe(201);
    let detail = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${id}` })).body;
    detail = (await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${id}/status`, payload: { version: detail.version, status: 'signee', effectiveDate: signedOn } })).body;
    return detail;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    cafId = (await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' })).body[0]!.id;
  });
  afterAll(async () => t.close());

  it('Hauts-de-Seine at 2023-12-31 = (Bois-Colombes + Issy-les-Moulineaux + Boulogne-Billancourt) / département, from the COG figures', async () => {
    const c = await coverage('departement=92&date=2023-12-31');
    const covered = cogPopulation(BOIS) + cogPopulation(ISSY) + cogPopulation(BOULOGNE);
    const population = cogDepartementPopulation('92');
    expect(c.population).toBe(population);
    expect(c.coveredPopulation).toBe(covered);
    expect(c.rate).toBeCloseTo(covered / population, 12);
    expect(c.scope).toEqual({ kind: 'departement', code: '92', name: 'Hauts-de-Seine' });
    expect(c.communes).toHaveLength(c.communeCount);
    expect(c.communes.filter((x) => x.covered).map((x) => x.code).sort()).toEqual([BOIS, BOULOGNE, ISSY].sort());
    expect(c.coveredCommuneCount).toBe(3);
    expect(c.conventionIds).toHaveLength(3);
    const issy = c.communes.find((x) => x.code === ISSY)!;
    expect(issy).toMatchObject({ name: 'Issy-les-Moulineaux', population: cogPopulation(ISSY), departementCode: '92' });
    expect(issy.conventionIds).toHaveLength(1);
  });

  it('counts a convention from its signature day, not before', async () => {
    const before = await coverage('departement=92&date=2023-03-07&communes=covered');
    expect(before.coveredPopulation).toBe(0);
    const onBoisColombesDay = await coverage('departement=92&date=2023-03-08&communes=covered');
    expect(onBoisColombesDay.communes.map((x) => x.code)).toEqual([BOIS]);
  });

  it('gives the same figure for the région and France when only the Hauts-de-Seine is loaded', async () => {
    const region = await coverage('region=11&date=2023-12-31');
    const france = await coverage('date=2023-12-31');
    expect(region.scope).toEqual({ kind: 'region', code: '11', name: 'Île-de-France' });
    expect(region.coveredPopulation).toBe(france.coveredPopulation);
    expect(region.communes.every((x) => x.covered)).toBe(true);
    const departements = (await t.request<CoverageAreas>({ method: 'GET', url: '/api/v1/coverage/departements?date=2023-12-31' })).body;
    expect(departements.areas).toEqual([expect.objectContaining({ code: '92', name: 'Hauts-de-Seine', coveredCommuneCount: 3, population: cogDepartementPopulation('92') })]);
  });

  it('counts a commune in two conventions once', async () => {
    const base = await coverage('departement=92&date=2024-06-30');
    const second = await signedConvention([ISSY], 2024, 2026, '2024-01-15');
    const after = await coverage('departement=92&date=2024-06-30');
    expect(after.coveredPopulation).toBe(base.coveredPopulation);
    expect(after.communes.find((x) => x.code === ISSY)!.conventionIds).toContain(second.id);
    expect(after.communes.find((x) => x.code === ISSY)!.conventionIds).toHaveLength(2);
    // Grand Paris Seine Ouest reaches Issy and Boulogne again, and its other members once each.
    const gpso = await signedConvention(['200057974'], 2024, 2026, '2024-02-01');
    const withGpso = await coverage('departement=92&date=2024-06-30');
    expect(gpso.population).toBeGreaterThan(cogPopulation(ISSY) + cogPopulation(BOULOGNE));
    expect(withGpso.coveredPopulation).toBe(cogPopulation(BOIS) + gpso.population);
  });

  it('stops counting an expired convention the day after its end, and a terminated one from its effective date', async () => {
    await signedConvention([ANTONY], 2019, 2022, '2019-06-01');
    const has = async (date: string) => (await coverage(`departement=92&date=${date}`)).communes.find((x) => x.code === ANTONY)!.covered;
    expect(await has('2019-05-31')).toBe(false);
    expect(await has('2022-12-31')).toBe(true);
    expect(await has('2023-01-01')).toBe(false);

    const terminated = await signedConvention([cogCodeOf('Sceaux', '92')], 2020, 2025, '2020-02-01');
    const running = (await t.request<ConventionDetail>({ method: 'POST', url: `/api/v1/conventions/${terminated.id}/status`, payload: { version: terminated.version, status: 'resiliee', effectiveDate: '2021-09-30' } })).body;
    expect(running.status).toBe('resiliee');
    const sceaux = async (date: string) => (await coverage(`departement=92&date=${date}`)).communes.find((x) => x.name === 'Sceaux')!.covered;
    expect(await sceaux('2021-09-29')).toBe(true);
    expect(await sceaux('2021-09-30')).toBe(false);
  });

  it('draws the yearly timeline against the national trajectory', async () => {
    const res = await t.request<CoverageTimeline>({ method: 'GET', url: '/api/v1/coverage/timeline?departement=92&from=2018&to=2024' });
    expect(res.status).toBe(200);
    expect(res.body.targetSource).toBe('national');
    expect(res.body.points.map((p) => p.target)).toEqual([0.2, 0.35, 0.55, 0.75, 0.85, null, null]);
    const y2023 = res.body.points.find((p) => p.year === 2023)!;
    expect(y2023.coveredPopulation).toBe((await coverage('departement=92&date=2023-12-31')).coveredPopulation);
  });

  it.each([
    ['departement=75', 'departement'],
    ['region=84', 'region'],
    ['departement=92&region=11', 'region'],
    ['date=2023-02-30', 'date'],
    ['communes=toutes', 'communes'],
  ])('rejects %s with a French message naming the field', async (query, field) => {
    const before = await snapshotCounts(t.database);
    const res = await t.request<ErrorResponse>({ method: 'GET', url: `/api/v1/coverage?${query}` });
    expect([400, 422]).toContain(res.status);
    expect(res.body.error.fields?.map((f) => f.path)).toContain(field);
    expect(res.body.error.message).toMatch(/[a-zé]/);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
