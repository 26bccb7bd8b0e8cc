import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

const CHUNK = 500;

/** Ids, conventions and last updates of the actions a caller may see (anonymous: highlighted actions of signed conventions). */
export async function actionKeys(db: Executor, scope: ConventionScope, highlightedOnly: boolean) {
  let q = db.selectFrom('action as a').select(['a.id', 'a.convention_id', 'a.updated_at']).where(inScope(sql.ref('a.convention_id'), scope));
  if (highlightedOnly) q = q.where('a.highlighted', '=', 1);
  const rows = await q.orderBy('a.id').execute();
  return rows.map((r) => ({ id: Number(r.id), convention_id: Number(r.convention_id), updated_at: r.updated_at }));
}

/** The texts compared, read only for the actions whose stems are not known yet. */
export async function actionTexts(db: Executor, ids: number[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('action')
        .select(['id', 'title', 'description', 'target_public', 'updated_at'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** What a proposed action shows: its title, description, status and convention. */
export async function actionSummaries(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('action as a')
    .innerJoin('convention as c', 'c.id', 'a.convention_id')
    .select(['a.id', 'a.title', 'a.description', 'a.status', 'a.convention_id', 'c.title as convention_title'])
    .where('a.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), convention_id: Number(r.convention_id) }));
}
