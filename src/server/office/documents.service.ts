import type { ServiceContext } from '../platform/context.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { getConventionDetail } from '../conventions/conventions.queries.js';
import { listIndicators, listIndicatorsOfConvention } from '../indicators/indicators.service.js';
import { getAction } from '../plans/actions.service.js';
import { listNotes } from '../plans/follow-up.service.js';
import { listThemes } from '../themes/themes.service.js';
import { getReview } from '../reviews/reviews.service.js';
import { REVIEW_KIND_LABELS } from '../../shared/plan.js';
import { textBlocks } from './convention-text.js';
import { fileSlug, logExport } from './plan-export.service.js';

// The document libraries (Word, PDF) are imported when a document is first asked for: a server
// that never exports one does not hold them in memory (ADR 0024).

export interface GeneratedFile {
  filename: string;
  buffer: Buffer;
}

async function sources(ctx: ServiceContext, conventionId: number) {
  await requireConventionAccess(ctx.db, principalOf(ctx), conventionId, 'read');
  const convention = await getConventionDetail(ctx.db, conventionId, principalOf(ctx));
  return {
    convention,
    indicators: await listIndicatorsOfConvention(ctx.db, conventionId),
    themeLabels: new Map((await listThemes(ctx.db)).map((t) => [t.code, t.label])),
  };
}

/** The convention document (Word), from the record and the configured text blocks. */
export async function exportConventionDocx(ctx: ServiceContext, conventionId: number): Promise<GeneratedFile> {
  const data = await sources(ctx, conventionId);
  const { conventionDocx } = await import('./convention-docx.js');
  const buffer = await conventionDocx({ ...data, blocks: textBlocks() });
  await logExport(ctx, { format: 'docx', what: 'convention', conventionId });
  return { filename: `convention-${conventionId}-${fileSlug(data.convention.title)}.docx`, buffer };
}

/** The one-page summary (PDF) for elected officials. */
export async function exportConventionPdf(ctx: ServiceContext, conventionId: number): Promise<GeneratedFile> {
  const data = await sources(ctx, conventionId);
  const { conventionSummaryPdf } = await import('./convention-pdf.js');
  const buffer = await conventionSummaryPdf(data.convention, data.indicators, data.themeLabels);
  await logExport(ctx, { format: 'pdf', what: 'synthese', conventionId });
  return { filename: `synthese-${conventionId}-${fileSlug(data.convention.title)}.pdf`, buffer };
}

/** The one-page fiche of an action (PDF). */
export async function exportActionPdf(ctx: ServiceContext, actionId: number): Promise<GeneratedFile> {
  const action = await getAction(ctx.db, actionId);
  await requireConventionAccess(ctx.db, principalOf(ctx), action.conventionId, 'read');
  const convention = await getConventionDetail(ctx.db, action.conventionId);
  const { actionFichePdf } = await import('./action-pdf.js');
  const buffer = await actionFichePdf({
    action,
    conventionTitle: convention.title,
    axisTitle: convention.axes.find((x) => x.id === action.axisId)?.title ?? null,
    themeLabels: new Map((await listThemes(ctx.db)).map((t) => [t.code, t.label])),
    indicators: await listIndicators(ctx.db, { actionId }),
    notes: await listNotes(ctx.db, actionId),
  });
  await logExport(ctx, { format: 'pdf', what: 'fiche-action', conventionId: action.conventionId });
  return { filename: `fiche-action-${actionId}-${fileSlug(action.title)}.pdf`, buffer };
}

/** The annual review (or final evaluation) of a year as a Word file: review record, plan and indicators. */
export async function exportReviewDocx(ctx: ServiceContext, reviewId: number): Promise<GeneratedFile> {
  const review = await getReview(ctx.db, reviewId);
  await requireConventionAccess(ctx.db, principalOf(ctx), review.conventionId, 'read');
  const convention = await getConventionDetail(ctx.db, review.conventionId, principalOf(ctx));
  const { reviewDocx } = await import('./review-docx.js');
  const buffer = await reviewDocx({ review, convention });
  await logExport(ctx, { format: 'docx', what: 'bilan', conventionId: review.conventionId });
  return { filename: `${fileSlug(REVIEW_KIND_LABELS[review.kind])}-${review.year}-${fileSlug(convention.title)}.docx`, buffer };
}
