/**
 * The SQL floor of each read: the app runs in this process on the bench database with a query log,
 * answers each scenario once with its cache emptied, and the exact statements it sent (with their
 * parameters) are then replayed on the bare driver. Also times the same answers without the cache.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db/schema.js';
import type { PreparedDataset } from './datasets.js';

export interface Timing {
  p50: number;
  p99: number;
}

export interface ReadScenario {
  key: string;
  url: string;
}

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

const SAMPLES = Number(process.env.BENCH_SQL_SAMPLES ?? 50);
const round = (ms: number) => Math.round(ms * 100) / 100;

export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

type Replayer = { replay(queries: Captured[]): Promise<void>; close(): Promise<void> };

function sqliteReplayer(path: string): Replayer {
  const raw = new SQLite(path, { readonly: true });
  return {
    async replay(queries) {
      for (const q of queries) raw.prepare(q.sql).all(...(q.parameters as unknown[]));
    },
    async close() {
      raw.close();
    },
  };
}

async function postgresReplayer(url: string): Promise<Replayer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async replay(queries) {
      for (const q of queries) await client.query(q.sql, q.parameters as unknown[]);
    },
    close: () => client.end(),
  };
}

function loggingDb(dataset: PreparedDataset, log: Captured[]): { db: Kysely<Database>; close(): Promise<void> } {
  const onLog = (event: LogEvent) => {
    if (event.level === 'query' && /^\s*(select|with)\b/i.test(event.query.sql)) log.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  if ('sqlitePath' in dataset.target) {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(dataset.target.sqlitePath) }), log: onLog });
    return { db, close: () => db.destroy() };
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: dataset.target.databaseUrl, max: 4 }) }), log: onLog });
  return { db, close: () => db.destroy() };
}

export interface SqlFloor {
  /** Statements one answer sends, and the time they take on the bare driver, all together. */
  queries: number;
  rawSql: Timing;
  /** The whole answer in this process (no HTTP, no load), with the cache emptied before each. */
  uncached: Timing;
}

export async function measureSqlFloor(dataset: PreparedDataset, scenarios: ReadScenario[]): Promise<Record<string, SqlFloor>> {
  const log: Captured[] = [];
  const { db, close } = loggingDb(dataset, log);
  const app = await buildApp({ database: { db, dialect: dataset.engine, close }, config: { ...loadConfig({}), logLevel: 'warn' }, logger: false });
  const replayer = 'sqlitePath' in dataset.target ? sqliteReplayer(dataset.target.sqlitePath) : await postgresReplayer(dataset.target.databaseUrl);
  const results: Record<string, SqlFloor> = {};
  try {
    for (const scenario of scenarios) {
      const uncached: number[] = [];
      let captured: Captured[] = [];
      for (let i = 0; i < Math.max(10, SAMPLES / 5); i++) {
        // Moving the data version and every table's on empties the answer cache, as writes to all of them would.
        await sql`update data_version set value = value + 1 where id = 1`.execute(db);
        await sql`update table_version set value = (select value from data_version where id = 1)`.execute(db);
        log.length = 0;
        const started = performance.now();
        const response = await app.inject({ url: scenario.url, headers: { authorization: `Bearer ${dataset.readToken}` } });
        uncached.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${scenario.url} : ${response.statusCode} ${response.body.slice(0, 200)}`);
        captured = [...log];
      }
      const replays: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        await replayer.replay(captured);
        replays.push(performance.now() - started);
      }
      results[scenario.key] = { queries: captured.length, rawSql: percentiles(replays), uncached: percentiles(uncached) };
    }
  } finally {
    await replayer.close();
    await app.close();
    await close();
  }
  return results;
}
