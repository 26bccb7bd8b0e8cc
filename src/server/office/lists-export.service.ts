import type { Readable } from 'node:stream';
import type { ServiceContext } from '../platform/context.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { listConventions } from '../conventions/conventions.queries.js';
import { listActions, listActionsOfConventions } from '../plans/actions.service.js';
import { listIndicators } from '../indicators/indicators.service.js';
import { listAxesOf } from '../plans/axes.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { ConventionListQuery, ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import type { ActionsExportQuery, IndicatorsExportQuery } from '../../shared/api/office.js';
import { ACTION_STATUS_LABELS, CONVENTION_STATUS_LABELS } from '../../shared/enums.js';
import { ACTION_PRIORITY_LABELS, INDICATOR_DIRECTION_LABELS, INDICATOR_KIND_LABELS, INDICATOR_STATE_LABELS } from '../../shared/plan.js';
import { normalizeForSearch } from '../../shared/text.js';
import { dateCell, type ColumnDef } from './plan-sheets.js';
import { logExport } from './plan-export.service.js';
import { conventionTitleOf } from './office.repository.js';
import { itemsOf, streamWorkbook, type Cell } from './streamed-workbook.js';

const PAGE = 200;
const c = (key: string, header: string, kind: ColumnDef['kind'], width: number): ColumnDef => ({ key, header, kind, width, note: '' });
const themeLabelsOf = async (ctx: ServiceContext) => new Map((await listThemes(ctx.db)).map((t) => [t.code, t.label]));

const CONVENTION_COLUMNS = [
  c('id', 'N°', 'integer', 6),
  c('title', 'Convention', 'text', 50),
  c('caf', 'Caf', 'text', 28),
  c('territories', 'Territoires', 'text', 40),
  c('status', 'Statut', 'text', 14),
  c('start', 'Année de début', 'integer', 10),
  c('end', 'Année de fin', 'integer', 10),
  c('signed', 'Première signature', 'date', 13),
  c('population', 'Population couverte', 'thousands', 14),
  c('actions', 'Actions', 'integer', 9),
  c('themes', 'Champs d’intervention', 'text', 40),
];

/** The filtered convention list as a workbook, streamed page by page in the caller's scope. */
export async function exportConventionsXlsx(ctx: ServiceContext, query: Omit<ConventionListQuery, 'limit' | 'cursor'>): Promise<Readable> {
  const principal = principalOf(ctx);
  const labels = await themeLabelsOf(ctx);
  await logExport(ctx, { format: 'xlsx', what: 'conventions', filters: query });
  return streamWorkbook([
    {
      name: 'Conventions',
      columns: CONVENTION_COLUMNS,
      rows: async function* () {
        for await (const x of itemsOf<ConventionSummary>((cursor) => listConventions(ctx.db, principal, { ...query, limit: PAGE, cursor }))) {
          yield [
            x.id, x.title, x.caf.name, x.territories.map((t) => t.name).join(', '), CONVENTION_STATUS_LABELS[x.status], x.startYear, x.endYear,
            dateCell(x.firstSignatureDate), x.population, x.actionCount, x.themes.map((code) => labels.get(code) ?? code).join(' ; '),
          ];
        }
      },
    },
  ]);
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

const sumEuros = (a: Action, pick: (l: Action['budgetLines'][number]) => number | null) => a.budgetLines.reduce((n, l) => n + (pick(l) ?? 0), 0) / 100;

/** The filtered action list (every convention the caller may see) as a streamed workbook. */
export async function exportActionsXlsx(ctx: ServiceContext, query: ActionsExportQuery): Promise<Readable> {
  const principal = principalOf(ctx);
  const labels = await themeLabelsOf(ctx);
  await logExport(ctx, { format: 'xlsx', what: 'actions', conventionId: query.convention, filters: query });
  return streamWorkbook([
    {
      name: 'Actions',
      columns: ACTION_LIST_COLUMNS,
      rows: async function* () {
        for await (const a of itemsOf<Action>((cursor) => listActions(ctx.db, principal, { ...query, limit: PAGE, cursor }))) {
          yield [
            a.id, a.conventionId, a.title, a.themes.map((code) => labels.get(code) ?? code).join(' ; '), a.pilot, ACTION_STATUS_LABELS[a.status],
            a.priority ? ACTION_PRIORITY_LABELS[a.priority] : null, a.progress, dateCell(a.startDate), dateCell(a.endDate),
            sumEuros(a, (l) => l.plannedCents), sumEuros(a, (l) => l.actualCents),
          ];
        }
      },
    },
  ]);
}

const INDICATOR_COLUMNS = [
  c('id', 'N°', 'integer', 7),
  c('convention', 'Convention', 'text', 40),
  c('action', 'Action ou axe', 'text', 40),
  c('title', 'Indicateur', 'text', 40),
  c('kind', 'Type', 'text', 22),
  c('unit', 'Unité', 'text', 12),
  c('direction', 'Sens attendu', 'text', 14),
  c('baseline', 'Valeur de référence', 'number', 12),
  c('baselineDate', 'Date de référence', 'date', 13),
  c('target', 'Cible', 'number', 12),
  c('targetDate', 'Date de la cible', 'date', 13),
  c('last', 'Dernière valeur', 'number', 12),
  c('lastDate', 'Date de la dernière valeur', 'date', 13),
  c('state', 'État', 'text', 14),
];
const VALUE_COLUMNS = [
  c('indicator', 'N° d’indicateur', 'integer', 10),
  c('title', 'Indicateur', 'text', 40),
  c('convention', 'Convention', 'text', 40),
  c('date', 'Date', 'date', 13),
  c('value', 'Valeur', 'number', 12),
  c('source', 'Source', 'text', 24),
  c('comment', 'Commentaire', 'text', 40),
];

interface IndicatorBatch {
  conventionTitle: string;
  ownerTitle: Map<string, string>;
  indicators: Indicator[];
}

/** Conventions of the export: the one asked for (access checked by the caller), or every one in scope. */
async function* conventionsOf(ctx: ServiceContext, query: IndicatorsExportQuery): AsyncIterable<{ id: number; title: string }> {
  if (query.convention) {
    yield { id: query.convention, title: (await conventionTitleOf(ctx.db, query.convention)) ?? '' };
    return;
  }
  yield* itemsOf<ConventionSummary>((cursor) => listConventions(ctx.db, principalOf(ctx), { caf: query.caf, limit: PAGE, cursor }));
}

/** One convention at a time: its indicators that match the filters, and the titles of their actions and axes. */
async function* indicatorBatches(ctx: ServiceContext, query: IndicatorsExportQuery): AsyncIterable<IndicatorBatch> {
  const words = normalizeForSearch(query.q ?? '').split(' ').filter(Boolean);
  for await (const convention of conventionsOf(ctx, query)) {
    const indicators = (await listIndicators(ctx.db, { conventionId: convention.id })).filter(
      (i) => (!query.state || i.assessment.state === query.state) && (!query.kind || i.kind === query.kind) && words.every((w) => normalizeForSearch(i.title).includes(w)),
    );
    if (!indicators.length) continue;
    const actions = await listActionsOfConventions(ctx.db, [convention.id]);
    const axes = await listAxesOf(ctx.db, convention.id);
    const ownerTitle = new Map([...actions.map((a) => [`action:${a.id}`, a.title] as const), ...axes.map((a) => [`axis:${a.id}`, `Axe : ${a.title}`] as const)]);
    yield { conventionTitle: convention.title, ownerTitle, indicators };
  }
}

function indicatorRow(batch: IndicatorBatch, i: Indicator): Cell[] {
  const last = i.values.at(-1);
  const owner = i.actionId ? batch.ownerTitle.get(`action:${i.actionId}`) : i.axisId ? batch.ownerTitle.get(`axis:${i.axisId}`) : null;
  return [
    i.id, batch.conventionTitle, owner ?? null, i.title, INDICATOR_KIND_LABELS[i.kind], i.unit, INDICATOR_DIRECTION_LABELS[i.direction],
    i.baselineValue, dateCell(i.baselineDate), i.targetValue, dateCell(i.targetDate), last?.value ?? null, dateCell(last?.date), INDICATOR_STATE_LABELS[i.assessment.state],
  ];
}

/** Indicators with their values (two sheets), streamed one convention at a time in the caller's scope. */
export async function exportIndicatorsXlsx(ctx: ServiceContext, query: IndicatorsExportQuery): Promise<Readable> {
  if (query.convention) await requireConventionAccess(ctx.db, principalOf(ctx), query.convention, 'read');
  await logExport(ctx, { format: 'xlsx', what: 'indicateurs', conventionId: query.convention, filters: query });
  return streamWorkbook([
    {
      name: 'Indicateurs',
      columns: INDICATOR_COLUMNS,
      rows: async function* () {
        for await (const batch of indicatorBatches(ctx, query)) for (const i of batch.indicators) yield indicatorRow(batch, i);
      },
    },
    {
      name: 'Valeurs',
      columns: VALUE_COLUMNS,
      rows: async function* () {
        for await (const batch of indicatorBatches(ctx, query)) {
          for (const i of batch.indicators) for (const v of i.values) yield [i.id, i.title, batch.conventionTitle, dateCell(v.date), v.value, v.source, v.comment];
        }
      },
    },
  ]);
}
