import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A second counter, `data_version` row 2, moves on only with the writes that change who a caller is or
 * what they may do (ADR 0021): callers are kept per process until it moves, not until any write at all.
 * Under a steady flow of notes and edits every request read its session, account and memberships again.
 * Row 1 still moves with each of these writes, as before (cached answers depend on rights too).
 * The triggers of 20261129060000 (memberships, the token and session columns that shape a caller) now
 * bump both rows, and accounts and organisations (names and kinds appear in a caller's memberships) get
 * triggers that bump row 2, row 1 being bumped by their triggers of 20261129020000.
 */
const PRINCIPAL_EVENTS: Record<string, string[]> = {
  membership: ['insert', 'update', 'delete'],
  api_token: ['update of name, scope, is_platform, revoked_at, organisation_id', 'delete'],
  user_session: ['update of user_id, csrf_token', 'delete'],
};
const CALLER_TABLES = ['app_user', 'organisation'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;

const principalTrigger = (table: string, index: number) => `${table}_principal_version_${index}`;

async function sqliteUp(db: AnyDb): Promise<void> {
  for (const [table, events] of Object.entries(PRINCIPAL_EVENTS)) {
    for (const [index, event] of events.entries()) {
      await sql.raw(`drop trigger ${principalTrigger(table, index)}`).execute(db);
      await sql.raw(`create trigger ${principalTrigger(table, index)} after ${event} on ${table} begin update data_version set value = value + 1 where id in (1, 2); end`).execute(db);
    }
  }
  for (const table of CALLER_TABLES) {
    for (const event of EVENTS) {
      await sql.raw(`create trigger ${table}_caller_version_${event} after ${event} on ${table} begin update data_version set value = value + 1 where id = 2; end`).execute(db);
    }
  }
}

async function sqliteDown(db: AnyDb): Promise<void> {
  for (const table of CALLER_TABLES) for (const event of EVENTS) await sql.raw(`drop trigger ${table}_caller_version_${event}`).execute(db);
  for (const [table, events] of Object.entries(PRINCIPAL_EVENTS)) {
    for (const [index, event] of events.entries()) {
      await sql.raw(`drop trigger ${principalTrigger(table, index)}`).execute(db);
      await sql.raw(`create trigger ${principalTrigger(table, index)} after ${event} on ${table} begin update data_version set value = value + 1 where id = 1; end`).execute(db);
    }
  }
}

/**
 * Deferred to commit and once per transaction, like bump_data_version (20261129050000), which it runs
 * first: every transaction locks row 1 before row 2, so two of them cannot deadlock on these rows.
 */
async function postgresUp(db: AnyDb): Promise<void> {
  await sql`create function bump_principal_version() returns trigger language plpgsql as $$
    begin
      perform bump_data_version_once();
      if current_setting('pilote.principal_version_bumped', true) = 'on' then return null; end if;
      perform set_config('pilote.principal_version_bumped', 'on', true);
      update data_version set value = value + 1, last_txid = txid_current() where id = 2 and last_txid is distinct from txid_current();
      return null;
    end $$`.execute(db);
  for (const [table, events] of Object.entries(PRINCIPAL_EVENTS)) {
    for (const [index, event] of events.entries()) {
      await sql.raw(`drop trigger ${principalTrigger(table, index)} on ${table}`).execute(db);
      await sql.raw(`create constraint trigger ${principalTrigger(table, index)} after ${event} on ${table}
        deferrable initially deferred for each row execute function bump_principal_version()`).execute(db);
    }
  }
  for (const table of CALLER_TABLES) {
    await sql.raw(`create constraint trigger ${table}_caller_version after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function bump_principal_version()`).execute(db);
  }
}

async function postgresDown(db: AnyDb): Promise<void> {
  for (const table of CALLER_TABLES) await sql.raw(`drop trigger ${table}_caller_version on ${table}`).execute(db);
  for (const [table, events] of Object.entries(PRINCIPAL_EVENTS)) {
    for (const [index, event] of events.entries()) {
      await sql.raw(`drop trigger ${principalTrigger(table, index)} on ${table}`).execute(db);
      await sql.raw(`create constraint trigger ${principalTrigger(table, index)} after ${event} on ${table}
        deferrable initially deferred for each row execute function bump_data_version()`).execute(db);
    }
  }
  await sql`drop function bump_principal_version()`.execute(db);
}

/** The body of bump_data_version as a plain function, so that bump_principal_version can run it first. */
async function postgresDataVersionOnce(db: AnyDb, create: boolean): Promise<void> {
  if (!create) {
    await sql`drop function bump_data_version_once()`.execute(db);
    return;
  }
  await sql`create function bump_data_version_once() returns void language plpgsql as $$
    begin
      if current_setting('pilote.data_version_bumped', true) = 'on' then return; end if;
      perform set_config('pilote.data_version_bumped', 'on', true);
      update data_version set value = value + 1, last_txid = txid_current() where id = 1 and last_txid is distinct from txid_current();
    end $$`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  await db.insertInto('data_version').values({ id: 2, value: 1, last_txid: null }).execute();
  if (isPostgres(db)) {
    await postgresDataVersionOnce(db, true);
    await postgresUp(db);
  } else await sqliteUp(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await postgresDown(db);
    await postgresDataVersionOnce(db, false);
  } else await sqliteDown(db);
  await db.deleteFrom('data_version').where('id', '=', 2).execute();
}
