/**
 * npm run bench — generates (once) the national synthetic dataset, starts the real server on it and a
 * bare Fastify floor in other processes, drives both with autocannon on loopback, times the raw SQL of
 * each read in-process, and writes bench/results/<date>.json and .md. Not part of the test suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { createDb } from '../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../src/server/platform/db/migrate.js';
import { loadTerritories } from '../src/server/territories/territories.loader.js';
import { ensureDefaultThemes } from '../src/server/themes/themes.service.js';
import { generateDataset } from '../src/server/generate/generate.js';
import { hashSecret, newSecret } from '../src/server/accounts/tokens.js';
import { TOKEN_PREFIX } from '../src/server/accounts/api-tokens.service.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DB_PATH = 'bench/tmp/national.sqlite';
const SERVER_PORT = 3490;
const FLOOR_PORT = 3491;

interface Measure { p50: number; p99: number; rps: number; errors: number }

async function prepare(): Promise<{ token: string; generationSeconds: number | null }> {
  mkdirSync('bench/tmp', { recursive: true });
  const fresh = !existsSync(DB_PATH);
  const handle = createDb({ sqlitePath: DB_PATH });
  await migrateToLatest(handle.db);
  let generationSeconds: number | null = null;
  if (fresh) {
    await loadTerritories(handle.db);
    await ensureDefaultThemes(handle.db);
    generationSeconds = (await generateDataset(handle.db, { scale: 'national', seed: 42 })).seconds;
  }
  const secret = newSecret();
  await handle.db.insertInto('api_token').values({ organisation_id: null, name: 'banc d’essai', token_hash: hashSecret(secret), scope: 'read', is_platform: 1, created_by: 'banc', created_at: new Date().toISOString() }).execute();
  await handle.close();
  return { token: `${TOKEN_PREFIX}${secret}`, generationSeconds };
}

function start(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} ne répond pas`);
}

async function load(url: string, headers: Record<string, string>): Promise<Measure> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: Math.round(result.requests.average), errors: result.non2xx + result.errors };
}

function rawSql(): Record<string, Measure> {
  const db = new SQLite(DB_PATH, { readonly: true });
  const time = (statement: string, params: unknown[]) => {
    const prepared = db.prepare(statement);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      prepared.all(...params);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[100]!, p99: samples[198]!, rps: Math.round(1000 / (samples.reduce((s, x) => s + x, 0) / samples.length)), errors: 0 };
  };
  const measures = {
    'liste filtrée': time(`select * from convention c where c.status = ? and exists (select 1 from convention_theme t where t.convention_id = c.id and t.theme_code = ?) order by c.id limit 50`, ['en_cours', 'handicap']),
    'détail': time(`select * from action where convention_id = ? order by position`, [1200]),
    'recherche': time(`select * from action where search_text like ? order by id limit 21`, ['%creche%']),
  };
  db.close();
  return measures;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

function firstLoadJsKb(): number {
  const html = readFileSync('dist/client/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return Math.round(files.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/client${f}`)).length, 0) / 102.4) / 10;
}

const { token, generationSeconds } = await prepare();
const server = start(['bin/pilote-ctg.js', 'serve', '--no-demo'], { SQLITE_PATH: DB_PATH, PORT: String(SERVER_PORT), LOG_LEVEL: 'warn' });
const floor = start(['--import', 'tsx', 'bench/floor-server.ts'], { PORT: String(FLOOR_PORT) });
try {
  await waitFor(`http://127.0.0.1:${SERVER_PORT}/api/v1/health`);
  await waitFor(`http://127.0.0.1:${FLOOR_PORT}/constant`);
  const auth = { authorization: `Bearer ${token}` };
  const base = `http://127.0.0.1:${SERVER_PORT}/api/v1`;
  const scenarios: [string, string, number][] = [
    ['liste des conventions filtrée', `${base}/conventions?status=en_cours&theme=handicap&limit=50`, 50],
    ['détail d’une convention', `${base}/conventions/1200`, 50],
    ['recherche d’actions', `${base}/actions?q=creche&limit=20`, 20],
    ['couverture (tableau de bord)', `${base}/coverage?departement=59&date=2025-12-31`, 100],
    ['matrice champs × territoires', `${base}/themes-matrix?departement=59`, 100],
    ['chiffres clés', `${base}/stats`, 100],
  ];
  const floorMeasure = await load(`http://127.0.0.1:${FLOOR_PORT}/constant`, {});
  const results: { name: string; budgetMs: number; measure: Measure }[] = [];
  for (const [name, url, budgetMs] of scenarios) results.push({ name, budgetMs, measure: await load(url, auth) });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    engine: 'sqlite',
    secondsPerScenario: SECONDS,
    generationSeconds,
    floor: floorMeasure,
    scenarios: results,
    rawSql: rawSql(),
    serverRssMb: rssMegabytes(server.pid!),
    firstLoadJsKbGzip: firstLoadJsKb(),
  };
  mkdirSync('bench/results', { recursive: true });
  const stem = `bench/results/${report.date.slice(0, 10)}`;
  writeFileSync(`${stem}.json`, JSON.stringify(report, null, 2));
  const lines = [
    `# Banc d’essai — ${report.date.slice(0, 16)} — ${report.machine.cpus} cœurs ${report.machine.model}, ${report.machine.memoryGb} Go, Node ${report.machine.node}, SQLite`,
    '',
    `Plancher (Fastify nu) : p50 ${floorMeasure.p50} ms, p99 ${floorMeasure.p99} ms, ${floorMeasure.rps} req/s.`,
    '',
    '| scénario | p50 (ms) | p99 (ms) | req/s | erreurs | budget p99 | tenu |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.measure.p50} | ${r.measure.p99} | ${r.measure.rps} | ${r.measure.errors} | ${r.budgetMs} | ${r.measure.p99 <= r.budgetMs && r.measure.errors === 0 ? 'oui' : 'non'} |`),
    '',
    `SQL brut en processus (p99) : ${Object.entries(report.rawSql).map(([k, v]) => `${k} ${v.p99.toFixed(2)} ms`).join(' ; ')}.`,
    `Génération du jeu national : ${generationSeconds === null ? 'base réutilisée' : `${generationSeconds.toFixed(1)} s`} (budget 60 s). Mémoire du serveur après la charge : ${report.serverRssMb} Mo (budget 300 Mo). JavaScript du premier chargement : ${report.firstLoadJsKbGzip} Ko gzip (budget 200 Ko).`,
  ];
  writeFileSync(`${stem}.md`, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
} finally {
  server.kill('SIGTERM');
  floor.kill('SIGTERM');
}
