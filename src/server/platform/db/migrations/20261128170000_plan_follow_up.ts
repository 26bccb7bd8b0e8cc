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

/** The full fiche action, its indicators, annual reviews, plan versions and amendments. */
export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  const number = pg ? 'double precision' : 'real';
  const bytes = pg ? 'bytea' : 'blob';

  // SQLite adds one column per statement.
  await db.schema.alterTable('action').addColumn('objectives', 'text').execute();
  await db.schema.alterTable('action').addColumn('start_date', 'text').execute();
  await db.schema.alterTable('action').addColumn('end_date', 'text').execute();
  await db.schema.alterTable('action').addColumn('status_reason', 'text').execute();
  await db.schema.alterTable('action').addColumn('priority', 'text').execute();
  await db.schema.alterTable('action').addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('action_axis')
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('axis_id', 'integer', (c) => c.notNull().references('axis.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('action_axis_pk', ['action_id', 'axis_id'])
    .execute();
  await db.schema.createIndex('action_axis_axis_idx').on('action_axis').column('axis_id').execute();

  await withId(db.schema.createTable('budget_line'), pg)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('planned_cents', 'bigint', (c) => c.notNull())
    .addColumn('actual_cents', 'bigint')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_line_action_idx').on('budget_line').column('action_id').execute();

  await withId(db.schema.createTable('facility'), pg)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facility_action_idx').on('facility').column('action_id').execute();

  await withId(db.schema.createTable('action_note'), pg)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_note_action_idx').on('action_note').columns(['action_id', 'date']).execute();

  await withId(db.schema.createTable('action_document'), pg)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_document_action_idx').on('action_document').column('action_id').execute();

  await withId(db.schema.createTable('indicator'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('action_id', 'integer', (c) => c.references('action.id').onDelete('cascade'))
    .addColumn('axis_id', 'integer', (c) => c.references('axis.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline_value', number, (c) => c.notNull())
    .addColumn('baseline_date', 'text', (c) => c.notNull())
    .addColumn('target_value', number, (c) => c.notNull())
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_convention_idx').on('indicator').column('convention_id').execute();
  await db.schema.createIndex('indicator_action_idx').on('indicator').column('action_id').execute();

  await withId(db.schema.createTable('indicator_value'), pg)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', number, (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_value_indicator_idx').on('indicator_value').columns(['indicator_id', 'date']).execute();

  await withId(db.schema.createTable('review'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('snapshot_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narratives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('evaluation', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('validated_at', 'text')
    .addColumn('validated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_convention_kind_year_uq', ['convention_id', 'kind', 'year'])
    .execute();

  await withId(db.schema.createTable('plan_version'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_version_convention_number_uq', ['convention_id', 'number'])
    .execute();

  await withId(db.schema.createTable('amendment'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('signed_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('plan_version_id', 'integer', (c) => c.references('plan_version.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('amendment_convention_number_uq', ['convention_id', 'number'])
    .execute();

  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor', 'at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_event_actor_idx').ifExists().execute();
  for (const table of [
    'amendment', 'plan_version', 'review', 'indicator_value', 'indicator', 'action_document', 'action_note', 'facility', 'budget_line', 'action_axis',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const column of ['progress', 'priority', 'status_reason', 'end_date', 'start_date', 'objectives']) {
    await db.schema.alterTable('action').dropColumn(column).execute();
  }
}
