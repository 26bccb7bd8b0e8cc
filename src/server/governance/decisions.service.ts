import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { joinTransaction } from '../imports/within-transaction.js';
import { createAction, getAction, updateAction } from '../plans/actions.service.js';
import { getIndicator, updateIndicator } from '../indicators/indicators.service.js';
import { requireThemes } from '../themes/themes.service.js';
import { ACTION_STATUS_LABELS } from '../../shared/enums.js';
import type { Decision, DecisionInput, Meeting } from '../../shared/api/governance.js';
import * as repo from './governance.repository.js';
import { presentDecision } from './governance.presenter.js';
import { auditView, getMeeting, requireMeeting, requireOpen } from './meetings.service.js';
import { queueMinutesMails } from './meeting-mail.js';

/** Checks a proposal against the meeting's convention and writes it in one sentence. */
async function summarize(db: Executor, conventionId: number, input: DecisionInput): Promise<string> {
  switch (input.kind) {
    case 'action_status': {
      const action = await db.selectFrom('action').select(['title', 'convention_id']).where('id', '=', input.actionId).executeTakeFirst();
      if (action?.convention_id !== conventionId) throw invalidField('actionId', `l’action ${input.actionId} n’appartient pas à cette convention.`);
      return `Passer l’action « ${action.title} » au statut « ${ACTION_STATUS_LABELS[input.status]} »`;
    }
    case 'action_create':
      await requireThemes(db, input.themes, 'themes');
      if (input.axisId) {
        const axis = await db.selectFrom('axis').select('convention_id').where('id', '=', input.axisId).executeTakeFirst();
        if (axis?.convention_id !== conventionId) throw invalidField('axisId', `l’axe ${input.axisId} n’appartient pas à cette convention.`);
      }
      return `Ajouter l’action « ${input.title} » au plan`;
    case 'indicator_target': {
      const indicator = await db.selectFrom('indicator').select(['title', 'unit', 'convention_id']).where('id', '=', input.indicatorId).executeTakeFirst();
      if (indicator?.convention_id !== conventionId) throw invalidField('indicatorId', `l’indicateur ${input.indicatorId} n’appartient pas à cette convention.`);
      return `Fixer la cible de l’indicateur « ${indicator.title} » à ${input.targetValue} ${indicator.unit}${input.targetDate ? ` au ${input.targetDate}` : ''}`;
    }
    case 'note':
      return input.text;
  }
}

export async function proposeDecision(ctx: ServiceContext, meetingId: number, input: DecisionInput): Promise<Decision> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await requireMeeting(trx, meetingId);
    await requireConventionAccess(trx, principalOf(ctx), meeting.convention_id, 'editPlan');
    requireOpen(meeting);
    const summary = await summarize(trx, meeting.convention_id, input);
    const { kind, ...payload } = input;
    const id = await repo.insertDecision(trx, {
      meeting_id: meetingId,
      kind,
      summary,
      payload: JSON.stringify(payload),
      status: 'proposee',
      result_ref: null,
      follow_up: null,
      position: await repo.nextDecisionPosition(trx, meetingId),
      created_at: nowIso(),
      applied_at: null,
    });
    const decision = presentDecision((await repo.findDecision(trx, id))!);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'decision', entityId: id, operation: 'create', after: { title: summary, meetingId, ...payload } });
    return decision;
  });
}

async function requireDecision(db: Executor, id: number) {
  const decision = await repo.findDecision(db, id);
  if (!decision) throw notFound(`Décision ${id}`);
  return decision;
}

export async function withdrawDecision(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const decision = await requireDecision(trx, id);
    const meeting = await requireMeeting(trx, decision.meeting_id);
    await requireConventionAccess(trx, principalOf(ctx), meeting.convention_id, 'editPlan');
    requireOpen(meeting);
    await repo.deleteDecision(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'decision', entityId: id, operation: 'delete', before: { title: decision.summary } });
  });
}

/** What became of a decision, noted at a later meeting (shown in the next pack). */
export async function recordFollowUp(ctx: ServiceContext, id: number, followUp: string | null): Promise<Decision> {
  return ctx.db.transaction().execute(async (trx) => {
    const decision = await requireDecision(trx, id);
    const meeting = await requireMeeting(trx, decision.meeting_id);
    await requireConventionAccess(trx, principalOf(ctx), meeting.convention_id, 'editPlan');
    await repo.setDecisionFollowUp(trx, id, followUp);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'decision', entityId: id, operation: 'update', before: { title: decision.summary, followUp: decision.follow_up }, after: { title: decision.summary, followUp } });
    return presentDecision((await requireDecision(trx, id)));
  });
}

/** Applies one proposal through the plan's own services (versions, rules, history hold); returns what it changed. */
async function applyDecision(ctx: ServiceContext, conventionId: number, decision: Decision): Promise<string | null> {
  const p = decision.payload;
  switch (decision.kind) {
    case 'action_status': {
      const current = await getAction(ctx.db, Number(p.actionId));
      await updateAction(ctx, current.id, { version: current.version, status: p.status as never, ...(p.statusReason ? { statusReason: String(p.statusReason) } : {}) });
      return `action:${current.id}`;
    }
    case 'action_create': {
      const created = await createAction(ctx, conventionId, { title: String(p.title), themes: p.themes as string[], axisId: (p.axisId as number | null) ?? null, pilot: (p.pilot as string | null) ?? null });
      return `action:${created.id}`;
    }
    case 'indicator_target': {
      const current = await getIndicator(ctx.db, Number(p.indicatorId));
      await updateIndicator(ctx, current.id, { version: current.version, targetValue: Number(p.targetValue), ...(p.targetDate ? { targetDate: String(p.targetDate) } : {}) });
      return `indicator:${current.id}`;
    }
    case 'note':
      return null;
  }
}

/** A refused decision names itself, so the minutes' author knows which one to correct. */
function explain(error: unknown, position: number, decision: Decision): never {
  if (error instanceof HttpError && error.statusCode < 500) {
    throw new HttpError(error.statusCode, 'decision_refused', `Décision n° ${position} (« ${decision.summary} ») : ${error.message} Rien n’a été appliqué.`, error.fields?.map((f) => ({ path: `decisions.${position - 1}.${f.path}`, message: f.message })));
  }
  throw error;
}

/**
 * Validates the minutes: every proposed decision is applied to the plan in this one transaction,
 * each change recorded in the history with the meeting as its origin; any refusal undoes them all.
 */
export async function validateMinutes(ctx: ServiceContext, meetingId: number, version: number, baseUrl: string): Promise<Meeting> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getMeeting(trx, meetingId);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== version) throw staleVersion(before);
    requireOpen(before);
    if (!before.minutes?.trim()) throw invalidField('minutes', 'rédigez le compte rendu avant de le valider.');
    const joined = joinTransaction({ ...ctx, origin: before.title }, trx);
    const now = nowIso();
    for (const [index, decision] of before.decisions.entries()) {
      if (decision.status !== 'proposee') continue;
      const result = await applyDecision(joined, before.conventionId, decision).catch((error: unknown) => explain(error, index + 1, decision));
      await repo.markDecisionApplied(trx, decision.id, result, now);
    }
    if (!(await repo.updateMeeting(trx, meetingId, version, { status: 'validee', validated_at: now, validated_by: ctx.actor, updated_at: now }))) throw staleVersion(before);
    const after = await getMeeting(trx, meetingId);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'meeting', entityId: meetingId, operation: 'status', before: auditView(before), after: auditView(after) });
    await queueMinutesMails(trx, after, baseUrl);
    return after;
  });
}
