import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { VERSIONED_TABLES } from './20261129020000_scale.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Per-table versions (ADR 0022): `table_version` holds, for each table that feeds cached answers, the
 * value `data_version` row 1 had after the last committed write to it. A cached answer that declared
 * the tables it reads stays valid while none of them moved, instead of being dropped by any write.
 * An update of a convention that changes nothing but `updated_at` (the activity touch of every plan
 * write) moves `convention_activity`, not `convention`: access checks read conventions on every request.
 */
const ACTIVITY = 'convention_activity';
const NAMES = [...VERSIONED_TABLES, ACTIVITY];
const EVENTS = ['insert', 'update', 'delete'] as const;

async function createTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('table_version')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  const current = await db.selectFrom('data_version').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  await db.insertInto('table_version').values(NAMES.map((name) => ({ name, value: current.value }))).execute();
}

const sqliteBody = (name: string) =>
  `begin update data_version set value = value + 1 where id = 1; update table_version set value = (select value from data_version where id = 1) where name = '${name}'; end`;

/** Every column but `updated_at` unchanged: the update is an activity touch. */
async function sqliteActivityOnly(db: AnyDb): Promise<string> {
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('convention')`.execute(db)).rows.map((r) => r.name);
  return columns.filter((c) => c !== 'updated_at').map((c) => `old.${c} is new.${c}`).join(' and ');
}

async function sqliteUp(db: AnyDb): Promise<void> {
  const activityOnly = await sqliteActivityOnly(db);
  for (const table of VERSIONED_TABLES) {
    for (const event of EVENTS) {
      const trigger = `${table}_data_version_${event}`;
      await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
      const when = table === 'convention' && event === 'update' ? ` when not (${activityOnly})` : '';
      await sql.raw(`create trigger ${trigger} after ${event} on ${table}${when} ${sqliteBody(table)}`).execute(db);
    }
  }
  await sql.raw(`create trigger convention_activity_version after update on convention when ${activityOnly} ${sqliteBody(ACTIVITY)}`).execute(db);
}

async function sqliteDown(db: AnyDb): Promise<void> {
  await sql.raw('drop trigger convention_activity_version').execute(db);
  for (const table of VERSIONED_TABLES) {
    for (const event of EVENTS) {
      const trigger = `${table}_data_version_${event}`;
      await sql.raw(`drop trigger ${trigger}`).execute(db);
      await sql.raw(`create trigger ${trigger} after ${event} on ${table} begin update data_version set value = value + 1 where id = 1; end`).execute(db);
    }
  }
}

/**
 * Deferred to commit like bump_data_version, and through bump_data_version_once first: row 1 is locked
 * before any `table_version` row and holds its final value, and each table is written once per transaction.
 */
async function postgresUp(db: AnyDb): Promise<void> {
  await sql`create function bump_table_version() returns trigger language plpgsql as $$
    declare
      moved text := tg_table_name;
    begin
      if tg_op = 'UPDATE' and tg_table_name = 'convention' and (to_jsonb(old) - 'updated_at') = (to_jsonb(new) - 'updated_at') then
        moved := 'convention_activity';
      end if;
      -- Set only after row 1 was bumped in this transaction: returning here keeps the lock order.
      if current_setting('pilote.table_version_' || moved, true) = 'on' then return null; end if;
      perform bump_data_version_once();
      perform set_config('pilote.table_version_' || moved, 'on', true);
      update table_version set value = (select value from data_version where id = 1) where name = moved;
      return null;
    end $$`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`drop trigger if exists ${table}_data_version on ${table}`).execute(db);
    await sql.raw(`create constraint trigger ${table}_data_version after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function bump_table_version()`).execute(db);
  }
}

async function postgresDown(db: AnyDb): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`drop trigger ${table}_data_version on ${table}`).execute(db);
    await sql.raw(`create constraint trigger ${table}_data_version after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function bump_data_version()`).execute(db);
  }
  await sql`drop function bump_table_version()`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  await createTable(db);
  if (isPostgres(db)) await postgresUp(db);
  else await sqliteUp(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await postgresDown(db);
  else await sqliteDown(db);
  await db.schema.dropTable('table_version').execute();
}
