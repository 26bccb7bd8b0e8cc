import { sql, type RawBuilder } from 'kysely';
import type { ActionTable, Executor } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';
import { likeContains, searchWords } from '../platform/db/dialect.js';
import { normalizeForSearch } from '../../shared/text.js';

/** Rows per multi-row insert: well under the bound-parameter limits of both engines. */
export const INSERT_CHUNK = 500;

export type ActionRow = Omit<ActionTable, 'id' | 'version' | 'search_text'> & {
  id: number;
  version: number;
  pilot_user_name: string | null;
  pilot_organisation_name: string | null;
};
const actionColumns = [
  'id', 'convention_id', 'axis_id', 'parent_id', 'title', 'description', 'pilot', 'partners', 'target_public',
  'scope', 'places', 'labels', 'status', 'highlighted', 'position', 'version', 'created_at', 'updated_at',
  'objectives', 'start_date', 'end_date', 'status_reason', 'priority', 'progress', 'pilot_user_id', 'pilot_organisation_id',
] as const;

/** The names of the linked pilot (account, organisation), read beside the action's own columns. */
const pilotNames = [
  sql<string | null>`(select u.display_name from app_user u where u.id = action.pilot_user_id)`.as('pilot_user_name'),
  sql<string | null>`(select o.name from organisation o where o.id = action.pilot_organisation_id)`.as('pilot_organisation_name'),
];

export interface ActionFilter {
  conventionIds?: readonly number[];
  theme?: string;
  status?: string;
  q?: string;
  axisId?: number;
  pilot?: string;
  afterId?: number;
  limit?: number;
  scope?: ConventionScope;
  highlightedOnly?: boolean;
}

function filtered(db: Executor, filter: ActionFilter) {
  let q = db.selectFrom('action');
  if (filter.scope) q = q.where(inScope(sql.ref('action.convention_id'), filter.scope));
  if (filter.highlightedOnly) q = q.where('highlighted', '=', 1);
  if (filter.conventionIds) q = q.where('convention_id', 'in', filter.conventionIds.length ? filter.conventionIds : [-1]);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.pilot) q = q.where('pilot', '=', filter.pilot);
  if (filter.axisId) {
    const axisId = filter.axisId;
    q = q.where((eb) =>
      eb.or([eb('axis_id', '=', axisId), eb.exists(eb.selectFrom('action_axis as aa').select('aa.action_id').whereRef('aa.action_id', '=', 'action.id').where('aa.axis_id', '=', axisId))]),
    );
  }
  for (const word of searchWords(normalizeForSearch(filter.q ?? ''))) q = q.where('search_text', 'like', likeContains(word));
  if (filter.theme) {
    const theme = filter.theme;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('action_theme as at').select('at.action_id').whereRef('at.action_id', '=', 'action.id').where('at.theme_code', '=', theme)),
    );
  }
  return q;
}

export async function listActions(db: Executor, filter: ActionFilter): Promise<ActionRow[]> {
  let q = filtered(db, filter).select(actionColumns).select(pilotNames);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  if (filter.limit) return q.orderBy('id').limit(filter.limit).execute();
  return q.orderBy('convention_id').orderBy('position').orderBy('id').execute();
}

export async function countActions(db: Executor, filter: ActionFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const findAction = (db: Executor, id: number): Promise<ActionRow | undefined> =>
  db.selectFrom('action').select(actionColumns).select(pilotNames).where('id', '=', id).executeTakeFirst();

/** The action with a flag computed in the same statement (a right on its convention, see `rightFlag`). */
export const findActionWith = (db: Executor, id: number, flag: RawBuilder<number>): Promise<(ActionRow & { flag: number }) | undefined> =>
  db.selectFrom('action').select(actionColumns).select(pilotNames).select(flag.as('flag')).where('id', '=', id).executeTakeFirst();

export const findActions = (db: Executor, ids: readonly number[]): Promise<ActionRow[]> =>
  ids.length ? db.selectFrom('action').select(actionColumns).select(pilotNames).where('id', 'in', ids).orderBy('id').execute() : Promise.resolve([]);

/** Inserts many actions in a few statements; the ids come back in the order of the rows. */
export async function insertActions(db: Executor, rows: readonly Omit<ActionTable, 'id' | 'version'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    // Positions are unique within a convention: they pair each returned id with its row.
    const inserted = await db.insertInto('action').values(chunk).returning(['id', 'position']).execute();
    const idOf = new Map(inserted.map((r) => [r.position, r.id]));
    ids.push(...chunk.map((r) => idOf.get(r.position)!));
  }
  return ids;
}

export async function insertActionThemes(db: Executor, themesById: ReadonlyMap<number, readonly string[]>): Promise<void> {
  const rows = [...themesById].flatMap(([action_id, themes]) => themes.map((theme_code, index) => ({ action_id, theme_code, position: index + 1 })));
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await db.insertInto('action_theme').values(rows.slice(start, start + INSERT_CHUNK)).execute();
}

export async function nextActionPosition(db: Executor, conventionId: number): Promise<number> {
  const row = await db
    .selectFrom('action')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('convention_id', '=', conventionId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertAction(db: Executor, values: Omit<ActionTable, 'id' | 'version'>): Promise<number> {
  const row = await db.insertInto('action').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The action as updated (read back by the update itself), or undefined when its version has moved on. */
export const updateAction = (db: Executor, id: number, version: number, changes: Partial<Omit<ActionTable, 'id' | 'version'>>): Promise<ActionRow | undefined> =>
  db
    .updateTable('action')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(actionColumns)
    .returning(pilotNames)
    .executeTakeFirst();

export async function replaceActionThemes(db: Executor, actionId: number, themes: readonly string[]): Promise<void> {
  await db.deleteFrom('action_theme').where('action_id', '=', actionId).execute();
  if (themes.length) {
    await db
      .insertInto('action_theme')
      .values(themes.map((theme_code, index) => ({ action_id: actionId, theme_code, position: index + 1 })))
      .execute();
  }
}
