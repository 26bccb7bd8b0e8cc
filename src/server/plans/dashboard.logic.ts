import type { Action } from '../../shared/api/actions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import type { FollowUpDashboard } from '../../shared/api/dashboard.js';
import { INDICATOR_STATES } from '../../shared/plan.js';

/** An action without a dated note for this long is listed as « sans note depuis 12 mois ». */
export const STALE_AFTER_MONTHS = 12;

function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** The per-convention follow-up figures, from the plan as it stands (pure: tested without a database). */
export function buildDashboard(
  convention: { id: number; startYear: number; endYear: number },
  actions: readonly Action[],
  indicators: readonly Indicator[],
  lastNotes: ReadonlyMap<number, string>,
  today: string,
): FollowUpDashboard {
  const byTheme = new Map<string, Record<string, number>>();
  for (const a of actions) {
    const theme = a.themes[0] ?? '';
    const counts = byTheme.get(theme) ?? {};
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    byTheme.set(theme, counts);
  }
  const budgets = new Map<number, { plannedCents: number; actualCents: number }>();
  for (const line of actions.flatMap((a) => a.budgetLines)) {
    const b = budgets.get(line.year) ?? { plannedCents: 0, actualCents: 0 };
    b.plannedCents += line.plannedCents;
    b.actualCents += line.actualCents ?? 0;
    budgets.set(line.year, b);
  }
  const limit = monthsBefore(today, STALE_AFTER_MONTHS);
  const title = new Map(actions.map((a) => [a.id, a.title]));
  return {
    conventionId: convention.id,
    startYear: convention.startYear,
    endYear: convention.endYear,
    statusByTheme: [...byTheme.entries()].map(([theme, counts]) => ({ theme, counts, total: Object.values(counts).reduce((s, n) => s + n, 0) })),
    indicatorsAtRisk: indicators
      .filter((i) => i.assessment.state === 'a_risque')
      .map((i) => ({ id: i.id, title: i.title, actionId: i.actionId, actionTitle: i.actionId ? (title.get(i.actionId) ?? null) : null, explanation: i.assessment.explanation })),
    indicatorStates: Object.fromEntries(INDICATOR_STATES.map((s) => [s, indicators.filter((i) => i.assessment.state === s).length])),
    budgetsByYear: [...budgets.entries()].sort(([a], [b]) => a - b).map(([year, b]) => ({ year, ...b })),
    staleActions: actions
      .filter((a) => a.status !== 'realisee' && a.status !== 'abandonnee')
      .filter((a) => (lastNotes.get(a.id) ?? '') < limit)
      .map((a) => ({ id: a.id, title: a.title, lastNoteDate: lastNotes.get(a.id) ?? null })),
    timeline: actions.map((a) => ({ id: a.id, title: a.title, status: a.status, progress: a.progress, startDate: a.startDate, endDate: a.endDate })),
  };
}
