import { scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import type { Executor } from '../platform/db/schema.js';
import { invalidField } from '../platform/http/errors.js';
import type { ConventionStatus, ActionStatus } from '../../shared/enums.js';
import type { Renewals, RenewalsQuery, ThemeActions, ThemeActionsQuery, ThemesMatrix, ThemesMatrixQuery } from '../../shared/api/territorial.js';
import { conventionsInForceIds } from './coverage.repository.js';
import { resolveScope, today } from './coverage.service.js';
import * as repo from './territorial.repository.js';

export function groupPlaces(rows: { convention_id: number; code: string; name: string }[]) {
  const byConvention = new Map<number, { code: string; name: string }[]>();
  for (const r of rows) {
    const id = Number(r.convention_id);
    byConvention.set(id, [...(byConvention.get(id) ?? []), { code: r.code, name: r.name }]);
  }
  return byConvention;
}

/** Which convention of the scope commits to which field: declared, and through how many actions. */
export async function getThemesMatrix(db: Executor, principal: Principal, query: ThemesMatrixQuery): Promise<ThemesMatrix> {
  const { filter, scope } = await resolveScope(db, query);
  const conventions = await repo.conventionRows(db, filter, scopeOf(principal));
  const ids = conventions.map((c) => c.id);
  const places = groupPlaces(await repo.perimeters(db, ids));
  const declared = new Set((await repo.declaredThemes(db, ids)).map((d) => `${d.convention_id}:${d.theme_code}`));
  const counts = new Map((await repo.actionCountsByTheme(db, ids)).map((c) => [`${c.conventionId}:${c.theme}`, c.count]));
  const themes = await repo.activeThemes(db);
  const rows = conventions.map((c) => ({
    conventionId: c.id,
    title: c.title,
    status: c.status as ConventionStatus,
    startYear: c.start_year,
    endYear: c.end_year,
    territories: places.get(c.id) ?? [],
    cells: themes.map((t) => ({ theme: t.code, declared: declared.has(`${c.id}:${t.code}`), actionCount: counts.get(`${c.id}:${t.code}`) ?? 0 })),
  }));
  return {
    scope,
    themes: themes.map((t, i) => ({
      code: t.code,
      label: t.label,
      conventionCount: rows.filter((r) => r.cells[i]!.declared || r.cells[i]!.actionCount > 0).length,
      actionCount: rows.reduce((sum, r) => sum + r.cells[i]!.actionCount, 0),
    })),
    rows,
  };
}

/** Anonymous callers see the highlighted actions of signed conventions only, as everywhere else. */
export async function getThemeActions(db: Executor, principal: Principal, query: ThemeActionsQuery): Promise<ThemeActions> {
  const { filter } = await resolveScope(db, query);
  const theme = await repo.findTheme(db, query.theme);
  if (!theme) throw invalidField('theme', `aucun champ d’intervention n’a le code « ${query.theme} ».`);
  let ids = (await repo.conventionRows(db, filter, scopeOf(principal))).map((c) => c.id);
  if (query.convention) ids = ids.filter((id) => id === query.convention);
  const places = groupPlaces(await repo.perimeters(db, ids));
  const actions = (await repo.actionsWithTheme(db, ids, query.theme)).filter((a) => principal.kind !== 'anonymous' || Number(a.highlighted) === 1);
  return {
    theme,
    actions: actions.map((a) => ({
      id: Number(a.id),
      title: a.title,
      description: a.description,
      status: a.status as ActionStatus,
      conventionId: Number(a.convention_id),
      conventionTitle: a.convention_title,
      territories: places.get(Number(a.convention_id)) ?? [],
    })),
  };
}

/** The same day `months` later, clamped to the end of a shorter month (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export async function getRenewals(db: Executor, principal: Principal, query: RenewalsQuery): Promise<Renewals> {
  const date = query.date ?? today();
  const { filter, scope } = await resolveScope(db, query);
  const conventions = await repo.conventionRows(db, filter, scopeOf(principal));
  const ids = conventions.map((c) => c.id);
  const inForce = new Set(await conventionsInForceIds(db, date));
  const signed = await repo.signedBy(db, ids, date);
  const successors = await repo.withSuccessor(db, ids);
  const populations = await repo.perimeterPopulations(db, ids);
  const places = groupPlaces(await repo.perimeters(db, ids));
  const horizon = addMonths(date, query.months);
  const present = (c: (typeof conventions)[number]) => ({
    id: c.id,
    title: c.title,
    status: c.status as ConventionStatus,
    startYear: c.start_year,
    endYear: c.end_year,
    endDate: `${c.end_year}-12-31`,
    population: populations.get(c.id) ?? 0,
    territories: places.get(c.id) ?? [],
  });
  const byEnd = (a: { endDate: string; id: number }, b: { endDate: string; id: number }) => a.endDate.localeCompare(b.endDate) || a.id - b.id;
  const endingSoon = conventions.filter((c) => inForce.has(c.id) && `${c.end_year}-12-31` <= horizon).map(present).sort(byEnd);
  const expiredWithoutSuccessor = conventions
    .filter((c) => signed.has(c.id) && `${c.end_year}-12-31` < date && !successors.has(c.id))
    .map(present)
    .sort(byEnd);
  const communes = await repo.neverCoveredCommunes(db, filter);
  return {
    scope,
    date,
    months: query.months,
    endingSoon,
    expiredWithoutSuccessor,
    neverCovered: { population: communes.reduce((s, c) => s + c.population, 0), communes },
  };
}
