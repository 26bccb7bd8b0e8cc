import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * SQLite only, as 20261129050000 did for PostgreSQL: a search document is rewritten only when the text
 * it indexes changes. Every plan write touches its convention's `updated_at`, and each touch deleted and
 * re-inserted the convention's document in the FTS5 index (its title and summary tokenized again); an
 * edit of an action's progress or status did the same for the action.
 */
const DOCUMENTS = {
  convention: {
    columns: ['title', 'summary'],
    rowid: 'id * 4 + 1',
    values: `new.title, coalesce(new.summary, ''), 'convention', new.id, null, new.id`,
  },
  action: {
    columns: ['title', 'description', 'objectives', 'target_public', 'scope', 'convention_id'],
    rowid: 'id * 4 + 2',
    values: `new.title, trim(coalesce(new.description, '') || ' ' || coalesce(new.objectives, '') || ' ' || coalesce(new.target_public, '') || ' ' || coalesce(new.scope, '')), 'action', new.id, new.id, new.convention_id`,
  },
  action_note: {
    columns: ['body', 'action_id'],
    rowid: 'id * 4 + 3',
    values: `'', new.body, 'note', new.id, new.action_id, (select convention_id from action where id = new.action_id)`,
  },
} as const;

async function recreateUpdateTriggers(db: AnyDb, onTextChangeOnly: boolean): Promise<void> {
  for (const [table, document] of Object.entries(DOCUMENTS)) {
    const when = onTextChangeOnly ? ` when ${document.columns.map((c) => `old.${c} is not new.${c}`).join(' or ')}` : '';
    await sql.raw(`drop trigger ${table}_search_update`).execute(db);
    await sql
      .raw(
        `create trigger ${table}_search_update after update on ${table}${when} begin
          delete from search_fts where rowid = old.${document.rowid};
          insert into search_fts(rowid, title, body, kind, ref_id, action_id, convention_id) values (new.${document.rowid}, ${document.values});
        end`,
      )
      .execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) await recreateUpdateTriggers(db, true);
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) await recreateUpdateTriggers(db, false);
}
