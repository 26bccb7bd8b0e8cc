/**
 * The national database of each engine, generated once and reused (BENCH_FRESH=1 regenerates), and the
 * API tokens the load uses: one read token, one write token, both platform-wide.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { createDb, type DatabaseHandle, type DatabaseTarget } from '../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../src/server/platform/db/migrate.js';
import { migrations } from '../src/server/platform/db/migrations/index.js';
import { loadTerritories } from '../src/server/territories/territories.loader.js';
import { ensureDefaultThemes } from '../src/server/themes/themes.service.js';
import { generateDataset, type GenerateResult } from '../src/server/generate/generate.js';
import { hashSecret, newSecret } from '../src/server/accounts/tokens.js';
import { TOKEN_PREFIX } from '../src/server/accounts/api-tokens.service.js';

export type EngineName = 'sqlite' | 'postgres';
export const SQLITE_PATH = 'bench/tmp/national.sqlite';
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** BENCH_PG_DATABASE lets two checkouts bench side by side without regenerating each other's database. */
const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? 'pilote_bench_national';
const FRESH = process.env.BENCH_FRESH === '1';

export const pgUrl = (): string => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  return url.toString();
};

export const targetOf = (engine: EngineName): DatabaseTarget => (engine === 'sqlite' ? { sqlitePath: SQLITE_PATH } : { databaseUrl: pgUrl() });

export interface PreparedDataset {
  engine: EngineName;
  target: DatabaseTarget;
  readToken: string;
  writeToken: string;
  /** How the database was generated, in this run or (`reused`) in an earlier one. */
  generation: GenerateResult & { generatedAt: string; migrations?: string[] };
  reused: boolean;
}

const markerPath = (engine: EngineName) => `bench/tmp/national.${engine}.json`;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createToken(handle: DatabaseHandle, scope: 'read' | 'write'): Promise<string> {
  const secret = newSecret();
  await handle.db
    .insertInto('api_token')
    .values({ organisation_id: null, name: `banc d’essai (${scope})`, token_hash: hashSecret(secret), scope, is_platform: 1, created_by: 'banc', created_at: new Date().toISOString() })
    .execute();
  return `${TOKEN_PREFIX}${secret}`;
}

async function generate(handle: DatabaseHandle, engine: EngineName) {
  await loadTerritories(handle.db);
  await ensureDefaultThemes(handle.db);
  let last = 0;
  const result = await generateDataset(handle.db, {
    scale: 'national',
    seed: 42,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > last) process.stdout.write(`  génération ${engine} : ${(last = percent)} %\n`);
    },
  });
  const generation = { ...result, generatedAt: new Date().toISOString(), migrations: Object.keys(migrations) };
  mkdirSync(dirname(markerPath(engine)), { recursive: true });
  writeFileSync(markerPath(engine), JSON.stringify(generation, null, 2));
  return generation;
}

/** Reuses the database of an earlier run when its marker says it was fully generated. */
export async function prepareDataset(engine: EngineName): Promise<PreparedDataset> {
  const saved = existsSync(markerPath(engine)) && !FRESH ? (JSON.parse(readFileSync(markerPath(engine), 'utf8')) as PreparedDataset['generation']) : null;
  // A database generated under other migrations (another branch, a migration since) is made again.
  const marker = saved && saved.migrations?.join() === Object.keys(migrations).join() ? saved : null;
  if (!marker) {
    rmSync(markerPath(engine), { force: true });
    if (engine === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(`${SQLITE_PATH}${suffix}`, { force: true });
    else {
      await adminQuery(`drop database if exists ${PG_DATABASE} with (force)`);
      await adminQuery(`create database ${PG_DATABASE}`);
    }
  }
  const target = targetOf(engine);
  const handle = createDb(target);
  try {
    await migrateToLatest(handle.db);
    const generation = marker ?? (await generate(handle, engine));
    return { engine, target, readToken: await createToken(handle, 'read'), writeToken: await createToken(handle, 'write'), generation, reused: marker !== null };
  } finally {
    await handle.close();
  }
}
