import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Who is calling is kept in each process per data version (ADR 0019): the writes that change a caller's
 * identity or rights move `data_version` on as well. Only those: the once-a-minute touches of a session
 * (last seen, idle expiry) and of a token (last used) do not, or every cached answer would be dropped
 * as often. A session whose cached expiry has passed is read again, so an expiry slid by another
 * instance is never missed.
 */
const EVENTS: Record<string, string[]> = {
  membership: ['insert', 'update', 'delete'],
  api_token: ['update of name, scope, is_platform, revoked_at, organisation_id', 'delete'],
  user_session: ['update of user_id, csrf_token', 'delete'],
};

const triggerName = (table: string, index: number) => `${table}_principal_version_${index}`;

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  for (const [table, events] of Object.entries(EVENTS)) {
    for (const [index, event] of events.entries()) {
      if (pg) {
        await sql`create constraint trigger ${sql.id(triggerName(table, index))} after ${sql.raw(event)} on ${sql.table(table)}
          deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
      } else {
        await sql`create trigger ${sql.id(triggerName(table, index))} after ${sql.raw(event)} on ${sql.table(table)}
          begin update data_version set value = value + 1 where id = 1; end`.execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  for (const [table, events] of Object.entries(EVENTS)) {
    for (const index of events.keys()) {
      await sql.raw(pg ? `drop trigger ${triggerName(table, index)} on ${table}` : `drop trigger ${triggerName(table, index)}`).execute(db);
    }
  }
}
