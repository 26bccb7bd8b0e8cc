import type { Executor } from '../platform/db/schema.js';
import { notFound } from '../platform/http/errors.js';
import { changedFields } from '../../shared/diff.js';
import { formatEuros } from '../../shared/plan-format.js';
import type { HistoryFilter, HistoryPage, HistoryQuery } from '../../shared/api/history.js';
import { findAction } from '../plans/actions.repository.js';
import * as repo from './history.repository.js';

type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number];

const parse = (text: string | null): Record<string, unknown> | null => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

function labelOf(state: Record<string, unknown> | null): string {
  if (!state) return '';
  for (const key of ['title', 'filename', 'date']) if (typeof state[key] === 'string') return state[key];
  return '';
}

/** Computed fields are not changes of their own: they follow from the others. */
const DERIVED = new Set(['assessment', 'axisId', 'snapshot']);

type ValueLike = { id: number; date: string; value: number };

/** Indicator values as « ajout : 446 au 2025-12-31 » rather than two lists. */
function valueChanges(before: unknown, after: unknown) {
  const b = (Array.isArray(before) ? before : []) as ValueLike[];
  const a = (Array.isArray(after) ? after : []) as ValueLike[];
  const added = a.filter((v) => !b.some((x) => x.id === v.id)).map((v) => `${v.value} au ${v.date}`);
  const removed = b.filter((v) => !a.some((x) => x.id === v.id)).map((v) => `${v.value} au ${v.date}`);
  return { field: 'values', before: removed.length ? `retirée : ${removed.join(', ')}` : null, after: added.length ? `ajoutée : ${added.join(', ')}` : null };
}

const budgetText = (lines: unknown) =>
  Array.isArray(lines) && lines.length
    ? (lines as { year: number; funder: string; plannedCents: number; actualCents: number | null }[])
        .map((l) => `${l.year} ${l.funder} : prévu ${formatEuros(l.plannedCents)}${l.actualCents === null ? '' : `, réalisé ${formatEuros(l.actualCents)}`}`)
        .join(' ; ')
    : null;

function readableChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  return changedFields(before, after)
    .filter((c) => !DERIVED.has(c.field))
    .map((c) => (c.field === 'values' ? valueChanges(c.before, c.after) : c.field === 'budgetLines' ? { ...c, before: budgetText(c.before), after: budgetText(c.after) } : c));
}

/** An audit row as users read it: who, when, which object, which fields changed (before → after). */
export function presentEvent(row: EventRow) {
  const before = parse(row.before_json);
  const after = parse(row.after_json);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityLabel: labelOf(after ?? before),
    operation: row.operation,
    origin: row.origin,
    changes: row.operation === 'update' || row.operation === 'status' ? readableChanges(before, after) : [],
  };
}

async function page(db: Executor, targets: repo.HistoryTarget[], filter: HistoryFilter): Promise<HistoryPage> {
  const rows = await repo.listEvents(db, targets, filter);
  return { events: rows.map(presentEvent), actors: await repo.actorsOf(db, targets) };
}

/** One object's history. */
export async function historyOf(db: Executor, query: HistoryQuery): Promise<HistoryPage> {
  return page(db, [{ entityType: query.entityType, entityIds: [query.entityId] }], query);
}

/** A fiche action's history: the action, its indicators (and their values), notes and documents. */
export async function actionHistory(db: Executor, actionId: number, filter: HistoryFilter): Promise<HistoryPage> {
  if (!(await findAction(db, actionId))) throw notFound(`Action ${actionId}`);
  const targets = [
    { entityType: 'action', entityIds: [actionId] },
    { entityType: 'indicator', entityIds: await repo.idsOf(db, 'indicator', actionId) },
    { entityType: 'action_note', entityIds: await repo.idsOf(db, 'action_note', actionId) },
    { entityType: 'action_document', entityIds: await repo.auditedDocumentIds(db, actionId) },
  ];
  return page(db, targets, filter);
}
