import type { Indicator } from '../../shared/api/indicators.js';
import { assessIndicator, explainAssessment } from '../../shared/indicator-state.js';
import type { IndicatorDirection, IndicatorKind } from '../../shared/plan.js';
import { fromFlag } from '../platform/db/dialect.js';
import type { IndicatorRow, IndicatorValueRow } from './indicators.repository.js';

/** The indicator with its values and its state, computed at `asOf` (today when omitted). */
export function presentIndicator(row: IndicatorRow, values: IndicatorValueRow[], asOf?: string): Indicator {
  const own = values.filter((v) => v.indicator_id === row.id && (asOf === undefined || v.date <= asOf));
  const base = {
    direction: row.direction as IndicatorDirection,
    baselineValue: Number(row.baseline_value),
    baselineDate: row.baseline_date,
    targetValue: Number(row.target_value),
    targetDate: row.target_date,
  };
  const assessment = assessIndicator(base, own.map((v) => ({ date: v.date, value: Number(v.value) })), asOf);
  return {
    id: row.id,
    conventionId: row.convention_id,
    actionId: row.action_id,
    axisId: row.axis_id,
    title: row.title,
    kind: row.kind as IndicatorKind,
    unit: row.unit,
    ...base,
    illustrative: fromFlag(row.illustrative),
    values: own.map((v) => ({ id: v.id, date: v.date, value: Number(v.value), source: v.source, comment: v.comment })),
    assessment: { ...assessment, explanation: explainAssessment(assessment, row.unit) },
    version: row.version,
    updatedAt: row.updated_at,
  };
}
