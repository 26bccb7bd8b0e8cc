/**
 * npm run bench:reliability [-- --short] — the large reliability runs (issue 11), apart from the test suite:
 * 10,000 OpenAPI fuzzing cases over both engines, 20 SIGKILLs during an import with a burst of writes and
 * 20 during a national generation, 60 s of load at 200 connections (90 % reads, 10 % writes, signed-in
 * users) and a 10-minute soak watching the server's memory. Writes bench/results/reliability-<date>.json
 * and .md. `runReliabilityBench` is what bench/run.ts may call.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import fc from 'fast-check';
import { hash } from '@node-rs/argon2';
import { createTestApp } from '../test/helpers/app.js';
import { ENGINES } from '../test/helpers/databases.js';
import { caseArbitrary, dumpDatabase, prepareCallers, runCase, writeOperations } from '../test/helpers/api-fuzz.js';
import { killDuringGeneration, killDuringWrites, timeImport, planWorkbook, prepareGenerationTemplate, type KillOutcome } from '../test/helpers/crash.js';
import { freePort, prepareSqliteFile, spawnServer, type ServerProcess } from '../test/helpers/server-process.js';
import { buildServer } from '../scripts/build-server.js';
import { resultStamp } from './load.js';
import { createDb } from '../src/server/platform/db/create-db.js';
import { insertUser, upsertMembership } from '../src/server/accounts/accounts.repository.js';

export interface ReliabilityOptions {
  short: boolean;
  log?: (line: string) => void;
}

export interface ReliabilityResults {
  date: string;
  short: boolean;
  fuzzing: { cases: number; byEngine: Record<string, { cases: number; accepted: number; rejected: number; failures: string[]; seeds: number[] }> };
  kills: { scenario: string; kills: number; killedMidway: number; survived: number; acknowledgedWrites: number; problems: string[] }[];
  load: DriveResult & { seconds: number; connections: number; readP99Budget: number };
  soak: { seconds: number; warmUpSeconds: number; rssAfterWarmUpMb: number; rssEndMb: number; rssMaxMb: number; growthPercent: number; limitPercent: number; errors: number; statusCodes: Record<string, number> };
}


async function fuzzing(cases: number, log: (line: string) => void): Promise<ReliabilityResults['fuzzing']> {
  const byEngine: ReliabilityResults['fuzzing']['byEngine'] = {};
  for (const engine of ENGINES) {
    const t = await createTestApp(engine);
    try {
      const ctx = await prepareCallers(t);
      const operations = await writeOperations(t);
      let dump = await dumpDatabase(t);
      const stats = { cases: 0, accepted: 0, rejected: 0, failures: [] as string[], seeds: [] as number[] };
      // A failure ends a fast-check run after shrinking it: record it and go on with another seed until the count is reached.
      const target = cases / ENGINES.length;
      while (stats.cases < target && stats.failures.length < 20) {
        const seed = (Date.now() + stats.cases) % 2 ** 31;
        stats.seeds.push(seed);
        const details = await fc.check(
          fc.asyncProperty(caseArbitrary(operations), async (c) => {
            const result = await runCase(ctx, c, dump);
            dump = result.after;
            stats.cases++;
            if (result.status >= 200 && result.status < 300) stats.accepted++;
            else stats.rejected++;
            if (result.problems.length > 0) throw new Error(result.problems.join(' ; '));
          }),
          { numRuns: target - stats.cases, seed },
        );
        if (details.failed) stats.failures.push(`graine ${details.seed} : ${String(details.errorInstance).slice(0, 500)} — ${JSON.stringify(details.counterexample).slice(0, 1500)}`);
      }
      byEngine[engine] = stats;
      log(`fuzzing ${engine} : ${stats.cases} cas, ${stats.accepted} acceptés, ${stats.failures.length} échec(s)`);
      for (const failure of stats.failures) log(`  ${failure}`);
    } finally {
      await t.close();
    }
  }
  return { cases: Object.values(byEngine).reduce((n, s) => n + s.cases, 0), byEngine };
}

function summarise(scenario: string, outcomes: KillOutcome[]): ReliabilityResults['kills'][number] {
  return {
    scenario,
    kills: outcomes.length,
    killedMidway: outcomes.filter((o) => o.killed).length,
    survived: outcomes.filter((o) => o.ok).length,
    acknowledgedWrites: outcomes.reduce((n, o) => n + o.acknowledged, 0),
    problems: outcomes.filter((o) => !o.ok).map((o) => o.problem ?? ''),
  };
}

async function kills(count: number, dir: string, log: (line: string) => void): Promise<ReliabilityResults['kills']> {
  const { sqlitePath, token } = await prepareSqliteFile(dir);
  const workbook = await planWorkbook(600);
  const writes: KillOutcome[] = [];
  const importMs = await timeImport({ sqlitePath, token, workbook, cycle: -1 });
  log(`import de 600 actions pendant la rafale : ${importMs} ms ; les arrêts sont tirés dans cet intervalle`);
  for (let cycle = 0; cycle < count; cycle++) {
    const killAfterMs = Math.floor(Math.random() * importMs);
    writes.push(...(await killDuringWrites({ sqlitePath, token, workbook, actionsInWorkbook: 600, killAfterMs, import: true, burst: true, cycle })));
    log(`arrêt brutal ${cycle + 1}/${count} pendant import et rafale après ${killAfterMs} ms`);
  }
  log('préparation du référentiel national pour la génération');
  const template = await prepareGenerationTemplate(dir, 'all');
  const generations: KillOutcome[] = [];
  for (let cycle = 0; cycle < count; cycle++) {
    generations.push(await killDuringGeneration({ template, workPath: join(dir, 'national.sqlite'), scale: 'national', killAfterMs: Math.floor(Math.random() * 15_000) }));
    log(`arrêt brutal ${cycle + 1}/${count} pendant la génération nationale`);
  }
  return [summarise('import XLSX (600 actions)', writes.filter((o) => o.scenario === 'import')), summarise('rafale d’écritures concurrentes (8 clients)', writes.filter((o) => o.scenario === 'burst')), summarise('génération nationale', generations)];
}

interface LoadTarget {
  server: ServerProcess;
  sessions: { cookie: string; csrf: string }[];
  reads: string[];
  actionIds: number[];
}

/** The real server on a demo file, with signed-in people of the demo Caf. */
export async function loadTarget(dir: string): Promise<LoadTarget> {
  const { sqlitePath } = await prepareSqliteFile(dir);
  const handle = createDb({ sqlitePath });
  const caf = await handle.db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
  const passwordHash = await hash('mot de passe solide 42');
  for (let n = 0; n < 8; n++) {
    const id = await insertUser(handle.db, { email: `charge${n}@caf92.fr`, display_name: `Chargé ${n}`, password_hash: passwordHash, is_platform_admin: 0, status: 'active', now: new Date().toISOString() });
    await upsertMembership(handle.db, id, caf.id, 'caf_agent', new Date().toISOString());
  }
  const conventions = (await handle.db.selectFrom('convention').select('id').execute()).map((r) => r.id);
  const actionIds = (await handle.db.selectFrom('action').select('id').execute()).map((r) => r.id);
  const indicators = (await handle.db.selectFrom('indicator').select('id').execute()).map((r) => r.id);
  await handle.close();
  const server = await spawnServer({ port: await freePort(), env: { SQLITE_PATH: sqlitePath, LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'warn' }, nodeArgs: process.env.LOAD_NODE_ARGS?.split(' ').filter(Boolean) });
  const sessions = [];
  for (let n = 0; n < 8; n++) {
    const response = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `charge${n}@caf92.fr`, password: 'mot de passe solide 42' }) });
    const cookie = /pilote_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error(`connexion refusée : ${await response.text()}`);
    sessions.push({ cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken });
  }
  const reads = [
    '/api/v1/conventions', '/api/v1/stats', '/api/v1/themes', ...conventions.map((id) => `/api/v1/conventions/${id}`),
    ...conventions.map((id) => `/api/v1/actions?convention=${id}`), ...indicators.map((id) => `/api/v1/indicators/${id}`), '/api/v1/auth/me',
  ];
  return { server, sessions, reads: await answered(server.url, sessions[0]!, reads), actionIds };
}

/** Addresses a signed-in agent may read; any other is reported, so that errors under load mean load. */
async function answered(url: string, session: { cookie: string }, reads: string[]): Promise<string[]> {
  const statuses = await Promise.all(reads.map(async (path) => (await fetch(`${url}${path}`, { headers: { cookie: session.cookie } })).status));
  const refused = reads.filter((_, i) => statuses[i] !== 200);
  if (refused.length > 0) throw new Error(`lectures refusées avant la charge : ${refused.map((p) => `${p} (${statuses[reads.indexOf(p)]})`).join(', ')}`);
  return reads;
}

export interface DriveResult {
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  p50: number;
  p99: number;
  /** Over every request of every connection, reads and writes apart (ms). */
  reads: LatencySummary;
  writes: LatencySummary;
  rps: number;
  statusCodes: Record<string, number>;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function summariseLatencies(times: number[]): LatencySummary {
  const sorted = Float64Array.from(times).sort();
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}

/** The request a connection's response answers: its iterator moves on only after the response is counted. */
type ClientOfResponse = { requestIterator: { currentRequest: { method?: string } } };

/**
 * autocannon with 9 reads for 1 write on each connection; one autocannon per signed-in person (its
 * cookie and CSRF token on every request), all at once. p99 is the worst of theirs, p50 their mean;
 * `reads` and `writes` are computed over every response, told apart by the request they answer.
 */
export async function drive(target: LoadTarget, connections: number, seconds: number): Promise<DriveResult> {
  const perSession = Math.max(1, Math.floor(connections / target.sessions.length));
  const readTimes: number[] = [];
  const writeTimes: number[] = [];
  const runs = await Promise.all(
    target.sessions.map((session, n) => {
      // As the web app's requests from a browser: signed in, with its CSRF token and its Accept-Encoding.
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'accept-encoding': 'gzip, deflate, br, zstd' };
      const requests = Array.from({ length: 10 }, (_, i) =>
        i === 4
          ? {
              method: 'POST' as const,
              path: `/api/v1/actions/${target.actionIds[n % target.actionIds.length]}/notes`,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ date: '2026-11-28', author: 'Charge', body: 'Note écrite pendant la charge' }),
            }
          : { method: 'GET' as const, path: target.reads[(i * 7 + n) % target.reads.length]!, headers },
      );
      return new Promise<autocannon.Result>((resolve, reject) => {
        const options = { url: target.server.url, connections: perSession, duration: seconds, requests, timeout: 30 };
        const instance = autocannon(options, (error, result) => (error ? reject(error as Error) : resolve(result)));
        instance.on('response', (client, _status, _bytes, time) => {
          ((client as unknown as ClientOfResponse).requestIterator.currentRequest.method === 'POST' ? writeTimes : readTimes).push(time);
        });
      });
    }),
  );
  const statusCodes: Record<string, number> = {};
  for (const run of runs) for (const [code, stat] of Object.entries(run.statusCodeStats ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + (stat as { count: number }).count;
  const sum = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + pick(r), 0);
  return {
    requests: sum((r) => r.requests.total),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    p50: Math.round(sum((r) => r.latency.p50) / runs.length),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    reads: summariseLatencies(readTimes),
    writes: summariseLatencies(writeTimes),
    rps: Math.round(sum((r) => r.requests.average)),
    statusCodes,
  };
}

async function load(dir: string, seconds: number, log: (line: string) => void): Promise<ReliabilityResults['load']> {
  const target = await loadTarget(dir);
  try {
    const result = await drive(target, 200, seconds);
    const measured = { seconds, connections: 200, ...result, readP99Budget: 50 };
    log(`charge : ${measured.requests} requêtes, ${measured.errors + measured.non2xx} erreurs, p99 ${measured.p99} ms (lectures ${measured.reads.p99} ms, écritures ${measured.writes.p99} ms)`);
    return measured;
  } finally {
    target.server.child.kill('SIGTERM');
    await target.server.exited;
  }
}

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/\d+/.exec(line ?? '')?.[0] ?? 0) / 1024);
};

async function soak(dir: string, seconds: number, warmUpSeconds: number, log: (line: string) => void): Promise<ReliabilityResults['soak']> {
  const target = await loadTarget(dir);
  const samples: { at: number; rss: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(target.server.child.pid!) }), 2000);
  try {
    const result = await drive(target, 24, seconds);
    clearInterval(sampler);
    const afterWarmUp = samples.filter((s) => s.at >= warmUpSeconds);
    const base = afterWarmUp[0]?.rss ?? samples[0]!.rss;
    const tail = afterWarmUp.slice(-5).map((s) => s.rss).sort((a, b) => a - b);
    const end = tail[Math.floor(tail.length / 2)] ?? base;
    const measured = { seconds, warmUpSeconds, rssAfterWarmUpMb: base, rssEndMb: end, rssMaxMb: Math.max(...samples.map((s) => s.rss)), growthPercent: Math.round(((end - base) / base) * 1000) / 10, limitPercent: 20, errors: result.errors + result.non2xx + result.timeouts, statusCodes: result.statusCodes };
    log(`endurance : ${base} Mo après la mise en température, ${end} Mo à la fin (${measured.growthPercent} %)`);
    return measured;
  } finally {
    clearInterval(sampler);
    target.server.child.kill('SIGTERM');
    await target.server.exited;
  }
}

export async function runReliabilityBench(options: ReliabilityOptions): Promise<ReliabilityResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'pilote-fiabilite-'));
  try {
    await buildServer();
    const fuzz = await fuzzing(options.short ? 1_000 : 10_000, log);
    const killed = await kills(options.short ? 3 : 20, dir, log);
    const loaded = await inFreshProcess<ReliabilityResults['load']>(['load', join(dir, 'load'), String(options.short ? 15 : 60)]);
    const soaked = await inFreshProcess<ReliabilityResults['soak']>(['soak', join(dir, 'soak'), String(options.short ? 120 : 600), String(options.short ? 20 : 60)]);
    return { date: new Date().toISOString().slice(0, 10), short: options.short, fuzzing: fuzz, kills: killed, load: loaded, soak: soaked };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reliabilityMarkdown(r: ReliabilityResults): string {
  const lines = [
    `# Fiabilité — ${r.date}${r.short ? ' (passe courte)' : ''}`,
    '',
    '## Fuzzing piloté par OpenAPI',
    `${r.fuzzing.cases} cas (paramètres, en-têtes, corps ; anonyme, administrateur et chaque rôle).`,
    '',
    '| moteur | cas | acceptés | refusés | échecs |',
    '|---|---|---|---|---|',
    ...Object.entries(r.fuzzing.byEngine).map(([engine, s]) => `| ${engine} | ${s.cases} | ${s.accepted} | ${s.rejected} | ${s.failures.length} |`),
    ...Object.values(r.fuzzing.byEngine).flatMap((s) => s.failures.map((f) => `- ${f}`)),
    '',
    '## Arrêts brutaux (SIGKILL)',
    '| scénario | arrêts | arrêtés en cours | survécus | écritures confirmées vérifiées |',
    '|---|---|---|---|---|',
    ...r.kills.map((k) => `| ${k.scenario} | ${k.kills} | ${k.killedMidway} | ${k.survived} | ${k.acknowledgedWrites} |`),
    ...r.kills.flatMap((k) => k.problems.map((p) => `- ${k.scenario} : ${p}`)),
    '',
    '## Charge',
    `${r.load.seconds} s, ${r.load.connections} connexions, 90 % lectures / 10 % écritures, personnes connectées : ${r.load.requests} requêtes, ${r.load.errors} erreurs réseau, ${r.load.non2xx} réponses hors 2xx, ${r.load.timeouts} délais dépassés (codes : ${JSON.stringify(r.load.statusCodes)}) ; p50 ${r.load.p50} ms, p99 ${r.load.p99} ms, ${r.load.rps} requêtes/s.`,
    ...(r.load.reads
      ? [
          '',
          '| requêtes | nombre | p50 | p99 | max |',
          '|---|---|---|---|---|',
          `| lectures (budget p99 : ${r.load.readP99Budget} ms) | ${r.load.reads.count} | ${r.load.reads.p50} ms | ${r.load.reads.p99} ms | ${r.load.reads.max} ms |`,
          `| écritures | ${r.load.writes.count} | ${r.load.writes.p50} ms | ${r.load.writes.p99} ms | ${r.load.writes.max} ms |`,
        ]
      : []),
    '',
    '## Endurance',
    `${r.soak.seconds} s à 24 connexions : RSS ${r.soak.rssAfterWarmUpMb} Mo après ${r.soak.warmUpSeconds} s de mise en température, ${r.soak.rssEndMb} Mo à la fin (max ${r.soak.rssMaxMb} Mo), croissance ${r.soak.growthPercent} % (limite ${r.soak.limitPercent} %), ${r.soak.errors} erreurs.`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Load and soak drive the server from a process of their own: the heap and handles the fuzzing left in
 * this one would slow the client down, and its delays would be counted as the server's. The phase's
 * lines go to stderr, its result as JSON on the last line of stdout.
 */
function inFreshProcess<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/reliability.ts', '--phase', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`phase ${args[0]} : sortie ${code}\n${output}`));
    });
  });
}

async function runPhase([phase, dir, seconds, warmUp]: string[]): Promise<void> {
  mkdirSync(dir!, { recursive: true });
  await buildServer();
  const log = (line: string) => console.error(line);
  const result = phase === 'load' ? await load(dir!, Number(seconds), log) : await soak(dir!, Number(seconds), Number(warmUp), log);
  console.log(JSON.stringify(result));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--phase')) {
  await runPhase(process.argv.slice(process.argv.indexOf('--phase') + 1));
  process.exit(0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = new Date().toISOString();
  const results = await runReliabilityBench({ short: process.argv.includes('--short') || process.env.BENCH_RELIABILITY === 'short' });
  mkdirSync('bench/results', { recursive: true });
  // Whether it was the short pass is in the name too: no run overwrites another.
  const base = `bench/results/reliability-${resultStamp(started)}${results.short ? '-courte' : ''}`;
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, reliabilityMarkdown(results));
  console.log(reliabilityMarkdown(results));
  // Nothing may leave the process running (servers, pools): exit explicitly once written.
  process.exit(0);
}
