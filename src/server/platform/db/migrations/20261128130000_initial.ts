import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, pg: boolean): CreateTableBuilder<T, 'id'> {
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('territory')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('departement_code', 'text')
    .addColumn('region_code', 'text')
    .addColumn('population', 'integer')
    .addColumn('postal_codes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('territory_kind_dep_idx').on('territory').columns(['kind', 'departement_code']).execute();
  await db.schema.createIndex('territory_search_idx').on('territory').column('search_name').execute();

  await db.schema
    .createTable('territory_member')
    .addColumn('group_code', 'text', (c) => c.notNull().references('territory.code').onDelete('cascade'))
    .addColumn('member_code', 'text', (c) => c.notNull().references('territory.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('territory_member_pk', ['group_code', 'member_code'])
    .execute();
  await db.schema.createIndex('territory_member_member_idx').on('territory_member').column('member_code').execute();

  await withId(db.schema.createTable('organisation'), pg)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('territory_code', 'text', (c) => c.references('territory.code'))
    .addColumn('departement_code', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisation_territory_idx').on('organisation').column('territory_code').execute();

  await withId(db.schema.createTable('person'), pg)
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('mandate'), pg)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .execute();
  await db.schema.createIndex('mandate_person_idx').on('mandate').column('person_id').execute();

  await db.schema
    .createTable('theme')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('caf_id', 'integer', (c) => c.references('organisation.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db.schema.createTable('convention'), pg)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('caf_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('predecessor_id', 'integer', (c) => c.references('convention.id'))
    .addColumn('summary', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('convention_period_check', sql`end_year >= start_year`)
    .execute();
  await db.schema.createIndex('convention_caf_idx').on('convention').column('caf_id').execute();
  await db.schema.createIndex('convention_status_idx').on('convention').column('status').execute();

  await db.schema
    .createTable('convention_territory')
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('territory_code', 'text', (c) => c.notNull().references('territory.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('convention_territory_pk', ['convention_id', 'territory_code'])
    .execute();
  await db.schema.createIndex('convention_territory_code_idx').on('convention_territory').column('territory_code').execute();

  await db.schema
    .createTable('convention_theme')
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('theme_code', 'text', (c) => c.notNull().references('theme.code'))
    .addPrimaryKeyConstraint('convention_theme_pk', ['convention_id', 'theme_code'])
    .execute();
  await db.schema.createIndex('convention_theme_code_idx').on('convention_theme').column('theme_code').execute();

  await withId(db.schema.createTable('convention_status_change'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_change_convention_idx').on('convention_status_change').column('convention_id').execute();

  await withId(db.schema.createTable('party'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('deliberation_ref', 'text')
    .addColumn('deliberation_date', 'text')
    .addColumn('commitments', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('party_convention_organisation_uq', ['convention_id', 'organisation_id'])
    .execute();

  await withId(db.schema.createTable('signature_event'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signature_event_convention_idx').on('signature_event').column('convention_id').execute();
  await db.schema.createIndex('signature_event_date_idx').on('signature_event').column('date').execute();

  await withId(db.schema.createTable('signatory'), pg)
    .addColumn('signature_event_id', 'integer', (c) => c.notNull().references('signature_event.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('party_id', 'integer', (c) => c.references('party.id').onDelete('set null'))
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signatory_event_idx').on('signatory').column('signature_event_id').execute();

  await withId(db.schema.createTable('axis'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('action'), pg)
    .addColumn('convention_id', 'integer', (c) => c.notNull().references('convention.id').onDelete('cascade'))
    .addColumn('axis_id', 'integer', (c) => c.references('axis.id').onDelete('set null'))
    .addColumn('parent_id', 'integer', (c) => c.references('action.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('pilot', 'text')
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_public', 'text')
    .addColumn('scope', 'text')
    .addColumn('places', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('highlighted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_convention_idx').on('action').columns(['convention_id', 'position']).execute();

  await db.schema
    .createTable('action_theme')
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('theme_code', 'text', (c) => c.notNull().references('theme.code'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('action_theme_pk', ['action_id', 'theme_code'])
    .execute();
  await db.schema.createIndex('action_theme_code_idx').on('action_theme').column('theme_code').execute();

  await withId(db.schema.createTable('audit_event'), pg)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_event_entity_idx').on('audit_event').columns(['entity_type', 'entity_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  const tables = [
    'audit_event', 'action_theme', 'action', 'axis', 'signatory', 'signature_event', 'party',
    'convention_status_change', 'convention_theme', 'convention_territory', 'convention', 'theme',
    'mandate', 'person', 'organisation', 'territory_member', 'territory',
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
