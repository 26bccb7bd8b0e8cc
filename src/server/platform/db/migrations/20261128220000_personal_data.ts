import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Personal data: when a person's or an account's data was erased (the erasure stays visible), and a
 * version on memberships so that role changes follow the optimistic-concurrency rule.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('person').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('membership').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('membership').dropColumn('version').execute();
  await db.schema.alterTable('app_user').dropColumn('erased_at').execute();
  await db.schema.alterTable('person').dropColumn('erased_at').execute();
}
