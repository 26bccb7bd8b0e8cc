import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso, toFlag } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { emitIfNowAtRisk } from '../webhooks/webhooks.emit.js';
import { requireConventionRow, touchConvention } from '../conventions/conventions.repository.js';
import { findAction } from '../plans/actions.repository.js';
import { findAxis } from '../plans/axes.repository.js';
import type { Indicator, IndicatorCreateInput, IndicatorUpdateInput, IndicatorValueInput } from '../../shared/api/indicators.js';
import * as repo from './indicators.repository.js';
import { principalOf } from '../accounts/access.js';
import { requireEditorOfAction } from '../plans/pilots.js';
import { presentIndicator } from './indicators.presenter.js';
import { requireUnlockedValue } from '../campaigns/campaigns.service.js';

export async function getIndicator(db: Executor, id: number): Promise<Indicator> {
  const row = await repo.findIndicator(db, id);
  if (!row) throw notFound(`Indicateur ${id}`);
  return presentIndicator(row, await repo.valuesOf(db, [id]));
}

/** Indicators with their values and states; `asOf` computes the states at that date (reviews). */
export async function listIndicators(db: Executor, filter: { conventionId?: number; actionId?: number; axisId?: number }, asOf?: string): Promise<Indicator[]> {
  const rows = await repo.listIndicators(db, filter);
  const values = await repo.valuesOf(db, rows.map((r) => r.id));
  return rows.map((row) => presentIndicator(row, values, asOf));
}

export async function listIndicatorsOfConvention(db: Executor, conventionId: number, asOf?: string): Promise<Indicator[]> {
  await requireConventionRow(db, conventionId);
  return listIndicators(db, { conventionId }, asOf);
}

function checkDates(baselineDate: string, targetDate: string) {
  if (targetDate <= baselineDate) throw invalidField('targetDate', 'la date de la cible doit suivre la date de la valeur de référence.');
}

/** An indicator hangs on one action or one axis of the convention. */
async function checkOwner(db: Executor, conventionId: number, input: { actionId?: number | null; axisId?: number | null }) {
  if (!input.actionId === !input.axisId) throw businessRule('Rattachez l’indicateur à une action ou à un axe (l’un des deux).', 'actionId');
  if (input.actionId) {
    const action = await findAction(db, input.actionId);
    if (action?.convention_id !== conventionId) throw invalidField('actionId', `l’action ${input.actionId} n’appartient pas à cette convention.`);
  }
  if (input.axisId) {
    const axis = await findAxis(db, input.axisId);
    if (axis?.convention_id !== conventionId) throw invalidField('axisId', `l’axe ${input.axisId} n’appartient pas à cette convention.`);
  }
}

export async function createIndicator(ctx: ServiceContext, conventionId: number, input: IndicatorCreateInput, options: { illustrative?: boolean } = {}): Promise<Indicator> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionRow(trx, conventionId);
    await checkOwner(trx, conventionId, input);
    await requireEditorOfAction(trx, principalOf(ctx), conventionId, input.actionId ?? null);
    checkDates(input.baselineDate, input.targetDate);
    const now = nowIso();
    const id = await repo.insertIndicator(trx, {
      convention_id: conventionId,
      action_id: input.actionId ?? null,
      axis_id: input.axisId ?? null,
      title: input.title,
      kind: input.kind,
      unit: input.unit,
      direction: input.direction,
      baseline_value: input.baselineValue,
      baseline_date: input.baselineDate,
      target_value: input.targetValue,
      target_date: input.targetDate,
      illustrative: toFlag(options.illustrative ?? false),
      created_at: now,
      updated_at: now,
    });
    const created = await getIndicator(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'indicator', entityId: id, operation: 'create', after: created, origin: ctx.origin });
    await touchConvention(trx, conventionId, now);
    return created;
  });
}

export async function updateIndicator(ctx: ServiceContext, id: number, input: IndicatorUpdateInput): Promise<Indicator> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getIndicator(trx, id);
    await requireEditorOfAction(trx, principalOf(ctx), before.conventionId, before.actionId);
    if (before.version !== input.version) throw staleVersion(before);
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Indicator;
    checkDates(merged.baselineDate, merged.targetDate);
    const now = nowIso();
    const ok = await repo.updateIndicator(trx, id, input.version, {
      title: merged.title,
      kind: merged.kind,
      unit: merged.unit,
      direction: merged.direction,
      baseline_value: merged.baselineValue,
      baseline_date: merged.baselineDate,
      target_value: merged.targetValue,
      target_date: merged.targetDate,
      updated_at: now,
    });
    if (!ok) throw staleVersion(await getIndicator(trx, id));
    const after = await getIndicator(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'indicator', entityId: id, operation: 'update', before, after, origin: ctx.origin });
    await emitIfNowAtRisk(trx, before, after);
    await touchConvention(trx, before.conventionId, now);
    return after;
  });
}

/** A measured value; the indicator comes back with its new state. */
export async function addValue(ctx: ServiceContext, indicatorId: number, input: IndicatorValueInput): Promise<Indicator> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getIndicator(trx, indicatorId);
    await requireEditorOfAction(trx, principalOf(ctx), before.conventionId, before.actionId);
    await requireUnlockedValue(trx, before.conventionId, input.date);
    if (input.version !== undefined && before.version !== input.version) throw staleVersion(before);
    const now = nowIso();
    // Version first: on PostgreSQL the row lock makes a concurrent entry wait, then see the new version.
    if (!(await repo.touchIndicator(trx, indicatorId, now, input.version))) throw staleVersion(await getIndicator(trx, indicatorId));
    await repo.insertValue(trx, {
      indicator_id: indicatorId,
      date: input.date,
      value: input.value,
      source: input.source ?? null,
      comment: input.comment ?? null,
      created_at: now,
    });
    const after = await getIndicator(trx, indicatorId);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'indicator', entityId: indicatorId, operation: 'update', before, after, origin: ctx.origin });
    await emitIfNowAtRisk(trx, before, after);
    await touchConvention(trx, before.conventionId, now);
    return after;
  });
}

export async function deleteValue(ctx: ServiceContext, valueId: number): Promise<Indicator> {
  return ctx.db.transaction().execute(async (trx) => {
    const value = await repo.findValue(trx, valueId);
    if (!value) throw notFound(`Valeur ${valueId}`);
    const before = await getIndicator(trx, value.indicator_id);
    await requireEditorOfAction(trx, principalOf(ctx), before.conventionId, before.actionId);
    await requireUnlockedValue(trx, before.conventionId, value.date);
    await repo.deleteValue(trx, valueId);
    const now = nowIso();
    await repo.touchIndicator(trx, value.indicator_id, now);
    const after = await getIndicator(trx, value.indicator_id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'indicator', entityId: value.indicator_id, operation: 'update', before, after, origin: ctx.origin });
    await emitIfNowAtRisk(trx, before, after);
    return after;
  });
}

/** Deletes an indicator and its values; validated reviews keep their frozen copy. */
export async function deleteIndicator(ctx: ServiceContext, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getIndicator(trx, id);
    await requireEditorOfAction(trx, principalOf(ctx), before.conventionId, before.actionId);
    for (const value of before.values) await requireUnlockedValue(trx, before.conventionId, value.date);
    if (before.version !== version || !(await repo.deleteIndicator(trx, id, version))) throw staleVersion(before);
    await touchConvention(trx, before.conventionId, nowIso());
    await recordAudit(trx, { actor: ctx.actor, entityType: 'indicator', entityId: id, operation: 'delete', before });
  });
}
