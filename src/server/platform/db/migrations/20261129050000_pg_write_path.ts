import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * PostgreSQL only (the bench found its writes and its action search beyond twice SQLite's time):
 * - `data_version` is bumped by the first deferred event of a transaction; the others return before any
 *   statement (a transaction-local setting), so a write of N versioned rows runs one update of the hot
 *   row instead of N (ADR 0016);
 * - a search document is rewritten only when the text it indexes changes: an edit of progress or status
 *   recomputed the tsvector of the action, and the touch of its convention's `updated_at` that of the
 *   convention, then inserted both into the GIN index;
 * - one partial GIN index per kind: a search of actions read and rechecked every matching note and
 *   convention row before dropping it.
 */
const SEARCH_TEXT_COLUMNS = {
  convention: ['title', 'summary'],
  action: ['title', 'description', 'objectives', 'target_public', 'scope', 'convention_id'],
  action_note: ['body', 'action_id'],
} as const;

const KINDS = ['convention', 'action', 'note'] as const;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      if current_setting('pilote.data_version_bumped', true) = 'on' then return null; end if;
      -- Local to the transaction (and undone with a rolled-back savepoint, like the update below).
      perform set_config('pilote.data_version_bumped', 'on', true);
      update data_version set value = value + 1, last_txid = txid_current() where id = 1 and last_txid is distinct from txid_current();
      return null;
    end $$`.execute(db);
  for (const [table, columns] of Object.entries(SEARCH_TEXT_COLUMNS)) {
    const changed = columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
    await sql.raw(`drop trigger ${table}_search on ${table};
      create trigger ${table}_search after insert or delete on ${table} for each row execute function ${table}_search();
      create trigger ${table}_search_update after update on ${table} for each row when (${changed}) execute function ${table}_search()`).execute(db);
  }
  for (const kind of KINDS) {
    await sql.raw(`create index search_document_${kind}_gin_idx on search_document using gin (document) where kind = '${kind}'`).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const kind of KINDS) await sql.raw(`drop index search_document_${kind}_gin_idx`).execute(db);
  for (const table of Object.keys(SEARCH_TEXT_COLUMNS)) {
    await sql.raw(`drop trigger ${table}_search_update on ${table};
      drop trigger ${table}_search on ${table};
      create trigger ${table}_search after insert or update or delete on ${table} for each row execute function ${table}_search()`).execute(db);
  }
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set value = value + 1, last_txid = txid_current() where id = 1 and last_txid is distinct from txid_current();
      return null;
    end $$`.execute(db);
}
