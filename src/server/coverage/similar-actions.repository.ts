import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

/** The texts of the actions a caller may see (anonymous callers: highlighted actions of signed conventions). */
export async function actionTexts(db: Executor, scope: ConventionScope, highlightedOnly: boolean) {
  let q = db
    .selectFrom('action as a')
    .select(['a.id', 'a.convention_id', 'a.title', 'a.description', 'a.target_public', 'a.status', 'a.updated_at'])
    .where(inScope(sql.ref('a.convention_id'), scope));
  if (highlightedOnly) q = q.where('a.highlighted', '=', 1);
  const rows = await q.orderBy('a.id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), convention_id: Number(r.convention_id) }));
}

export async function conventionTitles(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('convention').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.title]));
}
