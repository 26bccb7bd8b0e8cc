import type { Kysely } from 'kysely';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Idempotency keys of creating requests: the first request with a key stores its response, a retry with
 * the same key and body gets that response again instead of creating a second row.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('idempotency_key')
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['principal', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute();
}
