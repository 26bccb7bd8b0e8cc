import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../platform/db/schema.js';
import type { SecurityEventQuery } from '../../shared/api/security.js';
import { likeContains } from '../platform/db/dialect.js';

type Filter = Omit<SecurityEventQuery, 'limit' | 'cursor'>;

/** Day bounds compare as text: timestamps are ISO-8601 in UTC on both engines. */
function filtered<O>(query: SelectQueryBuilder<Database, 'security_event', O>, filter: Filter) {
  let q = query;
  if (filter.from) q = q.where('at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) q = q.where('at', '<=', `${filter.to}T23:59:59.999Z`);
  if (filter.actor) q = q.where(sql<string>`lower(actor)`, 'like', likeContains(filter.actor.toLowerCase()));
  if (filter.event) q = q.where('event', '=', filter.event);
  return q;
}

export async function countSecurityEvents(db: Executor, filter: Filter): Promise<number> {
  const row = await filtered(db.selectFrom('security_event'), filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Newest first; the cursor is the last id seen. */
export async function listSecurityEvents(db: Executor, filter: Filter, page: { beforeId?: number; limit: number }) {
  let q = filtered(db.selectFrom('security_event'), filter).selectAll();
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}
