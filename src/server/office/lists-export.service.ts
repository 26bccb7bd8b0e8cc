import type { ServiceContext } from '../platform/context.js';
import type { Principal } from '../accounts/principal.js';
import { listConventions } from '../conventions/conventions.queries.js';
import { listActions } from '../plans/actions.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { ConventionListQuery, ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';
import type { ActionsExportQuery } from '../../shared/api/office.js';
import { ACTION_STATUS_LABELS, CONVENTION_STATUS_LABELS } from '../../shared/enums.js';
import { ACTION_PRIORITY_LABELS } from '../../shared/plan.js';
import { addSheet, dateCell, newWorkbook, toBuffer } from './plan-workbook.js';
import type { ColumnDef } from './plan-sheets.js';
import { logExport } from './plan-export.service.js';

const PAGE = 200;
const SYSTEM: Principal = { kind: 'token', tokenId: 0, name: 'système', isPlatformAdmin: true, memberships: [] };

/** Walks every page of a scoped list (the scope is applied in SQL by the list itself). */
async function allPages<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const c = (key: string, header: string, kind: ColumnDef['kind'], width: number): ColumnDef => ({ key, header, kind, width, note: '' });

const CONVENTION_COLUMNS = [
  c('id', 'N°', 'integer', 6),
  c('title', 'Convention', 'text', 50),
  c('caf', 'Caf', 'text', 28),
  c('territories', 'Territoires', 'text', 40),
  c('status', 'Statut', 'text', 14),
  c('start', 'Année de début', 'integer', 10),
  c('end', 'Année de fin', 'integer', 10),
  c('signed', 'Première signature', 'date', 13),
  c('population', 'Population couverte', 'integer', 14),
  c('actions', 'Actions', 'integer', 9),
  c('themes', 'Champs d’intervention', 'text', 40),
];

export async function exportConventionsXlsx(ctx: ServiceContext, query: Omit<ConventionListQuery, 'limit' | 'cursor'>): Promise<Buffer> {
  const principal = ctx.principal ?? null;
  const labels = new Map((await listThemes(ctx.db)).map((t) => [t.code, t.label]));
  const items = await allPages<ConventionSummary>((cursor) => listConventions(ctx.db, principal, { ...query, limit: PAGE, cursor }));
  const workbook = newWorkbook();
  const sheet = addSheet(
    workbook,
    'Conventions',
    CONVENTION_COLUMNS,
    items.map((x) => [
      x.id,
      x.title,
      x.caf.name,
      x.territories.map((t) => t.name).join(', '),
      CONVENTION_STATUS_LABELS[x.status],
      x.startYear,
      x.endYear,
      dateCell(x.firstSignatureDate),
      x.population,
      x.actionCount,
      x.themes.map((code) => labels.get(code) ?? code).join(' ; '),
    ]),
  );
  sheet.getColumn(9).numFmt = '#,##0';
  await logExport(ctx, { format: 'xlsx', what: 'conventions', count: items.length });
  return toBuffer(workbook);
}

const ACTION_LIST_COLUMNS = [
  c('id', 'N°', 'integer', 7),
  c('convention', 'N° de convention', 'integer', 10),
  c('title', 'Action', 'text', 50),
  c('themes', 'Champs d’intervention', 'text', 30),
  c('pilot', 'Pilote', 'text', 24),
  c('status', 'Statut', 'text', 13),
  c('priority', 'Priorité', 'text', 10),
  c('progress', 'Avancement (%)', 'integer', 10),
  c('start', 'Date de début', 'date', 13),
  c('end', 'Date de fin', 'date', 13),
  c('planned', 'Budget prévu (€)', 'euros', 16),
  c('actual', 'Budget réalisé (€)', 'euros', 16),
];

export async function exportActionsXlsx(ctx: ServiceContext, query: ActionsExportQuery): Promise<Buffer> {
  const principal = ctx.principal ?? SYSTEM;
  const labels = new Map((await listThemes(ctx.db)).map((t) => [t.code, t.label]));
  const items = await allPages<Action>((cursor) => listActions(ctx.db, principal, { ...query, limit: PAGE, cursor }));
  const sum = (a: Action, pick: (l: Action['budgetLines'][number]) => number | null) => a.budgetLines.reduce((n, l) => n + (pick(l) ?? 0), 0) / 100;
  const workbook = newWorkbook();
  addSheet(
    workbook,
    'Actions',
    ACTION_LIST_COLUMNS,
    items.map((a) => [
      a.id,
      a.conventionId,
      a.title,
      a.themes.map((code) => labels.get(code) ?? code).join(' ; '),
      a.pilot,
      ACTION_STATUS_LABELS[a.status],
      a.priority ? ACTION_PRIORITY_LABELS[a.priority] : null,
      a.progress,
      dateCell(a.startDate),
      dateCell(a.endDate),
      sum(a, (l) => l.plannedCents),
      sum(a, (l) => l.actualCents),
    ]),
  );
  await logExport(ctx, { format: 'xlsx', what: 'actions', count: items.length });
  return toBuffer(workbook);
}
