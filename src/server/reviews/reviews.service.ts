import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { emitWebhookEvent } from '../webhooks/webhooks.emit.js';
import { requireConventionRow, touchConvention } from '../conventions/conventions.repository.js';
import { listActionsOfConventions } from '../plans/actions.service.js';
import { listAxesOf } from '../plans/axes.service.js';
import { listIndicators } from '../indicators/indicators.service.js';
import type { AxisNarrative, Evaluation, Review, ReviewCreateInput, ReviewSnapshot, ReviewUpdateInput } from '../../shared/api/reviews.js';
import type { ReviewKind, ReviewStatus } from '../../shared/plan.js';
import * as repo from './reviews.repository.js';

/** Every action's status and progress, every indicator's last value and state, as of `date`. */
export async function takeSnapshot(db: Executor, conventionId: number, date: string): Promise<ReviewSnapshot> {
  const axes = await listAxesOf(db, conventionId);
  const actions = await listActionsOfConventions(db, [conventionId]);
  const indicators = await listIndicators(db, { conventionId }, date);
  return {
    date,
    axes: axes.map((a) => ({ id: a.id, title: a.title, progress: a.progress })),
    actions: actions.map((a) => ({ id: a.id, title: a.title, axisId: a.axisId, status: a.status, statusReason: a.statusReason, progress: a.progress })),
    indicators: indicators.map((i) => ({
      id: i.id,
      title: i.title,
      actionId: i.actionId,
      axisId: i.axisId,
      unit: i.unit,
      targetValue: i.targetValue,
      measured: i.assessment.measured,
      measuredDate: i.assessment.measuredDate,
      expected: i.assessment.expected,
      state: i.assessment.state,
      explanation: i.assessment.explanation,
    })),
  };
}

async function present(db: Executor, row: repo.ReviewRow): Promise<Review> {
  const snapshot = row.snapshot ? (JSON.parse(row.snapshot) as ReviewSnapshot) : await takeSnapshot(db, row.convention_id, row.snapshot_date);
  return {
    id: row.id,
    conventionId: row.convention_id,
    kind: row.kind as ReviewKind,
    year: row.year,
    snapshotDate: row.snapshot_date,
    status: row.status as ReviewStatus,
    narratives: JSON.parse(row.narratives) as AxisNarrative[],
    evaluation: row.evaluation ? (JSON.parse(row.evaluation) as Evaluation) : null,
    snapshot,
    validatedAt: row.validated_at,
    validatedBy: row.validated_by,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function getReview(db: Executor, id: number): Promise<Review> {
  const row = await repo.findReview(db, id);
  if (!row) throw notFound(`Bilan ${id}`);
  return present(db, row);
}

/** Reviews of a convention, newest year first (drafts computed at their date). */
export async function listReviews(db: Executor, conventionId: number): Promise<Review[]> {
  await requireConventionRow(db, conventionId);
  const reviews: Review[] = [];
  for (const row of await repo.listReviews(db, conventionId)) reviews.push(await present(db, row));
  return reviews;
}

export async function createReview(ctx: ServiceContext, conventionId: number, input: ReviewCreateInput): Promise<Review> {
  return ctx.db.transaction().execute(async (trx) => {
    const convention = await requireConventionRow(trx, conventionId);
    if (input.year < convention.start_year || input.year > convention.end_year + 1) {
      throw invalidField('year', `l’année doit être comprise dans la période de la convention (${convention.start_year}–${convention.end_year}).`);
    }
    if (await repo.findReviewOf(trx, conventionId, input.kind, input.year)) {
      throw businessRule(`Un ${input.kind === 'final' ? 'bilan d’évaluation finale' : 'bilan annuel'} existe déjà pour ${input.year}.`, 'year');
    }
    const now = nowIso();
    const id = await repo.insertReview(trx, {
      convention_id: conventionId,
      kind: input.kind,
      year: input.year,
      snapshot_date: input.snapshotDate,
      status: 'brouillon',
      narratives: '[]',
      evaluation: input.kind === 'final' ? JSON.stringify({ coherence: null, efficacite: null, efficience: null, perennite: null }) : null,
      snapshot: null,
      validated_at: null,
      validated_by: null,
      created_at: now,
      updated_at: now,
    });
    await touchConvention(trx, conventionId, now);
    const created = await getReview(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'review', entityId: id, operation: 'create', after: withoutSnapshot(created) });
    return created;
  });
}

const locked = () => businessRule('Ce bilan est validé : il est figé et ne peut plus être modifié.', 'status');
const withoutSnapshot = ({ snapshot: _snapshot, ...rest }: Review) => rest;

export async function updateReview(ctx: ServiceContext, id: number, input: ReviewUpdateInput): Promise<Review> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getReview(trx, id);
    if (before.status === 'valide') throw locked();
    if (before.version !== input.version) throw staleVersion(before);
    if (input.narratives) {
      const axisIds = new Set((await listAxesOf(trx, before.conventionId)).map((a) => a.id));
      input.narratives.forEach((n, i) => {
        if (n.axisId !== null && !axisIds.has(n.axisId)) throw invalidField(`narratives.${i}.axisId`, `l’axe ${n.axisId} n’appartient pas à cette convention.`);
      });
    }
    if (input.evaluation && before.kind !== 'final') throw businessRule('Seule l’évaluation finale porte les critères d’évaluation.', 'evaluation');
    const now = nowIso();
    const ok = await repo.updateDraftReview(trx, id, input.version, {
      ...(input.snapshotDate && { snapshot_date: input.snapshotDate }),
      ...(input.narratives && { narratives: JSON.stringify(input.narratives) }),
      ...(input.evaluation && { evaluation: JSON.stringify(input.evaluation) }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(await getReview(trx, id));
    const after = await getReview(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'review', entityId: id, operation: 'update', before: withoutSnapshot(before), after: withoutSnapshot(after) });
    return after;
  });
}

/** Freezes the snapshot as of the review's date; from then on, later edits of the plan do not change it. */
export async function validateReview(ctx: ServiceContext, id: number, version: number): Promise<Review> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getReview(trx, id);
    if (before.status === 'valide') throw locked();
    if (before.version !== version) throw staleVersion(before);
    const now = nowIso();
    const snapshot = await takeSnapshot(trx, before.conventionId, before.snapshotDate);
    const ok = await repo.updateDraftReview(trx, id, version, {
      status: 'valide',
      snapshot: JSON.stringify(snapshot),
      validated_at: now,
      validated_by: ctx.actor,
      updated_at: now,
    });
    if (!ok) throw staleVersion(await getReview(trx, id));
    const after = await getReview(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'review', entityId: id, operation: 'status', before: withoutSnapshot(before), after });
    await emitWebhookEvent(trx, 'review.validated', after.conventionId, { reviewId: id, kind: after.kind, year: after.year, snapshotDate: after.snapshotDate, validatedAt: after.validatedAt });
    return after;
  });
}
