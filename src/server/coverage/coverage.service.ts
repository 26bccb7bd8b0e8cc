import type { Executor } from '../platform/db/schema.js';
import { invalidField } from '../platform/http/errors.js';
import type {
  Coverage,
  CoverageAreas,
  CoverageQuery,
  CoverageScope,
  CoverageTimeline,
  CoverageTimelineQuery,
} from '../../shared/api/coverage.js';
import * as repo from './coverage.repository.js';
import { targetsByYear } from './targets.repository.js';
import { regionName } from './regions.js';

export const today = (): string => new Date().toISOString().slice(0, 10);
const rateOf = (covered: number, population: number): number => (population > 0 ? covered / population : 0);

/** Resolves the scope of a query, refusing unknown codes with a French message naming the field. */
export async function resolveScope(db: Executor, query: { departement?: string; region?: string }): Promise<{ filter: repo.ScopeFilter; scope: CoverageScope }> {
  if (query.departement) {
    const row = await repo.findTerritoryName(db, query.departement, 'departement');
    if (!row) throw invalidField('departement', `aucun département chargé n’a le code ${query.departement}.`);
    return { filter: { kind: 'departement', code: query.departement }, scope: { kind: 'departement', code: query.departement, name: row.name } };
  }
  if (query.region) {
    const name = regionName(query.region);
    if (!name || !(await repo.regionHasCommunes(db, query.region))) {
      throw invalidField('region', `aucune région chargée n’a le code ${query.region}.`);
    }
    return { filter: { kind: 'region', code: query.region }, scope: { kind: 'region', code: query.region, name } };
  }
  return { filter: { kind: 'france' }, scope: { kind: 'france', code: null, name: 'France' } };
}

export async function getCoverage(db: Executor, query: CoverageQuery): Promise<Coverage> {
  const date = query.date ?? today();
  const { filter, scope } = await resolveScope(db, query);
  const totals = await repo.coverageTotals(db, filter, date);
  const pairs = await repo.coveringConventions(db, filter, date);
  const byCommune = new Map<string, number[]>();
  for (const p of pairs) byCommune.set(p.communeCode, [...(byCommune.get(p.communeCode) ?? []), p.conventionId]);
  const list = query.communes ?? (scope.kind === 'departement' ? 'all' : 'covered');
  const rows = list === 'none' ? [] : await repo.communesOfScope(db, filter, date, list === 'covered');
  return {
    population: totals.population,
    coveredPopulation: totals.coveredPopulation,
    rate: rateOf(totals.coveredPopulation, totals.population),
    communes: rows.map((r) => ({
      code: r.code,
      name: r.name,
      departementCode: r.departement_code,
      population: Number(r.population ?? 0),
      covered: byCommune.has(r.code),
      conventionIds: byCommune.get(r.code) ?? [],
    })),
    scope,
    date,
    communeCount: totals.communeCount,
    coveredCommuneCount: totals.coveredCommuneCount,
    conventionIds: [...new Set(pairs.map((p) => p.conventionId))].sort((a, b) => a - b),
  };
}

export async function getCoverageByDepartement(db: Executor, date = today()): Promise<CoverageAreas> {
  const names = new Map((await repo.departementNames(db)).map((d) => [d.code, d]));
  const areas = await repo.coverageByArea(db, 'departement', date);
  return {
    date,
    areas: areas.map((a) => ({
      code: a.area,
      name: names.get(a.area)?.name ?? a.area,
      regionCode: names.get(a.area)?.region_code ?? null,
      ...totalsOf(a),
    })),
  };
}

export async function getCoverageByRegion(db: Executor, date = today()): Promise<CoverageAreas> {
  const areas = await repo.coverageByArea(db, 'region', date);
  return { date, areas: areas.map((a) => ({ code: a.area, name: regionName(a.area) ?? a.area, regionCode: a.area, ...totalsOf(a) })) };
}

function totalsOf(t: repo.CoverageTotals) {
  return { ...t, rate: rateOf(t.coveredPopulation, t.population) };
}

/** Coverage on 31 December of each year, against the Caf's targets (or the national trajectory). */
export async function getCoverageTimeline(db: Executor, query: CoverageTimelineQuery): Promise<CoverageTimeline> {
  const { filter, scope } = await resolveScope(db, query);
  const thisYear = Number(today().slice(0, 4));
  const from = query.from ?? 2018;
  const to = query.to ?? Math.min(Math.max((await repo.lastEndYear(db)) ?? thisYear, thisYear), thisYear + 6);
  if (to < from) throw invalidField('to', 'la dernière année doit suivre la première.');
  const caf = filter.kind === 'departement' ? await repo.cafOfDepartement(db, filter.code) : undefined;
  const cafTargets = caf ? await targetsByYear(db, caf.id) : new Map<number, number>();
  const targets = cafTargets.size > 0 ? cafTargets : await targetsByYear(db, null);
  const points: CoverageTimeline['points'] = [];
  for (let year = from; year <= to; year++) {
    const date = `${year}-12-31`;
    const totals = await repo.coverageTotals(db, filter, date);
    points.push({
      year,
      date,
      population: totals.population,
      coveredPopulation: totals.coveredPopulation,
      rate: rateOf(totals.coveredPopulation, totals.population),
      target: targets.get(year) ?? null,
    });
  }
  return { scope, targetSource: cafTargets.size > 0 ? 'caf' : 'national', points };
}
