import type { ServiceContext } from '../platform/context.js';
import { ANONYMOUS } from '../accounts/principal.js';
import { listConventions } from '../conventions/conventions.queries.js';
import { listActions } from '../plans/actions.service.js';
import type { ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';
import { actionRow, conventionRow, tableSchema, toCsv, toJson, type OpenDataSet, type OpenRow } from './open-data.js';
import { logExport } from './plan-export.service.js';

const PAGE = 200;

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

/**
 * Published data only, whoever asks: the lists are read as an anonymous visitor would read them, so
 * their SQL keeps signed conventions and their highlighted actions.
 */
async function publishedActions(ctx: ServiceContext, conventionId?: number): Promise<Action[]> {
  return allPages((cursor) => listActions(ctx.db, ANONYMOUS, { convention: conventionId, limit: PAGE, cursor }));
}

async function rowsOf(ctx: ServiceContext, set: OpenDataSet, conventionId?: number): Promise<OpenRow[]> {
  const actions = await publishedActions(ctx, conventionId);
  if (set === 'actions') return actions.map(actionRow);
  const conventions = await allPages<ConventionSummary>((cursor) => listConventions(ctx.db, ANONYMOUS, { limit: PAGE, cursor }));
  return conventions
    .filter((c) => conventionId === undefined || c.id === conventionId)
    .map((c) => conventionRow(c, actions.filter((a) => a.conventionId === c.id).length));
}

export async function openDataCsv(ctx: ServiceContext, set: OpenDataSet, conventionId?: number): Promise<string> {
  const rows = await rowsOf(ctx, set, conventionId);
  await logExport(ctx, { format: 'csv', what: `open-data:${set}`, conventionId, count: rows.length });
  return toCsv(tableSchema(set), rows);
}

export async function openDataJson(ctx: ServiceContext, set: OpenDataSet, conventionId?: number) {
  const rows = await rowsOf(ctx, set, conventionId);
  await logExport(ctx, { format: 'json', what: `open-data:${set}`, conventionId, count: rows.length });
  return toJson(set, tableSchema(set), rows);
}
