import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TextRun } from 'docx';
import { heading, p, table } from './docx-parts.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import type { Action } from '../../shared/api/actions.js';
import { ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { formatLongDate, formatPeriod } from '../../shared/format.js';
import { fill, type TextBlocks } from './convention-text.js';

export interface ConventionDocumentData {
  convention: ConventionDetail;
  indicators: Indicator[];
  themeLabels: Map<string, string>;
  blocks: TextBlocks;
}

/** The people who sign for a party, with their capacity. */
function representativesOf(c: ConventionDetail, party: ConventionDetail['parties'][number]) {
  const all = c.signatureEvents.flatMap((e) => e.signatories);
  const seen = new Set<string>();
  return all
    .filter((s) => s.partyId === party.id || (s.partyId === null && s.organisationName === party.organisation.name))
    .filter((s) => (seen.has(s.person.fullName) ? false : (seen.add(s.person.fullName), true)));
}

function partiesBlock(c: ConventionDetail): Paragraph[] {
  const out: Paragraph[] = [p('Entre les soussignés :', { bold: true })];
  c.parties.forEach((party, index) => {
    const reps = representativesOf(c, party);
    const represented = reps.length ? `, représentée par ${reps.map((r) => `${r.person.fullName}, ${r.capacity}`).join(', et ')}` : '';
    const deliberation = party.deliberationRef
      ? `, dûment habilitée par la délibération ${party.deliberationRef}${party.deliberationDate ? ` du ${formatLongDate(party.deliberationDate)}` : ''}`
      : '';
    out.push(p(`${party.organisation.name}${represented}${deliberation} ;`));
    if (index < c.parties.length - 1) out.push(p('et', { italics: true }));
  });
  out.push(p('ci-après désignées « les parties ».'));
  return out;
}

function actionLines(a: Action, themeLabels: Map<string, string>, sub: boolean): Paragraph[] {
  const facts = [
    `Champs : ${a.themes.map((t) => themeLabels.get(t) ?? t).join(', ')}`,
    a.pilot ? `Pilote : ${a.pilot}` : null,
    a.partners.length ? `Partenaires : ${a.partners.join(', ')}` : null,
    a.startDate || a.endDate ? `Calendrier : ${a.startDate ? formatLongDate(a.startDate) : '…'} – ${a.endDate ? formatLongDate(a.endDate) : '…'}` : null,
    `Statut : ${ACTION_STATUS_LABELS[a.status]}`,
  ].filter((x): x is string => x !== null);
  return [
    new Paragraph({ bullet: { level: sub ? 1 : 0 }, children: [new TextRun({ text: a.title, bold: !sub })] }),
    new Paragraph({ indent: { left: sub ? 1080 : 720 }, spacing: { after: 80 }, children: [new TextRun({ text: facts.join(' · '), size: 18 })] }),
  ];
}

function annex(data: ConventionDocumentData): (Paragraph | Table)[] {
  const c = data.convention;
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Annexe — Plan d’actions')] })];
  const groups = [...c.axes.map((axis) => ({ title: axis.title, id: axis.id as number | null })), { title: 'Actions hors axe', id: null }];
  for (const group of groups) {
    const actions = c.actions.filter((a) => a.axisId === group.id && a.parentId === null);
    if (!actions.length) continue;
    out.push(heading(group.title, HeadingLevel.HEADING_2));
    for (const a of actions) {
      out.push(...actionLines(a, data.themeLabels, false));
      for (const child of c.actions.filter((x) => x.parentId === a.id)) out.push(...actionLines(child, data.themeLabels, true));
    }
  }
  // Sub-actions whose parent sits in another group are still listed.
  const listed = new Set(c.actions.filter((a) => a.parentId === null || c.actions.some((x) => x.id === a.parentId)).map((a) => a.id));
  for (const orphan of c.actions.filter((a) => !listed.has(a.id))) out.push(...actionLines(orphan, data.themeLabels, false));
  out.push(heading('Indicateurs de suivi', HeadingLevel.HEADING_2));
  if (!data.indicators.length) out.push(p('Aucun indicateur n’est encore défini.'));
  else {
    const titleOf = new Map(c.actions.map((a) => [a.id, a.title]));
    out.push(
      table(
        ['Indicateur', 'Action', 'Référence', 'Cible'],
        data.indicators.map((i) => [
          `${i.title} (${i.unit})`,
          i.actionId ? (titleOf.get(i.actionId) ?? '—') : '—',
          `${i.baselineValue} au ${formatLongDate(i.baselineDate)}`,
          `${i.targetValue} au ${formatLongDate(i.targetDate)}`,
        ]),
      ),
    );
  }
  return out;
}

/** The convention document as a Word file, generated from the record. */
export async function conventionDocx(data: ConventionDocumentData): Promise<Buffer> {
  const c = data.convention;
  const territories = c.territories.map((t) => t.name).join(', ');
  const values = { debut: String(c.startYear), fin: String(c.endYear), territoires: territories, caf: c.caf.name };
  const blocks = (key: keyof TextBlocks) => data.blocks[key].map((text) => p(fill(text, values)));
  let article = 0;
  const articleHeading = (title: string) => heading(`Article ${++article} — ${title}`, HeadingLevel.HEADING_2);
  const commitments = c.parties.flatMap((party) => [
    p(party.organisation.name, { bold: true, after: 60 }),
    p(party.commitments?.trim() || `${party.organisation.name} s’engage à contribuer à la mise en œuvre du plan d’actions annexé, à participer aux instances de pilotage et à renseigner les indicateurs des actions qu’elle pilote.`),
  ]);
  const events = c.signatureEvents;
  const signatureLines = events.length
    ? events.flatMap((e) => [
        p(`Fait${e.place ? ` à ${e.place}` : ''}, le ${formatLongDate(e.date)}.`),
        table(['Signataire', 'Qualité', 'Pour'], e.signatories.map((s) => [s.person.fullName, s.capacity, s.organisationName ?? '—'])),
      ])
    : [p('Fait à …………………, le …………………', { italics: true })];
  const doc = new Document({
    creator: 'Pilote CTG',
    title: c.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(c.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `${territories} — ${formatPeriod(c.startYear, c.endYear)}`, italics: true })] }),
          ...partiesBlock(c),
          heading('Préambule'),
          ...blocks('preamble'),
          ...blocks('legalReferences'),
          heading('Il est convenu ce qui suit'),
          articleHeading('Objet'),
          ...blocks('object'),
          articleHeading('Engagements des parties'),
          ...commitments,
          articleHeading('Durée'),
          ...blocks('duration'),
          articleHeading('Gouvernance'),
          ...blocks('governance'),
          articleHeading('Suivi et évaluation'),
          ...blocks('evaluation'),
          articleHeading('Avenants'),
          ...blocks('amendment'),
          articleHeading('Résiliation'),
          ...blocks('termination'),
          heading('Signatures'),
          ...signatureLines,
          ...annex(data),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
