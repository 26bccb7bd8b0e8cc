import type { Executor } from '../platform/db/schema.js';
import type { HistoryFilter } from '../../shared/api/history.js';

export interface HistoryTarget {
  entityType: string;
  entityIds: readonly number[];
}

/** Audit events of the given objects, newest first, filtered by person and day range. */
export function listEvents(db: Executor, targets: readonly HistoryTarget[], filter: HistoryFilter, limit = 500) {
  const wanted = targets.filter((t) => t.entityIds.length > 0);
  let q = db
    .selectFrom('audit_event')
    .selectAll()
    .where((eb) => eb.or(wanted.map((t) => eb.and([eb('entity_type', '=', t.entityType), eb('entity_id', 'in', t.entityIds.map(String))]))));
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', `${filter.to}T99`);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function actorsOf(db: Executor, targets: readonly HistoryTarget[]): Promise<string[]> {
  const wanted = targets.filter((t) => t.entityIds.length > 0);
  const rows = await db
    .selectFrom('audit_event')
    .select('actor')
    .distinct()
    .where((eb) => eb.or(wanted.map((t) => eb.and([eb('entity_type', '=', t.entityType), eb('entity_id', 'in', t.entityIds.map(String))]))))
    .orderBy('actor')
    .execute();
  return rows.map((r) => r.actor);
}

export async function idsOf(db: Executor, table: 'indicator' | 'action_note' | 'action_document', actionId: number): Promise<number[]> {
  const rows = await db.selectFrom(table).select('id').where('action_id', '=', actionId).execute();
  return rows.map((r) => r.id);
}

/** Ids of the past documents of an action, read from their audit records (deleted ones included). */
export async function auditedDocumentIds(db: Executor, actionId: number): Promise<number[]> {
  const rows = await db.selectFrom('audit_event').select(['entity_id', 'after_json', 'before_json']).where('entity_type', '=', 'action_document').execute();
  return rows
    .filter((r) => {
      const o = JSON.parse(r.after_json ?? r.before_json ?? '{}') as { actionId?: number };
      return o.actionId === actionId;
    })
    .map((r) => Number(r.entity_id));
}
