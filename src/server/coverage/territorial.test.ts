import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { cogDepartementPopulation, cogPopulation, cogCodeOf } from '../../../test/helpers/cog.js';
import type { Renewals, ThemeActions, ThemesMatrix } from '../../shared/api/territorial.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { ErrorResponse } from '../../shared/api/common.js';

const TOWNS = ['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt'];

describe.each(ENGINES)('themes × territories and renewals (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('shows « Handicap » in all three Hauts-de-Seine conventions, with a drill-down to their actions', async () => {
    const matrix = await t.request<ThemesMatrix>({ method: 'GET', url: '/api/v1/themes-matrix?departement=92' });
    expect(matrix.status).toBe(200);
    expect(matrix.body.rows.map((r) => r.territories[0]!.name)).toEqual(TOWNS);
    const handicap = matrix.body.themes.findIndex((th) => th.code === 'handicap');
    expect(matrix.body.themes[handicap]).toMatchObject({ label: 'Handicap', conventionCount: 3 });
    for (const row of matrix.body.rows) expect(row.cells[handicap]!.declared || row.cells[handicap]!.actionCount > 0).toBe(true);
    const logement = matrix.body.themes.find((th) => th.code === 'logement')!;
    expect(logement.conventionCount).toBe(1);

    const drill = await t.request<ThemeActions>({ method: 'GET', url: '/api/v1/themes-matrix/actions?departement=92&theme=handicap' });
    expect(drill.status).toBe(200);
    expect(drill.body.theme.label).toBe('Handicap');
    expect(drill.body.actions.length).toBe(matrix.body.themes[handicap]!.actionCount);
    const one = matrix.body.rows.find((r) => r.cells[handicap]!.actionCount > 0)!;
    const only = await t.request<ThemeActions>({ method: 'GET', url: `/api/v1/themes-matrix/actions?departement=92&theme=handicap&convention=${one.conventionId}` });
    expect(only.body.actions).toHaveLength(one.cells[handicap]!.actionCount);
    expect(new Set(only.body.actions.map((a) => a.conventionId))).toEqual(new Set([one.conventionId]));
  });

  it('refuses an unknown theme, naming the field', async () => {
    const res = await t.request<ErrorResponse>({ method: 'GET', url: '/api/v1/themes-matrix/actions?departement=92&theme=astronautique' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.path).toBe('theme');
    expect(res.body.error.message).toContain('champ d’intervention');
  });

  it('lists the conventions ending within N months, the expired ones without successor, and the communes never covered', async () => {
    const soon = await t.request<Renewals>({ method: 'GET', url: '/api/v1/renewals?departement=92&date=2027-03-01&months=12' });
    expect(soon.status).toBe(200);
    expect(soon.body.endingSoon.map((c) => c.territories[0]!.name)).toEqual(TOWNS);
    expect(soon.body.endingSoon[0]).toMatchObject({ endDate: '2027-12-31', population: cogPopulation(cogCodeOf('Bois-Colombes', '92')) });
    const notYet = await t.request<Renewals>({ method: 'GET', url: '/api/v1/renewals?departement=92&date=2026-12-01&months=6' });
    expect(notYet.body.endingSoon).toEqual([]);
    const covered = TOWNS.map((n) => cogPopulation(cogCodeOf(n, '92'))).reduce((a, b) => a + b, 0);
    expect(soon.body.neverCovered.communes).toHaveLength(33);
    expect(soon.body.neverCovered.population).toBe(cogDepartementPopulation('92') - covered);

    const after = await t.request<Renewals>({ method: 'GET', url: '/api/v1/renewals?departement=92&date=2028-02-01' });
    expect(after.body.expiredWithoutSuccessor.map((c) => c.territories[0]!.name)).toEqual(TOWNS);
    // Bois-Colombes renews its convention: it leaves the list.
    const cafId = (await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' })).body[0]!.id;
    const bois = after.body.expiredWithoutSuccessor[0]!;
    const renewal = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'CTG de Bois-Colombes 2028–2032', cafId, startYear: 2028, endYear: 2032, territoryCodes: [cogCodeOf('Bois-Colombes', '92')], themes: ['handicap'], predecessorId: bois.id },
    });
    expect(renewal.status).toBe(201);
    const again = await t.request<Renewals>({ method: 'GET', url: '/api/v1/renewals?departement=92&date=2028-02-01' });
    expect(again.body.expiredWithoutSuccessor.map((c) => c.territories[0]!.name)).toEqual(TOWNS.slice(1));
  });
});
