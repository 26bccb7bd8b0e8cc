import type { Kysely } from 'kysely';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Stable references of imported plan rows: the reference written in a spreadsheet designates the same
 * action on every re-import into the same convention, so importing a file twice changes nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plan_external_ref')
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_external_ref_pk', ['convention_id', 'kind', 'ref'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('plan_external_ref').execute();
}
