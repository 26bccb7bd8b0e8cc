/**
 * npm run bench — on the national synthetic dataset, SQLite then PostgreSQL: generates each database
 * once, times the raw SQL of each read in-process, starts the real server and a bare Fastify floor in
 * other processes, drives both with autocannon on loopback for fixed durations, and writes
 * bench/results/<date>.json and .md with every budget checked, and the table into the README.
 * Not part of the test suite: the budgets are checked here, never by timed tests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createDb } from '../src/server/platform/db/create-db.js';
import { prepareDataset, type EngineName, type PreparedDataset } from './datasets.js';
import { actionUpdates, CONNECTIONS, load, rssMegabytes, SECONDS, spreadOverPlans, startProcess, stopProcess, waitFor, type Measure } from './load.js';
import { measureSqlFloor, type SqlFloor } from './sql-floor.js';
import { writeReport, type EngineRun, type ScenarioResult } from './report.js';
import { firstLoadJavaScript } from './first-load.js';

const SERVER_PORT = 3490;
const FLOOR_PORT = 3491;
const ENGINES: EngineName[] = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as EngineName[];

export type ScenarioKind = 'read' | 'search' | 'dashboard' | 'write';
const SEARCHES = ['crèches', 'accès aux droits', 'ateliers parents', 'numérique', 'permanences hebdomadaires'].map(
  (q) => `/api/v1/search?q=${encodeURIComponent(q)}&kind=action&limit=20`,
);
const READS: { key: string; name: string; kind: ScenarioKind; paths: string[] }[] = [
  { key: 'list', name: 'liste des conventions filtrée', kind: 'read', paths: ['/api/v1/conventions?status=en_cours&theme=handicap&limit=50'] },
  { key: 'detail', name: 'détail d’une convention', kind: 'read', paths: ['/api/v1/conventions/1200'] },
  { key: 'search', name: 'recherche d’actions (plein texte)', kind: 'search', paths: SEARCHES },
  { key: 'coverage', name: 'couverture (tableau de bord)', kind: 'dashboard', paths: ['/api/v1/coverage?departement=59&date=2025-12-31'] },
  { key: 'matrix', name: 'matrice champs × territoires', kind: 'dashboard', paths: ['/api/v1/themes-matrix?departement=59'] },
  { key: 'stats', name: 'chiffres clés', kind: 'dashboard', paths: ['/api/v1/stats'] },
];

/** What Chromium sends on every request of the web app: the API's answers may come compressed. */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

const loadAverages = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** 5,000 actions from `afterId` on, in id order, with their versions. */
async function actionsToUpdate(dataset: PreparedDataset, afterId: number) {
  const handle = createDb(dataset.target);
  try {
    return await handle.db.selectFrom('action').select(['id', 'version', 'convention_id as conventionId']).where('id', '>', afterId).orderBy('id').limit(5_000).execute();
  } finally {
    await handle.close();
  }
}

async function runEngine(engine: EngineName, floorBase: string): Promise<EngineRun> {
  console.log(`\n== ${engine} : préparation du jeu national`);
  const dataset = await prepareDataset(engine);
  console.log(`== ${engine} : SQL brut et réponses sans cache, en processus`);
  const sqlFloor: Record<string, SqlFloor> = await measureSqlFloor(dataset, READS.map((r) => ({ key: r.key, url: r.paths[0]! })));
  const env = engine === 'sqlite' ? { SQLITE_PATH: (dataset.target as { sqlitePath: string }).sqlitePath, DATABASE_URL: '' } : { DATABASE_URL: (dataset.target as { databaseUrl: string }).databaseUrl };
  const server = startProcess(['dist/server/pilote-ctg.mjs', 'serve', '--no-demo'], { ...env, PORT: String(SERVER_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  try {
    const base = `http://127.0.0.1:${SERVER_PORT}`;
    await waitFor(`${base}/api/v1/health`);
    const auth = { authorization: `Bearer ${dataset.readToken}`, ...BROWSER_ENCODINGS };
    const loadAtStart = loadAverages();
    console.log(`== ${engine} : plancher puis charge (${SECONDS} s par scénario, ${CONNECTIONS} connexions)`);
    const floor = await load(floorBase, ['/constant']);
    console.log(`  plancher (Fastify nu) : p50 ${floor.p50} ms, p99 ${floor.p99} ms, ${floor.rps} req/s`);
    const scenarios: ScenarioResult[] = [];
    let detailBytes = 0;
    for (const read of READS) {
      for (const path of read.paths) {
        const body = await (await fetch(`${base}${path}`, { headers: auth })).arrayBuffer();
        if (read.key === 'detail') detailBytes = body.byteLength;
      }
      const measure: Measure = await load(base, read.paths, auth);
      scenarios.push({ key: read.key, name: read.name, kind: read.kind, measure, sql: sqlFloor[read.key]! });
      console.log(`  ${read.name} : p50 ${measure.p50} ms, p99 ${measure.p99} ms, ${measure.rps} req/s, ${measure.errors} erreurs`);
    }
    const sameShapeFloor = { bytes: detailBytes, ...(await load(floorBase, [`/meme-forme?octets=${detailBytes}`])) };
    console.log(`  plancher de même forme que le détail (${detailBytes} octets) : ${sameShapeFloor.rps} req/s`);
    const detailUncompressed = await load(base, READS.find((r) => r.key === 'detail')!.paths, { authorization: auth.authorization });
    console.log(`  détail pour un client sans gzip : ${detailUncompressed.rps} req/s`);
    const write = await load(base, actionUpdates(spreadOverPlans(await actionsToUpdate(dataset, 20_000)), dataset.writeToken));
    scenarios.push({ key: 'update', name: 'modification d’une action (écriture)', kind: 'write', measure: write, sql: null });
    console.log(`  écriture : p50 ${write.p50} ms, p99 ${write.p99} ms, ${write.rps} req/s, ${write.errors} erreurs`);
    // Taken in id order, the connections edit the actions of one plan at the same time. Other actions
    // than the first run's: its last updates, sent before it stopped, may still be committing.
    const writeSamePlan = await load(base, actionUpdates(await actionsToUpdate(dataset, 40_000), dataset.writeToken));
    console.log(`  écritures simultanées dans un même plan : p50 ${writeSamePlan.p50} ms, p99 ${writeSamePlan.p99} ms, ${writeSamePlan.rps} req/s`);
    const serverRssMb = rssMegabytes(server.pid!);
    if (!firstLoad) firstLoad = await firstLoadJavaScript(base);
    return { engine, floor, sameShapeFloor, detailUncompressed, writeSamePlan, scenarios, serverRssMb, generation: dataset.generation, generationReused: dataset.reused, loadAverages: { start: loadAtStart, end: loadAverages() } };
  } finally {
    await stopProcess(server);
  }
}

/** bench/plan-import.ts as it is: it prints one line per engine with the dry run and import times. */
function planImport(): string[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/plan-import.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return output.split('\n').filter((line) => /^(sqlite|postgres):/.test(line));
}


let firstLoad: { kbGzip: number; files: number } | null = null;
const started = new Date();
const loadBefore = loadAverages();
const floorServer = startProcess(['--import', 'tsx', 'bench/floor-server.ts'], { PORT: String(FLOOR_PORT) });
const runs: EngineRun[] = [];
try {
  await waitFor(`http://127.0.0.1:${FLOOR_PORT}/constant`);
  for (const engine of ENGINES) {
    try {
      runs.push(await runEngine(engine, `http://127.0.0.1:${FLOOR_PORT}`));
    } catch (error) {
      // A machine without PostgreSQL still gets its SQLite table; the missing engine is said, not hidden.
      if (engine !== 'postgres' || runs.length === 0) throw error;
      console.error(`PostgreSQL non mesuré : ${(error as Error).message}`);
    }
  }
} finally {
  await stopProcess(floorServer);
}
console.log('\n== import XLSX d’un plan de 200 actions');
const planImportLines = planImport();
writeReport({
  date: started.toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  settings: { secondsPerScenario: SECONDS, connections: CONNECTIONS },
  loadAverages: { before: loadBefore, after: loadAverages() },
  runs,
  planImport: planImportLines,
  firstLoadJsKbGzip: firstLoad!.kbGzip,
  firstLoadJsFiles: firstLoad!.files,
});
