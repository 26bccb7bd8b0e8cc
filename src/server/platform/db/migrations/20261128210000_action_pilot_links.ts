import type { Kysely } from 'kysely';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * An action's pilot may be linked to an account and/or an organisation, beside the free text kept
 * for pilots without an account: « Mon suivi » and the « pilot only » editors match on these links.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('action').addColumn('pilot_user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null')).execute();
  await db.schema.alterTable('action').addColumn('pilot_organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('set null')).execute();
  await db.schema.createIndex('action_pilot_user_idx').on('action').column('pilot_user_id').execute();
  await db.schema.createIndex('action_pilot_organisation_idx').on('action').column('pilot_organisation_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('action_pilot_organisation_idx').execute();
  await db.schema.dropIndex('action_pilot_user_idx').execute();
  await db.schema.alterTable('action').dropColumn('pilot_organisation_id').execute();
  await db.schema.alterTable('action').dropColumn('pilot_user_id').execute();
}
