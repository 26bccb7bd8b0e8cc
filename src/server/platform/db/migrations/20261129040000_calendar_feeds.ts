import type { Kysely } from 'kysely';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * One secret calendar address per account: calendar applications cannot sign in, so the address
 * itself is the credential. Only its hash is kept; renewing or revoking it replaces or deletes the row.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calendar_feed')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('calendar_feed').execute();
}
