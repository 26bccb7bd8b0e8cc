import type { Kysely } from 'kysely';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The text a convention was imported from (pasted or uploaded), kept beside it. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('convention_source')
    .addColumn('convention_id', 'integer', (c) => c.primaryKey().references('convention.id').onDelete('cascade'))
    .addColumn('source_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('convention_source').execute();
}
