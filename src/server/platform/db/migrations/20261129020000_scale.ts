import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations are frozen once landed: they use Kysely<any> on purpose, not the current schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Tables whose rows feed the cached read endpoints (lists, detail, dashboards, search). Any write to
 * one of them moves `data_version` on, in the writing transaction, so every app instance sees that its
 * cached answers are stale at once. Sessions, tokens, security and audit logs are not cached and do not
 * move it.
 */
export const VERSIONED_TABLES = [
  'territory', 'territory_member', 'organisation', 'person', 'mandate', 'theme',
  'convention', 'convention_territory', 'convention_theme', 'convention_status_change', 'party', 'signature_event', 'signatory',
  'axis', 'action', 'action_theme', 'action_axis', 'budget_line', 'facility', 'action_note', 'action_document',
  'indicator', 'indicator_value', 'review', 'plan_version', 'amendment', 'coverage_target', 'data_series', 'data_value',
  'news_item', 'news_item_signature', 'convention_source', 'plan_external_ref', 'app_user',
] as const;

/** Indexes found missing while profiling the national dataset (see bench/results). */
async function addIndexes(db: AnyDb): Promise<void> {
  await db.schema.createIndex('action_theme_code_action_idx').on('action_theme').columns(['theme_code', 'action_id']).execute();
  await db.schema.createIndex('signature_event_convention_date_idx').on('signature_event').columns(['convention_id', 'date']).execute();
  await db.schema.createIndex('convention_territory_code_convention_idx').on('convention_territory').columns(['territory_code', 'convention_id']).execute();
  await db.schema.createIndex('territory_kind_region_idx').on('territory').columns(['kind', 'region_code']).execute();
}

async function tableExists(db: AnyDb, table: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === table);
}

async function addDataVersion(db: AnyDb, pg: boolean): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('last_txid', 'bigint')
    .execute();
  await db.insertInto('data_version').values({ id: 1, value: 1, last_txid: null }).execute();
  if (pg) {
    // Deferred to commit time: the one-row lock is taken last, so two writers cannot deadlock on it,
    // and bumped once per transaction however many rows it writes.
    await sql`create function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_version set value = value + 1, last_txid = txid_current() where id = 1 and last_txid is distinct from txid_current();
        return null;
      end $$`.execute(db);
  }
  for (const table of VERSIONED_TABLES) {
    if (!(await tableExists(db, table))) continue;
    if (pg) {
      await sql`create constraint trigger ${sql.id(`${table}_data_version`)} after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred for each row execute function bump_data_version()`.execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`create trigger ${sql.id(`${table}_data_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
          begin update data_version set value = value + 1 where id = 1; end`.execute(db);
      }
    }
  }
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  await addIndexes(db);
  await addDataVersion(db, pg);
  if (pg) await addPostgresSearch(db);
  else await addSqliteSearch(db);
}

/** Search documents share one id space: a convention, an action and a note never collide. */
const SQLITE_DOCUMENTS = {
  convention: { rowid: 'new.id * 4 + 1', values: `new.title, coalesce(new.summary, ''), 'convention', new.id, null, new.id` },
  action: {
    rowid: 'new.id * 4 + 2',
    values: `new.title, trim(coalesce(new.description, '') || ' ' || coalesce(new.objectives, '') || ' ' || coalesce(new.target_public, '') || ' ' || coalesce(new.scope, '')), 'action', new.id, new.id, new.convention_id`,
  },
  action_note: { rowid: 'new.id * 4 + 3', values: `'', new.body, 'note', new.id, new.action_id, (select convention_id from action where id = new.action_id)` },
} as const;

async function addSqliteSearch(db: AnyDb): Promise<void> {
  await sql`create virtual table search_fts using fts5(title, body, kind unindexed, ref_id unindexed, action_id unindexed, convention_id unindexed,
    tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  for (const [table, document] of Object.entries(SQLITE_DOCUMENTS)) {
    const insert = `insert into search_fts(rowid, title, body, kind, ref_id, action_id, convention_id) values (${document.rowid}, ${document.values});`;
    const remove = `delete from search_fts where rowid = ${document.rowid.replace('new.', 'old.')};`;
    await sql.raw(`create trigger ${table}_search_insert after insert on ${table} begin ${insert} end`).execute(db);
    await sql.raw(`create trigger ${table}_search_update after update on ${table} begin ${remove} ${insert} end`).execute(db);
    await sql.raw(`create trigger ${table}_search_delete after delete on ${table} begin ${remove} end`).execute(db);
    const backfill = insert.replace(' values (', ' select ').replace(/\);$/, ` from ${table} new;`);
    await sql.raw(backfill).execute(db);
  }
}

/** The French configuration, accents folded by `unaccent` when the extension can be created. */
async function createFrenchConfiguration(db: AnyDb): Promise<void> {
  await sql`do $$ begin create extension if not exists unaccent; exception when others then raise notice 'unaccent indisponible : recherche sans repli des accents'; end $$`.execute(db);
  const unaccent = (await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'unaccent'`.execute(db)).rows[0]!.n > 0;
  await sql`create text search configuration pilote_fr (copy = french)`.execute(db);
  if (unaccent) {
    await sql`alter text search configuration pilote_fr alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
  }
}

const PG_DOCUMENTS = {
  convention: { id: 'new.id * 4 + 1', oldId: 'old.id * 4 + 1', title: 'new.title', body: `coalesce(new.summary, '')`, kind: 'convention', actionId: 'null', conventionId: 'new.id' },
  action: {
    id: 'new.id * 4 + 2', oldId: 'old.id * 4 + 2', title: 'new.title',
    body: `concat_ws(' ', new.description, new.objectives, new.target_public, new.scope)`, kind: 'action', actionId: 'new.id', conventionId: 'new.convention_id',
  },
  action_note: {
    id: 'new.id * 4 + 3', oldId: 'old.id * 4 + 3', title: `''`, body: 'new.body', kind: 'note', actionId: 'new.action_id',
    conventionId: '(select convention_id from action where id = new.action_id)',
  },
} as const;

async function addPostgresSearch(db: AnyDb): Promise<void> {
  await createFrenchConfiguration(db);
  await sql`create table search_document (
    id bigint primary key, kind text not null, ref_id integer not null, action_id integer, convention_id integer not null,
    title text not null, body text not null, document tsvector not null)`.execute(db);
  await sql`create index search_document_gin_idx on search_document using gin (document)`.execute(db);
  await sql`create index search_document_convention_idx on search_document (convention_id)`.execute(db);
  const vector = (title: string, body: string) =>
    `setweight(to_tsvector('pilote_fr', ${title}), 'A') || setweight(to_tsvector('pilote_fr', ${body}), 'B')`;
  for (const [table, d] of Object.entries(PG_DOCUMENTS)) {
    await sql.raw(`create function ${table}_search() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then delete from search_document where id = ${d.oldId}; return null; end if;
        insert into search_document (id, kind, ref_id, action_id, convention_id, title, body, document)
          values (${d.id}, '${d.kind}', new.id, ${d.actionId}, ${d.conventionId}, ${d.title}, ${d.body}, ${vector(d.title, d.body)})
          on conflict (id) do update set action_id = excluded.action_id, convention_id = excluded.convention_id,
            title = excluded.title, body = excluded.body, document = excluded.document;
        return null;
      end $$`).execute(db);
    await sql.raw(`create trigger ${table}_search after insert or update or delete on ${table} for each row execute function ${table}_search()`).execute(db);
    const select = (expression: string) => expression.replaceAll('new.', 'src.');
    await sql.raw(`insert into search_document (id, kind, ref_id, action_id, convention_id, title, body, document)
      select ${select(d.id)}, '${d.kind}', src.id, ${select(d.actionId)}, ${select(d.conventionId)}, ${select(d.title)}, ${select(d.body)}, ${select(vector(d.title, d.body))}
      from ${table} src`).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop table search_document`.execute(db);
    for (const table of Object.keys(PG_DOCUMENTS)) await sql.raw(`drop trigger ${table}_search on ${table}; drop function ${table}_search()`).execute(db);
    for (const table of VERSIONED_TABLES) await sql.raw(`drop trigger if exists ${table}_data_version on ${table}`).execute(db);
    await sql`drop function bump_data_version()`.execute(db);
    await sql`drop text search configuration pilote_fr`.execute(db);
  } else {
    await sql`drop table search_fts`.execute(db);
    for (const table of Object.keys(SQLITE_DOCUMENTS)) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_search_${event}`).execute(db);
    }
    for (const table of VERSIONED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_data_version_${event}`).execute(db);
    }
  }
  await db.schema.dropTable('data_version').execute();
  for (const index of ['action_theme_code_action_idx', 'signature_event_convention_date_idx', 'convention_territory_code_convention_idx', 'territory_kind_region_idx']) {
    await db.schema.dropIndex(index).execute();
  }
}
