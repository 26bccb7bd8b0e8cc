import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso, toJsonList, fromJsonList } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireConventionRow, touchConvention } from '../conventions/conventions.repository.js';
import { listActionsOfConventions } from '../plans/actions.service.js';
import { listAxesOf } from '../plans/axes.service.js';
import { diffPlans, type PlanDiff, type PlanSnapshot } from '../../shared/plan-diff.js';
import type { Amendment, AmendmentCreateInput, AmendmentUpdateInput, PlanVersion, PlanVersionSummary } from '../../shared/api/amendments.js';
import * as repo from './amendments.repository.js';

/** The plan as it stands: versioned apart from the convention itself. */
export async function currentPlan(db: Executor, conventionId: number): Promise<PlanSnapshot> {
  const axes = await listAxesOf(db, conventionId);
  const actions = await listActionsOfConventions(db, [conventionId]);
  return {
    axes: axes.map((a) => ({ id: a.id, title: a.title, position: a.position })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      axisIds: a.axisIds,
      parentId: a.parentId,
      themes: a.themes,
      pilot: a.pilot,
      status: a.status,
      progress: a.progress,
      startDate: a.startDate,
      endDate: a.endDate,
      plannedCents: a.budgetLines.reduce((sum, l) => sum + l.plannedCents, 0),
    })),
  };
}

function presentVersion(row: repo.PlanVersionRow): PlanVersion {
  const snapshot = JSON.parse(row.snapshot) as PlanSnapshot;
  return {
    id: row.id,
    conventionId: row.convention_id,
    number: row.number,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    axisCount: snapshot.axes.length,
    actionCount: snapshot.actions.length,
    snapshot,
  };
}
const summaryOf = ({ snapshot: _snapshot, ...summary }: PlanVersion): PlanVersionSummary => summary;

export async function listPlanVersions(db: Executor, conventionId: number): Promise<PlanVersionSummary[]> {
  await requireConventionRow(db, conventionId);
  return (await repo.listPlanVersions(db, conventionId)).map((r) => summaryOf(presentVersion(r)));
}

export async function getPlanVersion(db: Executor, id: number): Promise<PlanVersion> {
  const row = await repo.findPlanVersion(db, id);
  if (!row) throw notFound(`Version du plan ${id}`);
  return presentVersion(row);
}

async function recordPlanVersion(ctx: ServiceContext, trx: Executor, conventionId: number, label: string): Promise<PlanVersion> {
  const id = await repo.insertPlanVersion(trx, {
    convention_id: conventionId,
    number: await repo.nextNumber(trx, 'plan_version', conventionId),
    label,
    snapshot: JSON.stringify(await currentPlan(trx, conventionId)),
    created_at: nowIso(),
    created_by: ctx.actor,
  });
  const version = await getPlanVersion(trx, id);
  await recordAudit(trx, { actor: ctx.actor, entityType: 'plan_version', entityId: id, operation: 'create', after: summaryOf(version) });
  return version;
}

export async function createPlanVersion(ctx: ServiceContext, conventionId: number, label: string): Promise<PlanVersion> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionRow(trx, conventionId);
    return recordPlanVersion(ctx, trx, conventionId, label);
  });
}

/** The diff between a recorded version and another one, or the current plan. */
export async function planDiff(db: Executor, conventionId: number, fromId: number, to: number | 'current'): Promise<PlanDiff> {
  const from = await getPlanVersion(db, fromId);
  if (from.conventionId !== conventionId) throw notFound(`Version du plan ${fromId}`);
  let target: PlanSnapshot;
  if (to === 'current') target = await currentPlan(db, conventionId);
  else {
    const version = await getPlanVersion(db, to);
    if (version.conventionId !== conventionId) throw notFound(`Version du plan ${to}`);
    target = version.snapshot;
  }
  return diffPlans(from.snapshot, target);
}

async function presentAmendment(db: Executor, row: repo.AmendmentRow): Promise<Amendment> {
  return {
    id: row.id,
    conventionId: row.convention_id,
    number: row.number,
    title: row.title,
    date: row.date,
    summary: row.summary,
    signedBy: fromJsonList(row.signed_by),
    planVersion: row.plan_version_id ? summaryOf(await getPlanVersion(db, row.plan_version_id)) : null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function getAmendment(db: Executor, id: number): Promise<Amendment> {
  const row = await repo.findAmendment(db, id);
  if (!row) throw notFound(`Avenant ${id}`);
  return presentAmendment(db, row);
}

export async function listAmendments(db: Executor, conventionId: number): Promise<Amendment[]> {
  await requireConventionRow(db, conventionId);
  const list: Amendment[] = [];
  for (const row of await repo.listAmendments(db, conventionId)) list.push(await presentAmendment(db, row));
  return list;
}

/** Numbered in order per convention; may record the plan as it stands with it (e.g. a plan added by avenant n°1). */
export async function createAmendment(ctx: ServiceContext, conventionId: number, input: AmendmentCreateInput): Promise<Amendment> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionRow(trx, conventionId);
    const number = await repo.nextNumber(trx, 'amendment', conventionId);
    const planVersion = input.recordPlanVersion ? await recordPlanVersion(ctx, trx, conventionId, `Plan annexé à l’avenant n° ${number}`) : null;
    const now = nowIso();
    const id = await repo.insertAmendment(trx, {
      convention_id: conventionId,
      number,
      title: input.title,
      date: input.date,
      summary: input.summary ?? null,
      signed_by: toJsonList(input.signedBy),
      plan_version_id: planVersion?.id ?? null,
      created_at: now,
      updated_at: now,
    });
    await touchConvention(trx, conventionId, now);
    const created = await getAmendment(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'amendment', entityId: id, operation: 'create', after: created });
    return created;
  });
}

export async function updateAmendment(ctx: ServiceContext, id: number, input: AmendmentUpdateInput): Promise<Amendment> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getAmendment(trx, id);
    if (before.version !== input.version) throw staleVersion(before);
    const now = nowIso();
    const ok = await repo.updateAmendment(trx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.date !== undefined && { date: input.date }),
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(input.signedBy !== undefined && { signed_by: toJsonList(input.signedBy) }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(await getAmendment(trx, id));
    await touchConvention(trx, before.conventionId, now);
    const after = await getAmendment(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'amendment', entityId: id, operation: 'update', before, after });
    return after;
  });
}
