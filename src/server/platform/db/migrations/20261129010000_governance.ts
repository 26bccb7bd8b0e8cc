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

/**
 * Governance (bodies, meetings, decisions as proposals), update campaigns that lock a period's
 * values when they close, in-app notifications with a per-person mail preference, and the origin
 * of an audit record (the meeting whose minutes applied a change).
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);

  await withId(db.schema.createTable('governance_body'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('governance_body_convention_idx').on('governance_body').column('convention_id').execute();

  await withId(db.schema.createTable('meeting'), pg)
    .addColumn('body_id', 'integer', (c) => c.notNull().references('governance_body.id').onDelete('cascade'))
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('visio_url', 'text')
    .addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attendance', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('minutes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invitations_sent_at', 'text')
    .addColumn('validated_at', 'text')
    .addColumn('validated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_body_idx').on('meeting').columns(['body_id', 'starts_at']).execute();
  await db.schema.createIndex('meeting_convention_idx').on('meeting').columns(['convention_id', 'starts_at']).execute();

  await withId(db.schema.createTable('decision'), pg)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_ref', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('decision_meeting_idx').on('decision').column('meeting_id').execute();

  await withId(db.schema.createTable('campaign'), pg)
    .addColumn('caf_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('campaign_convention')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('campaign_convention_pk', ['campaign_id', 'convention_id'])
    .execute();
  await db.schema.createIndex('campaign_convention_convention_idx').on('campaign_convention').column('convention_id').execute();

  await withId(db.schema.createTable('notification'), pg)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('needs_action', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read_at', 'text')
    .addColumn('digested_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_user_event_uq', ['user_id', 'event_key'])
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('audit_event').addColumn('origin', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit_event').dropColumn('origin').execute();
  for (const table of ['notification_preference', 'notification', 'campaign_convention', 'campaign', 'decision', 'meeting', 'governance_body']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
