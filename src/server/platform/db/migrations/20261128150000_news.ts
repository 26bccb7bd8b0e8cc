import type { CreateTableBuilder, Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Frozen once landed: Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, pg: boolean): CreateTableBuilder<T, 'id'> {
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Partner news: articles drafted from signatures, edited, published, archived; and what each one covers. */
export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  await withId(db.schema.createTable('news_item'), pg)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('generated_title', 'text', (c) => c.notNull())
    .addColumn('generated_body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('archived_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('news_item_status_idx').on('news_item').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('news_item_signature')
    .addColumn('news_item_id', 'integer', (c) => c.notNull().references('news_item.id').onDelete('cascade'))
    .addColumn('signature_event_id', 'integer', (c) => c.notNull().references('signature_event.id').onDelete('cascade'))
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_item_signature_pk', ['news_item_id', 'signature_event_id'])
    .execute();
  await db.schema.createIndex('news_item_signature_convention_idx').on('news_item_signature').column('convention_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('news_item_signature').ifExists().execute();
  await db.schema.dropTable('news_item').ifExists().execute();
}
