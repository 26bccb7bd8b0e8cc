import ExcelJS from 'exceljs';
import type { Action, Axis } from '../../shared/api/actions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import { ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { ACTION_PRIORITY_LABELS, BUDGET_NATURE_LABELS, INDICATOR_DIRECTION_LABELS, INDICATOR_KIND_LABELS, INDICATOR_STATE_LABELS } from '../../shared/plan.js';
import { ACTION_COLUMNS, BUDGET_COLUMNS, dateCell, INDICATOR_COLUMNS, NUMBER_FORMATS, SHEETS, VALUE_COLUMNS, type ColumnDef } from './plan-sheets.js';

export interface PlanData {
  title: string;
  axes: Axis[];
  actions: Action[];
  indicators: Indicator[];
  /** The stable reference of each action. */
  refs: Map<number, string>;
  themeLabels: Map<string, string>;
}

type Cell = string | number | Date | null;

/** A `YYYY-MM-DD` date as the date cell a spreadsheet shows (midnight UTC, no time zone drift). */
const list = (values: readonly string[]) => values.join(' ; ');
const euros = (cents: number | null) => (cents === null ? null : cents / 100);

export function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ColumnDef[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: NUMBER_FORMATS[c.kind] } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

export function actionRows(plan: PlanData): Cell[][] {
  const axisTitle = new Map(plan.axes.map((a) => [a.id, a.title]));
  return plan.actions.map((a) => {
    const values: Record<(typeof ACTION_COLUMNS)[number]['key'], Cell> = {
      ref: plan.refs.get(a.id) ?? null,
      axis: a.axisId ? (axisTitle.get(a.axisId) ?? null) : null,
      title: a.title,
      parentRef: a.parentId ? (plan.refs.get(a.parentId) ?? null) : null,
      themes: list(a.themes.map((code) => plan.themeLabels.get(code) ?? code)),
      pilot: a.pilot,
      partners: list(a.partners),
      targetPublic: a.targetPublic,
      scope: a.scope,
      status: ACTION_STATUS_LABELS[a.status],
      statusReason: a.statusReason,
      priority: a.priority ? ACTION_PRIORITY_LABELS[a.priority] : null,
      progress: a.progress,
      startDate: dateCell(a.startDate),
      endDate: dateCell(a.endDate),
      highlighted: a.highlighted ? 'oui' : 'non',
      description: a.description,
      objectives: a.objectives,
    };
    return ACTION_COLUMNS.map((c) => values[c.key]);
  });
}

function budgetRows(plan: PlanData): Cell[][] {
  return plan.actions.flatMap((a) =>
    a.budgetLines.map((b) => [plan.refs.get(a.id) ?? null, b.year, b.funder, BUDGET_NATURE_LABELS[b.nature], euros(b.plannedCents), euros(b.actualCents)]),
  );
}

function indicatorRows(plan: PlanData): { indicators: Cell[][]; values: Cell[][] } {
  const actions = new Map(plan.actions.map((a) => [a.id, a]));
  const indicators: Cell[][] = [];
  const values: Cell[][] = [];
  for (const i of plan.indicators) {
    const ref = i.actionId ? (plan.refs.get(i.actionId) ?? null) : null;
    const last = i.values.at(-1);
    indicators.push([
      ref,
      i.actionId ? (actions.get(i.actionId)?.title ?? null) : null,
      i.title,
      INDICATOR_KIND_LABELS[i.kind],
      i.unit,
      INDICATOR_DIRECTION_LABELS[i.direction],
      i.baselineValue,
      dateCell(i.baselineDate),
      i.targetValue,
      dateCell(i.targetDate),
      last?.value ?? null,
      dateCell(last?.date),
      INDICATOR_STATE_LABELS[i.assessment.state],
    ]);
    for (const v of i.values) values.push([i.title, ref, dateCell(v.date), v.value, v.source, v.comment]);
  }
  return { indicators, values };
}

function addNotice(workbook: ExcelJS.Workbook, title: string): void {
  const sheet = workbook.addWorksheet(SHEETS.notice);
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 100;
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(['Feuilles importées', `« ${SHEETS.actions} » (une ligne par action) et « ${SHEETS.budget} » (une ligne par ligne budgétaire).`]);
  sheet.addRow(['Feuilles en lecture seule', `« ${SHEETS.indicators} » et « ${SHEETS.values} » sont exportées pour information et ignorées à l’import.`]);
  sheet.addRow(['Réimport', 'Chaque action garde sa référence : réimporter le même fichier ne crée rien et ne change rien.']);
  sheet.addRow(['Contrôle', 'Toutes les lignes sont vérifiées avant l’import ; une seule erreur et rien n’est importé.']);
  sheet.addRow([]);
  sheet.addRow(['Colonne', 'Contenu attendu']).font = { bold: true };
  for (const c of [...ACTION_COLUMNS, ...BUDGET_COLUMNS]) sheet.addRow([c.header, c.note || '—']);
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pilote CTG';
  workbook.created = new Date();
  return workbook;
}

const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** The plan of a convention as a workbook that can be edited and imported back. */
export async function planWorkbook(plan: PlanData): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = plan.title;
  addSheet(workbook, SHEETS.actions, ACTION_COLUMNS, actionRows(plan));
  addSheet(workbook, SHEETS.budget, BUDGET_COLUMNS, budgetRows(plan));
  const { indicators, values } = indicatorRows(plan);
  addSheet(workbook, SHEETS.indicators, INDICATOR_COLUMNS, indicators);
  addSheet(workbook, SHEETS.values, VALUE_COLUMNS, values);
  addNotice(workbook, `Plan d’actions — ${plan.title}`);
  return toBuffer(workbook);
}

/** An empty plan workbook with one example row per sheet. */
export async function planTemplate(): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = 'Modèle de plan d’actions';
  addSheet(workbook, SHEETS.actions, ACTION_COLUMNS, [
    ['A1', 'Petite enfance', 'Ouvrir une micro-crèche en centre-ville', null, 'Petite enfance', 'Ville', 'Caf ; Département', 'Familles', null, 'À venir', null, 'Haute', 0, dateCell('2026-01-01'), dateCell('2027-06-30'), 'non', null, null],
  ]);
  addSheet(workbook, SHEETS.budget, BUDGET_COLUMNS, [['A1', 2026, 'Caf', 'Investissement', 12000, null]]);
  addNotice(workbook, 'Modèle de plan d’actions');
  return toBuffer(workbook);
}

export { newWorkbook, toBuffer };
