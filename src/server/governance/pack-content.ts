import type { Pack } from '../../shared/api/governance.js';
import { formatEuros } from '../../shared/plan-format.js';
import { formatLongDate } from '../../shared/format.js';
import { formatMeetingDate } from './governance.presenter.js';

export interface PackSection {
  heading: string;
  lines: string[];
  table?: { header: string[]; rows: string[][] };
}

/** The pack as headed sections of text and tables, written once for the DOCX and the PDF. */
export function packSections(pack: Pack): { title: string; subtitle: string; sections: PackSection[] } {
  const sections: PackSection[] = [];
  sections.push({
    heading: 'Actions par statut',
    lines: pack.actionsByStatus.length ? pack.actionsByStatus.map((g) => `${g.label} : ${g.actions.length}`) : ['Aucune action au plan.'],
    table: {
      header: ['Statut', 'Action', 'Pilote', 'Avancement'],
      rows: pack.actionsByStatus.flatMap((g) => g.actions.map((a) => [g.label, a.title, a.pilot ?? '—', `${a.progress} %`])),
    },
  });
  sections.push({
    heading: 'Indicateurs à risque',
    lines: pack.indicatorsAtRisk.length
      ? pack.indicatorsAtRisk.map((i) => `${i.title} — ${i.explanation} (cible ${i.targetValue} ${i.unit} au ${formatLongDate(i.targetDate)}) ; trajectoire : ${i.trajectory.map((p) => `${p.date} mesuré ${p.value}${p.expected === null ? '' : ` / attendu ${p.expected}`}`).join(' ; ')}`)
      : ['Aucun indicateur à risque.'],
  });
  sections.push({
    heading: 'Budgets',
    lines: [`Prévu : ${formatEuros(pack.budget.plannedCents)} · réalisé : ${formatEuros(pack.budget.actualCents)}`],
    table: pack.budget.byYear.length ? { header: ['Année', 'Prévu', 'Réalisé'], rows: pack.budget.byYear.map((y) => [String(y.year), formatEuros(y.plannedCents), formatEuros(y.actualCents)]) } : undefined,
  });
  const previous = pack.previousMeeting;
  sections.push({
    heading: previous ? `Décisions de la réunion précédente (${previous.title}) et leur suivi` : 'Décisions de la réunion précédente',
    lines: !previous ? ['Première réunion de cette instance.'] : previous.decisions.length ? [] : ['Aucune décision enregistrée.'],
    table: previous?.decisions.length
      ? { header: ['Décision', 'État', 'Aujourd’hui', 'Suivi'], rows: previous.decisions.map((d) => [d.summary, d.status, d.current ?? '—', d.followUp ?? '—']) }
      : undefined,
  });
  return { title: `Dossier de séance — ${pack.meeting.title}`, subtitle: `${pack.conventionTitle} (${pack.period}) · ${formatMeetingDate(pack.meeting.startsAt)}${pack.meeting.place ? ` · ${pack.meeting.place}` : ''}`, sections };
}
