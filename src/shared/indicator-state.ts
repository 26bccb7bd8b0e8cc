import type { IndicatorDirection, IndicatorState } from './plan.js';

export interface TrajectoryInput {
  direction: IndicatorDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
}

export interface MeasuredValue {
  date: string;
  value: number;
}

export interface IndicatorAssessment {
  state: IndicatorState;
  /** Value the straight line from baseline to target gives at the measured date (null without data). */
  expected: number | null;
  measured: number | null;
  measuredDate: string | null;
}

/**
 * Share of the baseline → target distance a measured value may lag behind the trajectory and still be
 * « en bonne voie ». Beyond it, the indicator is « à risque ».
 */
export const ON_TRACK_TOLERANCE = 0.1;

const dayOf = (isoDate: string): number => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** The straight trajectory: baseline on its date, target on its date, flat outside that span. */
export function expectedAt(indicator: TrajectoryInput, date: string): number {
  const start = dayOf(indicator.baselineDate);
  const end = dayOf(indicator.targetDate);
  if (end <= start) return indicator.targetValue;
  const share = Math.min(1, Math.max(0, (dayOf(date) - start) / (end - start)));
  return indicator.baselineValue + (indicator.targetValue - indicator.baselineValue) * share;
}

/**
 * The state of an indicator from its latest value on or before `asOf` (every value when omitted):
 * - sans_donnee: no value measured after the baseline date;
 * - atteint: the target is reached (or passed, in the indicator's direction);
 * - en_bonne_voie: at or ahead of the trajectory, or behind by at most ON_TRACK_TOLERANCE of the distance;
 * - a_risque: further behind.
 */
export function assessIndicator(indicator: TrajectoryInput, values: readonly MeasuredValue[], asOf?: string): IndicatorAssessment {
  const eligible = values
    .filter((v) => v.date >= indicator.baselineDate.slice(0, 10) && (asOf === undefined || v.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = eligible[eligible.length - 1];
  if (!latest) return { state: 'sans_donnee', expected: null, measured: null, measuredDate: null };
  const sign = indicator.direction === 'hausse' ? 1 : -1;
  const expected = expectedAt(indicator, latest.date);
  const distance = Math.abs(indicator.targetValue - indicator.baselineValue);
  const base = { expected, measured: latest.value, measuredDate: latest.date };
  if (sign * (latest.value - indicator.targetValue) >= 0) return { state: 'atteint', ...base };
  const lag = sign * (expected - latest.value);
  return { state: lag <= ON_TRACK_TOLERANCE * distance + 1e-9 ? 'en_bonne_voie' : 'a_risque', ...base };
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « attendu 45 en 2025, mesuré 38 » — the reason of the state, in words. */
export function explainAssessment(assessment: IndicatorAssessment, unit: string): string {
  if (assessment.measured === null || assessment.expected === null || !assessment.measuredDate) {
    return 'Aucune valeur mesurée depuis la valeur de référence.';
  }
  const u = unit && unit !== 'nombre' ? ` ${unit}` : '';
  const year = assessment.measuredDate.slice(0, 4);
  return `attendu ${numberFormat.format(assessment.expected)}${u} en ${year}, mesuré ${numberFormat.format(assessment.measured)}${u}`;
}
