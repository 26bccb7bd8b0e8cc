import type { ServiceContext } from '../platform/context.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { getConventionDetail } from '../conventions/conventions.queries.js';
import { listIndicatorsOfConvention } from '../indicators/indicators.service.js';
import { listThemes } from '../themes/themes.service.js';
import { conventionDocx } from './convention-docx.js';
import { conventionSummaryPdf } from './convention-pdf.js';
import { textBlocks } from './convention-text.js';
import { fileSlug, logExport } from './plan-export.service.js';

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
  const buffer = await conventionDocx({ ...data, blocks: textBlocks() });
  await logExport(ctx, { format: 'docx', what: 'convention', conventionId });
  return { filename: `convention-${conventionId}-${fileSlug(data.convention.title)}.docx`, buffer };
}

/** The one-page summary (PDF) for elected officials. */
export async function exportConventionPdf(ctx: ServiceContext, conventionId: number): Promise<GeneratedFile> {
  const data = await sources(ctx, conventionId);
  const buffer = await conventionSummaryPdf(data.convention, data.indicators, data.themeLabels);
  await logExport(ctx, { format: 'pdf', what: 'synthese', conventionId });
  return { filename: `synthese-${conventionId}-${fileSlug(data.convention.title)}.pdf`, buffer };
}
