import ExcelJS from 'exceljs';
import type { ActionCreateInput, BudgetLine } from '../../shared/api/actions.js';
import { actionCreateInput, budgetLineSchema } from '../../shared/api/actions.js';
import type { PlanImportIssue } from '../../shared/api/office.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../shared/enums.js';
import { ACTION_PRIORITIES, ACTION_PRIORITY_LABELS, BUDGET_NATURES, BUDGET_NATURE_LABELS, STATUSES_NEEDING_REASON } from '../../shared/plan.js';
import { plainValue, parseDateCell, parseNumberCell, textOf } from './cells.js';
import { ACTION_COLUMNS, BUDGET_COLUMNS, SHEETS, columnLetter, normalizeHeader, type ColumnDef } from './plan-sheets.js';

type Plain = string | number | boolean | Date;
export interface ParsedAction {
  row: number;
  ref: string;
  axis: string | null;
  parentRef: string | null;
  input: Omit<ActionCreateInput, 'axisId' | 'axisIds' | 'parentId'> & { budgetLines: BudgetLine[] };
}
export interface ParsedPlan {
  actions: ParsedAction[];
  errors: PlanImportIssue[];
}

/** Codes found from their French label or their code, compared without case or accents. */
const lookup = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  new Map<string, T>(codes.flatMap((code) => [[normalizeHeader(code), code] as [string, T], [normalizeHeader(labels[code]), code] as [string, T]]));
const STATUSES = lookup(ACTION_STATUSES, ACTION_STATUS_LABELS);
const PRIORITIES = lookup(ACTION_PRIORITIES, ACTION_PRIORITY_LABELS);
const NATURES = lookup(BUDGET_NATURES, BUDGET_NATURE_LABELS);
const splitList = (text: string) => text.split(/\s*[;\n]\s*/).map((s) => s.trim()).filter(Boolean);

interface SheetRow<K extends string> {
  row: number;
  get(key: K): Plain | null;
  issue(key: K, message: string): void;
}

/** The data rows of a sheet, its columns found by header; missing required headers are reported. */
function readSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef<K>[],
  required: readonly K[],
  errors: PlanImportIssue[],
): SheetRow<K>[] {
  const sheet = workbook.worksheets.find((s) => normalizeHeader(s.name) === normalizeHeader(name));
  if (!sheet) {
    if (required.length) errors.push({ sheet: name, row: null, column: null, message: `la feuille « ${name} » est absente du classeur.` });
    return [];
  }
  const positions = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, colNumber) => {
    const header = normalizeHeader(textOf(plainValue(cell.value) ?? ''));
    const def = columns.find((c) => normalizeHeader(c.header) === header);
    if (def && !positions.has(def.key)) positions.set(def.key, colNumber);
  });
  for (const key of required) {
    if (!positions.has(key)) {
      const header = columns.find((c) => c.key === key)!.header;
      errors.push({ sheet: name, row: 1, column: null, message: `la colonne « ${header} » est absente de la ligne d’en-tête.` });
    }
  }
  const rows: SheetRow<K>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const values = new Map<K, Plain | null>();
    for (const [key, position] of positions) values.set(key, plainValue(excelRow.getCell(position).value));
    if ([...values.values()].every((v) => v === null)) continue;
    rows.push({
      row: r,
      get: (key) => values.get(key) ?? null,
      issue: (key, message) => {
        const position = positions.get(key);
        const header = columns.find((c) => c.key === key)!.header;
        errors.push({ sheet: name, row: r, column: position ? `${columnLetter(position)} (${header})` : header, message });
      },
    });
  }
  return rows;
}

type ActionKey = (typeof ACTION_COLUMNS)[number]['key'];

function readAction(row: SheetRow<ActionKey>, themeCodes: Map<string, string>): ParsedAction | null {
  let ok = true;
  const fail = (key: ActionKey, message: string) => {
    row.issue(key, message);
    ok = false;
  };
  const text = (key: ActionKey) => {
    const v = row.get(key);
    return v === null ? null : textOf(v);
  };
  const date = (key: ActionKey) => {
    const v = row.get(key);
    if (v === null) return null;
    const iso = parseDateCell(v);
    if (!iso) fail(key, `« ${textOf(v)} » n’est pas une date valide (attendu JJ/MM/AAAA).`);
    return iso ?? null;
  };
  const title = text('title');
  if (!title) fail('title', 'le titre de l’action est obligatoire.');
  const themes: string[] = [];
  for (const label of splitList(text('themes') ?? '')) {
    const code = themeCodes.get(normalizeHeader(label));
    if (code) themes.push(code);
    else fail('themes', `champ d’intervention inconnu : « ${label} ».`);
  }
  if (!text('themes')) fail('themes', 'indiquez au moins un champ d’intervention.');
  const statusText = text('status');
  const status = statusText ? STATUSES.get(normalizeHeader(statusText)) : 'a_venir';
  if (!status) fail('status', `statut inconnu : « ${statusText} » (À venir, En cours, Réalisée, En pause, En retard ou Abandonnée).`);
  const statusReason = text('statusReason');
  if (status && STATUSES_NEEDING_REASON.includes(status) && !statusReason) fail('statusReason', `indiquez pourquoi l’action est « ${ACTION_STATUS_LABELS[status].toLowerCase()} ».`);
  const priorityText = text('priority');
  const priority = priorityText ? PRIORITIES.get(normalizeHeader(priorityText)) : null;
  if (priority === undefined) fail('priority', `priorité inconnue : « ${priorityText} » (Haute, Moyenne ou Basse).`);
  const progressCell = row.get('progress');
  const progress = progressCell === null ? 0 : parseNumberCell(progressCell);
  if (progress === undefined || !Number.isInteger(progress) || progress < 0 || progress > 100) {
    fail('progress', `« ${textOf(progressCell ?? '')} » : l’avancement est un nombre entier de 0 à 100.`);
  }
  const startDate = date('startDate');
  const endDate = date('endDate');
  if (startDate && endDate && endDate < startDate) fail('endDate', 'la date de fin précède la date de début.');
  const highlightedText = normalizeHeader(text('highlighted') ?? 'non');
  if (!['oui', 'non', 'o', 'n', '1', '0', 'vrai', 'faux'].includes(highlightedText)) fail('highlighted', `« ${text('highlighted')} » : répondez « oui » ou « non ».`);
  const input = {
    title: title ?? '',
    description: text('description'),
    themes,
    pilot: text('pilot'),
    partners: splitList(text('partners') ?? ''),
    targetPublic: text('targetPublic'),
    scope: text('scope'),
    status: status ?? 'a_venir',
    statusReason,
    priority: priority ?? null,
    progress: progress ?? 0,
    startDate,
    endDate,
    highlighted: ['oui', 'o', '1', 'vrai'].includes(highlightedText),
    objectives: text('objectives'),
  };
  if (!ok) return null;
  // The API's own rules (lengths, list sizes) apply to the row as they apply to the form.
  const checked = actionCreateInput.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = (ACTION_COLUMNS.find((c) => c.key === issue.path[0])?.key ?? 'title') as ActionKey;
      fail(key, issue.message);
    }
    return null;
  }
  const { axisId: _axisId, axisIds: _axisIds, parentId: _parentId, ...fields } = checked.data;
  return { row: row.row, ref: text('ref') ?? '', axis: text('axis'), parentRef: text('parentRef'), input: { ...fields, budgetLines: [] } };
}

type BudgetKey = (typeof BUDGET_COLUMNS)[number]['key'];

function readBudgetLine(row: SheetRow<BudgetKey>): { actionRef: string; line: BudgetLine } | null {
  let ok = true;
  const fail = (key: BudgetKey, message: string) => {
    row.issue(key, message);
    ok = false;
  };
  const actionRef = row.get('actionRef');
  if (actionRef === null) fail('actionRef', 'indiquez la référence de l’action.');
  const yearCell = row.get('year');
  const year = yearCell === null ? undefined : parseNumberCell(yearCell);
  if (year === undefined || !Number.isInteger(year) || year < 1990 || year > 2100) fail('year', `« ${textOf(yearCell ?? '')} » n’est pas une année valide (1990 à 2100).`);
  const funder = row.get('funder');
  if (funder === null || textOf(funder).length < 2) fail('funder', 'indiquez le financeur (2 caractères au moins).');
  const natureText = textOf(row.get('nature') ?? '');
  const nature = NATURES.get(normalizeHeader(natureText));
  if (!nature) fail('nature', `nature inconnue : « ${natureText} » (Fonctionnement ou Investissement).`);
  const amount = (key: BudgetKey, optional: boolean): number | null => {
    const cell = row.get(key);
    if (cell === null) {
      if (!optional) fail(key, 'indiquez le montant en euros.');
      return null;
    }
    const value = parseNumberCell(cell);
    if (value === undefined || value < 0 || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
      fail(key, `« ${textOf(cell)} » n’est pas un montant valide (euros positifs, 2 décimales au plus).`);
      return null;
    }
    return Math.round(value * 100);
  };
  const plannedCents = amount('planned', false);
  const actualCents = amount('actual', true);
  if (!ok) return null;
  const line = { year: year!, funder: textOf(funder!), nature: nature!, plannedCents: plannedCents!, actualCents };
  const checked = budgetLineSchema.safeParse(line);
  if (!checked.success) {
    fail('planned', checked.error.issues[0]!.message);
    return null;
  }
  return { actionRef: textOf(actionRef!), line: checked.data };
}

/** Reads every row of both sheets and reports every problem; nothing is written here. */
export async function parsePlanWorkbook(content: Buffer, themes: readonly { code: string; label: string }[]): Promise<ParsedPlan> {
  const errors: PlanImportIssue[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { actions: [], errors: [{ sheet: '—', row: null, column: null, message: 'le fichier n’est pas un classeur Excel (.xlsx) lisible.' }] };
  }
  const themeCodes = new Map(themes.flatMap((t) => [[normalizeHeader(t.code), t.code] as const, [normalizeHeader(t.label), t.code] as const]));
  const actions: ParsedAction[] = [];
  const byRef = new Map<string, ParsedAction>();
  const actionRows = readSheet(workbook, SHEETS.actions, ACTION_COLUMNS, ['title', 'themes'], errors);
  for (const row of actionRows) {
    const parsed = readAction(row, themeCodes);
    if (!parsed) continue;
    // Without a reference, the title is the action's reference: re-importing still finds it.
    if (!parsed.ref) parsed.ref = `titre:${normalizeHeader(parsed.input.title)}`;
    if (byRef.has(parsed.ref)) {
      row.issue('ref', `la référence « ${parsed.ref.replace(/^titre:/, '')} » est déjà utilisée ligne ${byRef.get(parsed.ref)!.row}.`);
      continue;
    }
    byRef.set(parsed.ref, parsed);
    actions.push(parsed);
  }
  for (const action of actions) {
    if (!action.parentRef) continue;
    const parent = byRef.get(action.parentRef);
    const row = actionRows.find((r) => r.row === action.row)!;
    if (!parent) row.issue('parentRef', `aucune action de référence « ${action.parentRef} » dans la feuille.`);
    else if (parent.parentRef) row.issue('parentRef', 'une sous-action ne peut pas avoir elle-même de sous-actions.');
    else if (parent === action) row.issue('parentRef', 'une action ne peut pas être sa propre parente.');
  }
  for (const row of readSheet(workbook, SHEETS.budget, BUDGET_COLUMNS, [], errors)) {
    const parsed = readBudgetLine(row);
    if (!parsed) continue;
    const action = byRef.get(parsed.actionRef);
    if (!action) row.issue('actionRef', `aucune action de référence « ${parsed.actionRef} » dans la feuille ${SHEETS.actions}.`);
    else action.input.budgetLines.push(parsed.line);
  }
  if (!errors.length && actions.length === 0) errors.push({ sheet: SHEETS.actions, row: null, column: null, message: 'la feuille ne contient aucune action.' });
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return { actions, errors };
}
