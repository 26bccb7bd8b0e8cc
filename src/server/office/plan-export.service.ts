import type { ServiceContext } from '../platform/context.js';
import type { Executor } from '../platform/db/schema.js';
import { notFound } from '../platform/http/errors.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { recordSecurityEvent } from '../accounts/accounts.repository.js';
import { listAxesOf } from '../plans/axes.service.js';
import { listActionsOfConventions } from '../plans/actions.service.js';
import { listIndicatorsOfConvention } from '../indicators/indicators.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { PlanData } from './plan-workbook.js';
import * as repo from './office.repository.js';

/** The reference of an action that has none yet: its id, so a re-import into the same convention finds it. */
export const defaultRef = (actionId: number) => `A${actionId}`;

export async function loadPlan(db: Executor, conventionId: number): Promise<PlanData> {
  const title = await repo.conventionTitleOf(db, conventionId);
  if (title === undefined) throw notFound(`Convention ${conventionId}`);
  const { byId } = await repo.actionRefsOf(db, conventionId);
  const actions = await listActionsOfConventions(db, [conventionId]);
  return {
    title,
    axes: await listAxesOf(db, conventionId),
    actions,
    indicators: await listIndicatorsOfConvention(db, conventionId),
    refs: new Map(actions.map((a) => [a.id, byId.get(a.id) ?? defaultRef(a.id)])),
    themeLabels: new Map((await listThemes(db)).map((t) => [t.code, t.label])),
  };
}

/** Every export is written in the security log: who took which data out, in which format. */
export async function logExport(ctx: ServiceContext, details: { format: string; what: string; conventionId?: number; count?: number; filters?: object }): Promise<void> {
  await recordSecurityEvent(ctx.db, { actor: ctx.actor, event: 'export', details });
}

export const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);

export async function exportPlanXlsx(ctx: ServiceContext, conventionId: number): Promise<{ filename: string; buffer: Buffer }> {
  await requireConventionAccess(ctx.db, principalOf(ctx), conventionId, 'read');
  const plan = await loadPlan(ctx.db, conventionId);
  const buffer = await (await import('./plan-workbook.js')).planWorkbook(plan);
  await logExport(ctx, { format: 'xlsx', what: 'plan', conventionId, count: plan.actions.length });
  return { filename: `plan-actions-${conventionId}-${fileSlug(plan.title)}.xlsx`, buffer };
}

export const planTemplateXlsx = async (): Promise<Buffer> => (await import('./plan-workbook.js')).planTemplate();
