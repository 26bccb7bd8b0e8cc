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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
