import type { ServiceContext } from '../platform/context.js';
import { HttpError } from '../platform/http/errors.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.repository.js';
import { joinTransaction } from '../imports/within-transaction.js';
import { createAxis, listAxesOf } from '../plans/axes.service.js';
import { listActionsOfConventions, updateAction } from '../plans/actions.service.js';
import { createActions } from '../plans/actions-bulk.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { Action, BudgetLine } from '../../shared/api/actions.js';
import type { PlanImportIssue, PlanImportReport } from '../../shared/api/office.js';
import type { ParsedAction } from './plan-import.parse.js';
import { normalizeHeader } from './plan-sheets.js';
import * as repo from './office.repository.js';

interface Planned {
  parsed: ParsedAction;
  existing: Action | null;
  operation: 'create' | 'update' | 'unchanged';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const budgetKey = (lines: readonly BudgetLine[]) => lines.map((l) => [l.year, l.funder, l.nature, l.plannedCents, l.actualCents ?? null]);

/** True when the row would change nothing on the action (so a re-import writes nothing). */
function unchanged(existing: Action, parsed: ParsedAction, axisId: number | null, parentId: number | null): boolean {
  const wanted = parsed.input;
  const fields = ['title', 'description', 'pilot', 'targetPublic', 'scope', 'status', 'statusReason', 'priority', 'progress', 'startDate', 'endDate', 'highlighted', 'objectives'] as const;
  return (
    fields.every((f) => same(existing[f], wanted[f])) &&
    same(existing.themes, wanted.themes) &&
    same(existing.partners, wanted.partners) &&
    same(existing.axisId, axisId) &&
    same(existing.parentId, parentId) &&
    same(budgetKey(existing.budgetLines), budgetKey(wanted.budgetLines))
  );
}

const issueFields = (errors: PlanImportIssue[]) =>
  errors.map((e) => ({
    path: [e.sheet, e.row ? `ligne ${e.row}` : null, e.column ? `colonne ${e.column}` : null].filter(Boolean).join(', '),
    message: e.message,
  }));

/**
 * Imports a plan workbook into a convention: every row is checked first; a dry run describes what
 * would be created or updated; otherwise everything is written in one transaction, or nothing.
 */
export async function importPlanXlsx(ctx: ServiceContext, conventionId: number, content: Buffer, dryRun: boolean): Promise<PlanImportReport> {
  await requireConventionAccess(ctx.db, principalOf(ctx), conventionId, 'editPlan');
  const { actions: parsed, errors } = await (await import('./plan-import.parse.js')).parsePlanWorkbook(content, await listThemes(ctx.db));
  const existing = await listActionsOfConventions(ctx.db, [conventionId]);
  const byId = new Map(existing.map((a) => [a.id, a]));
  const { byRef } = await repo.actionRefsOf(ctx.db, conventionId);
  const claimed = new Set(byRef.values());
  const axes = await listAxesOf(ctx.db, conventionId);
  const axisIds = new Map(axes.map((a) => [normalizeHeader(a.title), a.id]));
  const axesToCreate = [...new Map(parsed.filter((p) => p.axis && !axisIds.has(normalizeHeader(p.axis))).map((p) => [normalizeHeader(p.axis!), p.axis!])).values()];

  const targetOf = (ref: string): Action | null => {
    const mapped = byRef.get(ref);
    if (mapped !== undefined) return byId.get(mapped) ?? null;
    // An export of this very convention carries the action ids as references.
    const own = /^A(\d+)$/.exec(ref);
    const id = own ? Number(own[1]) : NaN;
    return byId.has(id) && !claimed.has(id) ? byId.get(id)! : null;
  };
  const parentIdOf = (p: ParsedAction, created: Map<string, number>) => (p.parentRef ? (targetOf(p.parentRef)?.id ?? created.get(p.parentRef) ?? null) : null);
  const planned: Planned[] = parsed.map((p) => {
    const target = targetOf(p.ref);
    const axisId = p.axis ? (axisIds.get(normalizeHeader(p.axis)) ?? -1) : null;
    const operation = !target ? 'create' : unchanged(target, p, axisId, parentIdOf(p, new Map())) ? 'unchanged' : 'update';
    return { parsed: p, existing: target, operation };
  });
  const report = (applied: boolean, created = new Map<string, number>()): PlanImportReport => ({
    dryRun,
    applied,
    summary: {
      actionsCreated: planned.filter((p) => p.operation === 'create').length,
      actionsUpdated: planned.filter((p) => p.operation === 'update').length,
      actionsUnchanged: planned.filter((p) => p.operation === 'unchanged').length,
      axesCreated: axesToCreate.length,
      budgetLines: parsed.reduce((n, p) => n + p.input.budgetLines.length, 0),
    },
    actions: planned.map((p) => ({
      row: p.parsed.row,
      ref: p.parsed.ref,
      title: p.parsed.input.title,
      operation: p.operation,
      actionId: p.existing?.id ?? created.get(p.parsed.ref) ?? null,
    })),
    axesCreated: axesToCreate,
    errors,
  });
  if (errors.length) {
    if (dryRun) return report(false);
    throw new HttpError(422, 'import_invalid', `Le classeur contient ${errors.length} erreur${errors.length > 1 ? 's' : ''} : rien n’a été importé.`, issueFields(errors));
  }
  if (dryRun || planned.every((p) => p.operation === 'unchanged' && byRef.get(p.parsed.ref) === p.existing!.id)) return report(!dryRun);

  const created = new Map<string, number>();
  await ctx.db.transaction().execute(async (trx) => {
    const inner = joinTransaction(ctx, trx);
    for (const title of axesToCreate) axisIds.set(normalizeHeader(title), (await createAxis(inner, conventionId, { title })).id);
    // Parents first, so that sub-actions find them; new actions go in bulk, one call per level.
    for (const level of [planned.filter((p) => !p.parsed.parentRef), planned.filter((p) => p.parsed.parentRef)]) {
      const inputOf = (p: Planned) => ({ ...p.parsed.input, axisId: p.parsed.axis ? axisIds.get(normalizeHeader(p.parsed.axis))! : null, parentId: parentIdOf(p.parsed, created) });
      const toCreate = level.filter((p) => p.operation === 'create');
      const actions = await createActions(inner, conventionId, toCreate.map(inputOf));
      toCreate.forEach((p, i) => created.set(p.parsed.ref, actions[i]!.id));
      for (const p of level.filter((p) => p.operation === 'update')) await updateAction(inner, p.existing!.id, { ...inputOf(p), version: p.existing!.version });
    }
    const refs = new Map(planned.map((p) => [p.parsed.ref, p.existing?.id ?? created.get(p.parsed.ref)!] as const).filter(([ref, id]) => byRef.get(ref) !== id));
    await repo.saveActionRefs(trx, conventionId, refs);
    const result = report(true, created);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'convention', entityId: conventionId, operation: 'update', after: { importXlsx: result.summary } });
  });
  return report(true, created);
}
