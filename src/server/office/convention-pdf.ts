import PDFDocument from 'pdfkit';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, CONVENTION_STATUS_LABELS } from '../../shared/enums.js';
import { INDICATOR_STATES, INDICATOR_STATE_LABELS } from '../../shared/plan.js';
import { formatInteger, formatLongDate, formatPeriod } from '../../shared/format.js';

const MARGIN = 48;
const MAX_LINES = 8;

/** Writes at most `max` lines of a list, then says how many are left out, so the page never overflows. */
function bullets(doc: PDFKit.PDFDocument, lines: string[], max = MAX_LINES): void {
  for (const line of lines.slice(0, max)) doc.text(`•  ${line}`, { indent: 8, width: doc.page.width - 2 * MARGIN - 8 });
  if (lines.length > max) doc.fillColor('#555').text(`… et ${lines.length - max} autre(s)`, { indent: 8 }).fillColor('#000');
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11.5).fillColor('#000091').text(title).fillColor('#000').font('Helvetica').fontSize(9.5).moveDown(0.2);
}

/** A one-page summary of a convention for elected officials: who, where, how long, what, how it goes. */
export async function conventionSummaryPdf(c: ConventionDetail, indicators: Indicator[], themeLabels: Map<string, string>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Synthèse — ${c.title}`, Creator: 'Pilote CTG' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica').fontSize(9).fillColor('#555').text('Synthèse de convention territoriale globale').fillColor('#000');
  doc.font('Helvetica-Bold').fontSize(16).text(c.title).moveDown(0.2);
  doc.font('Helvetica').fontSize(10);
  const signed = c.firstSignatureDate ? ` · signée le ${formatLongDate(c.firstSignatureDate)}` : '';
  doc.text(`${c.territories.map((t) => t.name).join(', ')} · ${formatPeriod(c.startYear, c.endYear)} · ${CONVENTION_STATUS_LABELS[c.status]}${signed}`);
  doc.text(`Population couverte : ${formatInteger(c.population)} habitants · ${c.actions.length} action(s) · ${indicators.length} indicateur(s)`);

  section(doc, 'Parties et signataires');
  const signatories = c.signatureEvents.flatMap((e) => e.signatories);
  bullets(
    doc,
    c.parties.map((party) => {
      const who = signatories.filter((s) => s.partyId === party.id || s.organisationName === party.organisation.name).map((s) => `${s.person.fullName} (${s.capacity})`);
      return `${party.organisation.name}${who.length ? ` — ${[...new Set(who)].join(', ')}` : ''}`;
    }),
  );

  section(doc, 'Plan d’actions par axe');
  const axes = c.axes.map((a) => `${a.title} — ${a.actionCount} action(s)${a.progress === null ? '' : `, avancement moyen ${a.progress} %`}`);
  const outside = c.actions.filter((a) => a.axisId === null).length;
  bullets(doc, outside ? [...axes, `Hors axe — ${outside} action(s)`] : axes);
  const byStatus = ACTION_STATUSES.map((s) => [s, c.actions.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  doc.moveDown(0.2).text(`Statuts : ${byStatus.map(([s, n]) => `${ACTION_STATUS_LABELS[s]} ${n}`).join(' · ') || 'aucune action'}`);
  const themes = [...new Set(c.actions.flatMap((a) => a.themes))].map((t) => themeLabels.get(t) ?? t);
  if (themes.length) doc.text(`Champs d’intervention : ${themes.join(', ')}`);

  section(doc, 'Actions phares');
  const highlighted = c.actions.filter((a) => a.highlighted);
  bullets(doc, (highlighted.length ? highlighted : c.actions).map((a) => `${a.title}${a.pilot ? ` (pilote : ${a.pilot})` : ''}`), 6);

  section(doc, 'Indicateurs');
  const counts = INDICATOR_STATES.map((s) => [s, indicators.filter((i) => i.assessment.state === s).length] as const).filter(([, n]) => n > 0);
  doc.text(counts.length ? counts.map(([s, n]) => `${INDICATOR_STATE_LABELS[s]} : ${n}`).join(' · ') : 'Aucun indicateur défini.');
  bullets(doc, indicators.filter((i) => i.assessment.state === 'a_risque').map((i) => `À risque : ${i.title}`), 4);

  doc.fontSize(8).fillColor('#555').text(`Document généré par Pilote CTG le ${formatLongDate(new Date().toISOString().slice(0, 10))}.`, MARGIN, doc.page.height - MARGIN - 12, { lineBreak: false });
  doc.end();
  return done;
}
