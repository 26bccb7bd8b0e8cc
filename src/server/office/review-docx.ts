import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TextRun } from 'docx';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { Review, ReviewSnapshot } from '../../shared/api/reviews.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { formatInteger, formatLongDate, formatPeriod } from '../../shared/format.js';
import { EVALUATION_CRITERIA, EVALUATION_CRITERION_LABELS, INDICATOR_STATES, INDICATOR_STATE_LABELS, REVIEW_KIND_LABELS } from '../../shared/plan.js';
import { heading, p, table } from './docx-parts.js';

export interface ReviewDocumentData {
  review: Review;
  convention: ConventionDetail;
}

type Block = Paragraph | Table;
type SnapshotAction = ReviewSnapshot['actions'][number];
type SnapshotIndicator = ReviewSnapshot['indicators'][number];

const euros = (cents: number) => `${formatInteger(Math.round(cents / 100))} €`;
const value = (n: number | null, unit: string) => (n === null ? '—' : `${formatInteger(n)} ${unit}`.trim());
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

function statusLine(review: Review): string {
  if (review.status === 'valide' && review.validatedAt) {
    return `Bilan validé le ${formatLongDate(review.validatedAt.slice(0, 10))}${review.validatedBy ? ` par ${review.validatedBy}` : ''} : les chiffres sont ceux figés à la validation.`;
  }
  return 'Bilan en brouillon : les chiffres sont recalculés à la date d’arrêt tant qu’il n’est pas validé.';
}

function keyFigures(snapshot: ReviewSnapshot): Block[] {
  const actions = snapshot.actions;
  const average = actions.length ? Math.round(actions.reduce((n, a) => n + a.progress, 0) / actions.length) : 0;
  const byStatus = ACTION_STATUSES.map((s) => [ACTION_STATUS_LABELS[s], actions.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  const byState = INDICATOR_STATES.map((s) => [INDICATOR_STATE_LABELS[s], snapshot.indicators.filter((i) => i.state === s).length] as const).filter(([, n]) => n > 0);
  return [
    heading('Chiffres clés'),
    p(`${plural(actions.length, 'action')} au plan, avancement moyen ${average} %.`),
    p(`Actions par statut : ${byStatus.map(([label, n]) => `${label} : ${n}`).join(' ; ') || 'aucune'}.`),
    p(`Indicateurs (${snapshot.indicators.length}) : ${byState.map(([label, n]) => `${label} : ${n}`).join(' ; ') || 'aucun'}.`),
  ];
}

function narrativeOf(review: Review, axisId: number | null): Block[] {
  const n = review.narratives.find((x) => x.axisId === axisId);
  if (!n) return [];
  const parts: [string, string | null | undefined][] = [['Ce qui a été réalisé', n.realise], ['Difficultés rencontrées', n.difficultes], ['Suites envisagées', n.suite]];
  return parts.filter(([, text]) => text?.trim()).flatMap(([label, text]) => [p(label, { bold: true, after: 60 }), ...text!.trim().split(/\n+/).map((line) => p(line))]);
}

const actionsTable = (actions: SnapshotAction[]) =>
  table(['Action', 'Statut', 'Avancement', 'Motif'], actions.map((a) => [a.title, ACTION_STATUS_LABELS[a.status], `${a.progress} %`, a.statusReason ?? '']));

const indicatorsTable = (indicators: SnapshotIndicator[]) =>
  table(
    ['Indicateur', 'Valeur mesurée', 'Attendu à date', 'Cible', 'État'],
    indicators.map((i) => [
      i.title,
      i.measured === null ? 'Pas de valeur' : `${value(i.measured, i.unit)}${i.measuredDate ? ` (${formatLongDate(i.measuredDate)})` : ''}`,
      value(i.expected, i.unit),
      value(i.targetValue, i.unit),
      INDICATOR_STATE_LABELS[i.state],
    ]),
  );

/** One section per axis (then the actions outside any axis): narrative, actions, indicators. */
function axisSections(review: Review): Block[] {
  const { snapshot } = review;
  const groups = [...snapshot.axes.map((a) => ({ id: a.id as number | null, title: a.progress === null ? a.title : `${a.title} (avancement ${a.progress} %)` })), { id: null, title: 'Actions hors axe' }];
  const out: Block[] = [];
  for (const group of groups) {
    const actions = snapshot.actions.filter((a) => a.axisId === group.id);
    const actionIds = new Set(actions.map((a) => a.id));
    const indicators = snapshot.indicators.filter((i) => (group.id !== null && i.axisId === group.id) || (i.actionId !== null && actionIds.has(i.actionId)));
    const narrative = group.id === null ? [] : narrativeOf(review, group.id);
    if (!actions.length && !indicators.length && !narrative.length) continue;
    out.push(heading(group.title, HeadingLevel.HEADING_2), ...narrative);
    if (actions.length) out.push(actionsTable(actions));
    if (indicators.length) out.push(p('Indicateurs', { bold: true, after: 60 }), indicatorsTable(indicators));
  }
  return out;
}

/** Planned and actual amounts of the review's year, by funder, from the plan's budget lines. */
function budgetSection(convention: ConventionDetail, year: number): Block[] {
  const totals = new Map<string, { planned: number; actual: number }>();
  for (const line of convention.actions.flatMap((a) => a.budgetLines).filter((l) => l.year === year)) {
    const t = totals.get(line.funder) ?? { planned: 0, actual: 0 };
    totals.set(line.funder, { planned: t.planned + line.plannedCents, actual: t.actual + (line.actualCents ?? 0) });
  }
  const out: Block[] = [heading(`Budget ${year}`)];
  if (!totals.size) return [...out, p(`Aucune ligne budgétaire n’est inscrite au plan pour ${year}.`)];
  const rows = [...totals].sort(([a], [b]) => a.localeCompare(b, 'fr')).map(([funder, t]) => [funder, euros(t.planned), euros(t.actual)]);
  const sum = [...totals.values()].reduce((s, t) => ({ planned: s.planned + t.planned, actual: s.actual + t.actual }), { planned: 0, actual: 0 });
  return [...out, table(['Financeur', 'Prévu', 'Réalisé'], [...rows, ['Total', euros(sum.planned), euros(sum.actual)]])];
}

function evaluationSection(review: Review): Block[] {
  if (!review.evaluation) return [];
  return [
    heading('Évaluation'),
    ...EVALUATION_CRITERIA.flatMap((criterion) => [
      p(`${EVALUATION_CRITERION_LABELS[criterion].label} — ${EVALUATION_CRITERION_LABELS[criterion].question}`, { bold: true, after: 60 }),
      p(review.evaluation![criterion]?.trim() || 'Non renseigné.', { italics: !review.evaluation![criterion]?.trim() }),
    ]),
  ];
}

/** The annual review (or final evaluation) as a Word file, from the review record and the plan. */
export async function reviewDocx({ review, convention }: ReviewDocumentData): Promise<Buffer> {
  const kind = REVIEW_KIND_LABELS[review.kind];
  const territories = convention.territories.map((t) => t.name).join(', ');
  const signatories = [...new Set(convention.signatureEvents.flatMap((e) => e.signatories.map((s) => `${s.person.fullName}, ${s.capacity}`)))];
  const doc = new Document({
    creator: 'Pilote CTG',
    title: `${kind} ${review.year} — ${convention.title}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`${kind} ${review.year}`)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: convention.title, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `${territories} — ${formatPeriod(convention.startYear, convention.endYear)}`, italics: true })] }),
          p(`Situation arrêtée au ${formatLongDate(review.snapshot.date)}.`),
          p(statusLine(review), { italics: true }),
          p(`Parties : ${convention.parties.map((x) => x.organisation.name).join(', ')}.`),
          ...(signatories.length ? [p(`Signataires : ${signatories.join(' ; ')}.`)] : []),
          ...keyFigures(review.snapshot),
          ...(review.narratives.some((n) => n.axisId === null) ? [heading('Le plan dans son ensemble'), ...narrativeOf(review, null)] : []),
          heading('Avancement par axe'),
          ...axisSections(review),
          ...budgetSection(convention, review.year),
          ...evaluationSection(review),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
