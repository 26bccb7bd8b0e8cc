import PDFDocument from 'pdfkit';
import type { Action } from '../../shared/api/actions.js';
import type { ActionNote } from '../../shared/api/follow-up.js';
import type { Indicator } from '../../shared/api/indicators.js';
import { ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { ACTION_PRIORITY_LABELS, BUDGET_NATURE_LABELS, INDICATOR_STATE_LABELS } from '../../shared/plan.js';
import { formatLongDate } from '../../shared/format.js';

const MARGIN = 48;
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export interface FicheData {
  action: Action;
  conventionTitle: string;
  axisTitle: string | null;
  themeLabels: Map<string, string>;
  indicators: Indicator[];
  notes: ActionNote[];
}

/** A one-page fiche action: what, who, when, how much, how it goes. Long lists are cut with a count. */
export async function actionFichePdf(data: FicheData): Promise<Buffer> {
  const { action: a } = data;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Fiche action — ${a.title}`, Creator: 'Pilote CTG' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const section = (title: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11.5).fillColor('#000091').text(title).fillColor('#000').font('Helvetica').fontSize(9.5).moveDown(0.2);
  const line = (label: string, value: string | null | undefined) => {
    if (value) doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value, { width });
  };
  const list = (items: string[], max: number) => {
    for (const item of items.slice(0, max)) doc.text(`•  ${item}`, { indent: 8, width: width - 8 });
    if (items.length > max) doc.fillColor('#555').text(`… et ${items.length - max} autre(s)`, { indent: 8 }).fillColor('#000');
  };

  doc.fontSize(9).fillColor('#555').text(`Fiche action — ${data.conventionTitle}`).fillColor('#000');
  doc.font('Helvetica-Bold').fontSize(15).text(a.title, { width }).moveDown(0.3).font('Helvetica').fontSize(9.5);
  line('Axe', data.axisTitle);
  line('Champs d’intervention', a.themes.map((t) => data.themeLabels.get(t) ?? t).join(', '));
  line('Statut', `${ACTION_STATUS_LABELS[a.status]}${a.statusReason ? ` (${a.statusReason})` : ''} · avancement ${a.progress} %${a.priority ? ` · priorité ${ACTION_PRIORITY_LABELS[a.priority].toLowerCase()}` : ''}`);
  line('Calendrier', a.startDate || a.endDate ? `${a.startDate ? formatLongDate(a.startDate) : '…'} – ${a.endDate ? formatLongDate(a.endDate) : '…'}` : null);
  line('Pilote', a.pilot);
  line('Partenaires', a.partners.join(', '));
  line('Public cible', a.targetPublic);
  line('Périmètre', a.scope);
  if (a.description) {
    section('Description');
    doc.text(a.description.length > 900 ? `${a.description.slice(0, 900)}…` : a.description, { width });
  }
  section('Budget');
  if (!a.budgetLines.length) doc.text('Aucune ligne budgétaire.');
  list(
    a.budgetLines.map((b) => `${b.year} — ${b.funder} (${BUDGET_NATURE_LABELS[b.nature].toLowerCase()}) : prévu ${euros.format(b.plannedCents / 100)}${b.actualCents === null ? '' : `, réalisé ${euros.format(b.actualCents / 100)}`}`),
    8,
  );
  section('Indicateurs');
  if (!data.indicators.length) doc.text('Aucun indicateur.');
  list(
    data.indicators.map((i) => {
      const last = i.values.at(-1);
      return `${i.title} — ${INDICATOR_STATE_LABELS[i.assessment.state]} · cible ${i.targetValue} ${i.unit} au ${formatLongDate(i.targetDate)}${last ? ` · dernière valeur ${last.value} (${formatLongDate(last.date)})` : ''}`;
    }),
    6,
  );
  section('Derniers points d’étape');
  if (!data.notes.length) doc.text('Aucune note de suivi.');
  list(
    [...data.notes].sort((x, y) => y.date.localeCompare(x.date)).map((n) => `${formatLongDate(n.date)} — ${n.author} : ${n.body.length > 200 ? `${n.body.slice(0, 200)}…` : n.body}`),
    4,
  );
  doc.fontSize(8).fillColor('#555').text(`Document généré par Pilote CTG le ${formatLongDate(new Date().toISOString().slice(0, 10))}.`, MARGIN, doc.page.height - MARGIN - 12, { lineBreak: false });
  doc.end();
  return done;
}
