import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { requireConventionRow } from '../conventions/conventions.repository.js';
import { listActionsOfConventions } from '../plans/actions.service.js';
import { listIndicators } from '../indicators/indicators.service.js';
import { expectedAt } from '../../shared/indicator-state.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { formatPeriod } from '../../shared/format.js';
import type { Pack } from '../../shared/api/governance.js';
import { fileSlug, logExport } from '../office/plan-export.service.js';
import * as repo from './governance.repository.js';
import { meetingTitle, presentMeetingItem } from './governance.presenter.js';
import { requireBody, requireMeeting } from './meetings.service.js';

/** What a decision changed, as it stands today (« action réalisée », « cible 120 places »). */
async function currentStateOf(db: Executor, resultRef: string | null): Promise<string | null> {
  const [kind, raw] = (resultRef ?? '').split(':');
  const id = Number(raw);
  if (kind === 'action' && id) {
    const action = await db.selectFrom('action').select(['title', 'status']).where('id', '=', id).executeTakeFirst();
    return action ? `« ${action.title} » : ${ACTION_STATUS_LABELS[action.status as keyof typeof ACTION_STATUS_LABELS].toLowerCase()}` : 'action supprimée depuis';
  }
  if (kind === 'indicator' && id) {
    const indicator = await db.selectFrom('indicator').select(['title', 'target_value', 'unit']).where('id', '=', id).executeTakeFirst();
    return indicator ? `« ${indicator.title} » : cible ${Number(indicator.target_value)} ${indicator.unit}` : 'indicateur supprimé depuis';
  }
  return null;
}

async function previousMeeting(db: Executor, meeting: repo.MeetingRow, body: repo.BodyRow): Promise<Pack['previousMeeting']> {
  const previous = await repo.previousMeetingOf(db, meeting);
  if (!previous) return null;
  const decisions = await repo.decisionsOf(db, [previous.id]);
  return {
    title: meetingTitle(body, previous.starts_at),
    decisions: await Promise.all(
      decisions.map(async (d) => ({ summary: d.summary, status: d.status === 'appliquee' ? 'Appliquée' : 'Proposée', followUp: d.follow_up, current: await currentStateOf(db, d.result_ref) })),
    ),
  };
}

/** The pre-read of a meeting, computed from the plan as it stands: one source for the page, the DOCX and the PDF. */
export async function buildPack(db: Executor, meetingId: number): Promise<Pack> {
  const meeting = await requireMeeting(db, meetingId);
  const body = await requireBody(db, meeting.body_id);
  const convention = await requireConventionRow(db, meeting.convention_id);
  const actions = await listActionsOfConventions(db, [convention.id]);
  const indicators = await listIndicators(db, { conventionId: convention.id });
  const lines = actions.flatMap((a) => a.budgetLines);
  const years = [...new Set(lines.map((l) => l.year))].sort();
  return {
    meeting: presentMeetingItem(meeting, body),
    conventionTitle: convention.title,
    period: formatPeriod(convention.start_year, convention.end_year),
    generatedAt: new Date().toISOString(),
    actionsByStatus: ACTION_STATUSES.map((status) => ({
      status,
      label: ACTION_STATUS_LABELS[status],
      actions: actions.filter((a) => a.status === status).map((a) => ({ id: a.id, title: a.title, pilot: a.pilot, progress: a.progress })),
    })).filter((group) => group.actions.length > 0),
    indicatorsAtRisk: indicators
      .filter((i) => i.assessment.state === 'a_risque')
      .map((i) => ({
        id: i.id,
        title: i.title,
        unit: i.unit,
        explanation: i.assessment.explanation,
        trajectory: [
          { date: i.baselineDate, value: i.baselineValue, expected: i.baselineValue },
          ...i.values.map((v) => ({ date: v.date, value: v.value, expected: Math.round(expectedAt(i, v.date) * 100) / 100 })),
        ],
        targetValue: i.targetValue,
        targetDate: i.targetDate,
      })),
    budget: {
      plannedCents: lines.reduce((sum, l) => sum + l.plannedCents, 0),
      actualCents: lines.reduce((sum, l) => sum + (l.actualCents ?? 0), 0),
      byYear: years.map((year) => {
        const of = lines.filter((l) => l.year === year);
        return { year, plannedCents: of.reduce((s, l) => s + l.plannedCents, 0), actualCents: of.reduce((s, l) => s + (l.actualCents ?? 0), 0) };
      }),
    },
    previousMeeting: await previousMeeting(db, meeting, body),
  };
}

export async function packFile(ctx: ServiceContext, meetingId: number, format: 'docx' | 'pdf'): Promise<{ filename: string; buffer: Buffer }> {
  const meeting = await requireMeeting(ctx.db, meetingId);
  await requireConventionAccess(ctx.db, principalOf(ctx), meeting.convention_id, 'read');
  const pack = await buildPack(ctx.db, meetingId);
  // Imported on first use, like every document library (ADR 0024).
  const buffer = format === 'docx' ? await (await import('./pack-docx.js')).packDocx(pack) : await (await import('./pack-pdf.js')).packPdf(pack);
  await logExport(ctx, { format, what: 'dossier-instance', conventionId: meeting.convention_id });
  return { filename: `dossier-${fileSlug(pack.meeting.title)}.${format}`, buffer };
}
