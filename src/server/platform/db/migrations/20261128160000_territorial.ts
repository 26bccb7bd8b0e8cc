import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import { isPostgres } from '../dialect.js';

// Frozen once landed: Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, pg: boolean): CreateTableBuilder<T, 'id'> {
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** The national trajectory of the 2018–2022 COG, in basis points (1 % = 100). */
const NATIONAL_TRAJECTORY: [number, number][] = [
  [2018, 2000],
  [2019, 3500],
  [2020, 5500],
  [2021, 7500],
  [2022, 8500],
];

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);

  // Coverage targets: caf_id null is the national reference trajectory.
  await withId(db.schema.createTable('coverage_target'), pg)
    .addColumn('caf_id', 'integer', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('coverage_target_rate_check', sql`rate_bp >= 0 and rate_bp <= 10000`)
    .addUniqueConstraint('coverage_target_caf_year_uq', ['caf_id', 'year'])
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('coverage_target')
    .values(NATIONAL_TRAJECTORY.map(([year, rate]) => ({ caf_id: null, year, rate_bp: rate, created_at: now, updated_at: now })))
    .execute();

  await withId(db.schema.createTable('data_series'), pg)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('rounded_to', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_value')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('data_series.id').onDelete('cascade'))
    .addColumn('territory_code', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('geo_vintage', 'text')
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_value_pk', ['series_id', 'territory_code', 'reference_date'])
    .execute();
  await db.schema.createIndex('data_value_territory_idx').on('data_value').columns(['territory_code', 'series_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['data_value', 'data_series', 'coverage_target']) await db.schema.dropTable(table).ifExists().execute();
}
