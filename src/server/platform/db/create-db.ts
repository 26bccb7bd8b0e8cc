import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database, Db, DialectName } from './schema.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { TableVersionsMemo, VERSIONS_SQL_BEFORE_PARAMETER, versionsFromRows, type DataVersions } from './versions.js';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
  /**
   * The committed data versions read at once, without a query through Kysely; null when they cannot be
   * (PostgreSQL, or a transaction open on SQLite's one connection: its writes are not committed yet).
   */
  committedVersions?(): DataVersions | null;
}

export type DatabaseTarget = { databaseUrl: string } | { sqlitePath: string };

// pg returns int8 and numeric as strings; the app only stores integers (cents, counts) there.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseOptions {
  /** SQLite file: checkpoint the log from a thread of its own instead of inside commits (the server). */
  backgroundCheckpoints?: boolean;
}

export function createDb(target: DatabaseTarget, options: DatabaseOptions = {}): DatabaseHandle {
  return 'databaseUrl' in target ? createPostgres(target.databaseUrl) : createSqlite(target.sqlitePath, options);
}

/** Log pages after which SQLite's own connection checkpoints (its default). */
const AUTOCHECKPOINT_PAGES = 1000;

function createSqlite(path: string, options: DatabaseOptions): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let versionStatement: SQLite.Statement | undefined;
  const memo = new TableVersionsMemo();
  // better-sqlite3 runs each statement to its end: outside a transaction, the connection holds only committed data.
  const committedVersions = () => {
    if (sqlite.inTransaction) return null;
    versionStatement ??= sqlite.prepare(`${VERSIONS_SQL_BEFORE_PARAMETER} ?`);
    const known = memo.known;
    return memo.remember(versionsFromRows(versionStatement.all(known?.data ?? -1) as { name: string; value: number | bigint }[], known));
  };
  const checkpointer = options.backgroundCheckpoints && path !== ':memory:' ? checkpointInBackground(sqlite, path) : null;
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', close, committedVersions };
}

function checkpointInBackground(sqlite: SQLite.Database, path: string): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  return startCheckpointer(path, (error) => {
    // The log must not grow without end: the connection checkpoints by itself again, inside commits.
    process.emitWarning(`Points de contrôle SQLite en arrière-plan arrêtés : ${error.message}`);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  });
}

const STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL each time: compiled statements
 * are kept by their text (the queries of the app are a few hundred shapes with bound parameters).
 * Statements run one at a time (better-sqlite3 is synchronous, Kysely holds one connection), so reuse is safe.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function createPostgres(connectionString: string): DatabaseHandle {
  // A server that does not answer (host down rather than refusing) must give a quick 503, not a hung request.
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection cut by the server (restart, failover) must not crash the process: the pool
  // drops it and the next query opens a new one.
  pool.on('error', (error) => console.error(`PostgreSQL : connexion inactive perdue (${error.message})`));
  pool.on('connect', namedStatementsOn(statementNames()));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Statements a process names, at most: beyond, the others run unnamed (parsed and planned each time). */
const NAMED_STATEMENTS = 500;
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
/**
 * `*` in a select list or `returning`: its columns are fixed when the statement is prepared, and
 * PostgreSQL refuses to run it once a migration adds a column ("cached plan must not change result
 * type"). Such statements stay unnamed; count(*) is not one of them.
 */
const hasStarColumns = (text: string) => text.replace(/count\(\*\)/gi, '').includes('*');

export interface StatementNames {
  /** The name to run this text under, or undefined to run it unnamed. */
  nameOf(text: string): string | undefined;
  /** Runs this text unnamed from now on (PostgreSQL refused its prepared form). */
  forget(text: string): void;
}

/**
 * The name of each statement text this process runs, the same on every connection of its pool: the
 * first NAMED_STATEMENTS texts seen twice get one (ADR 0025). A text seen once (a migration, a list of
 * ids of a rare length) stays unnamed, so that the database does not keep it for each connection.
 */
export function statementNames(limit = NAMED_STATEMENTS): StatementNames {
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  const unnamed = new Set<string>();
  let issued = 0;
  return {
    nameOf(text) {
      const name = names.get(text);
      if (name || issued >= limit || unnamed.has(text) || TRANSACTION_CONTROL.test(text) || hasStarColumns(text)) return name;
      if (!seenOnce.delete(text)) {
        if (seenOnce.size < limit * 20) seenOnce.add(text);
        return undefined;
      }
      const issuedName = `s${++issued}`;
      names.set(text, issuedName);
      return issuedName;
    },
    forget(text) {
      names.delete(text);
      unnamed.add(text);
    },
  };
}

type QueryOf = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Runs the pool's named statements as prepared statements of each connection: PostgreSQL parses and
 * plans them once per connection instead of once per query. Kysely passes (text, values) and awaits
 * the result; other calls are left as they are.
 */
function namedStatementsOn(statements: StatementNames) {
  return (client: pg.PoolClient) => {
    const query = client.query.bind(client) as QueryOf;
    (client as unknown as { query: QueryOf }).query = (config, values, callback) => {
      const name = typeof config === 'string' && Array.isArray(values) && callback === undefined ? statements.nameOf(config) : undefined;
      if (!name) return query(config, values, callback);
      return (query({ name, text: config, values }) as Promise<unknown>).catch((error: unknown) => {
        // 0A000: the statement's result changed under it (a column type altered by a migration).
        if ((error as { code?: string }).code !== '0A000') throw error;
        statements.forget(config as string);
        // Outside a transaction the refused statement did nothing: it runs again, unnamed. Inside one,
        // the transaction is lost and the error goes up.
        if ((client as unknown as { getTransactionStatus(): string | null }).getTransactionStatus() === 'I') return query(config, values);
        throw error;
      });
    };
  };
}
