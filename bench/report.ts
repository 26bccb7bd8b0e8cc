/** Budgets of issue #9, checked on the measures; bench/results/<date>-<hhmm>.json and .md, and the README table. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { GenerateResult } from '../src/server/generate/generate.js';
import type { EngineName } from './datasets.js';
import { resultStamp, type Measure } from './load.js';
import type { SqlFloor } from './sql-floor.js';

export interface ScenarioResult {
  key: string;
  name: string;
  kind: 'read' | 'search' | 'dashboard' | 'write';
  measure: Measure;
  sql: SqlFloor | null;
}

export interface EngineRun {
  engine: EngineName;
  floor: Measure;
  /** Bare Fastify sending the detail's size and headers from memory: what the answer's shape costs alone. */
  sameShapeFloor?: Measure & { bytes: number };
  /** The detail asked by a client that does not accept gzip (the scenarios send a browser's Accept-Encoding). */
  detailUncompressed?: Measure;
  /** Action updates taken in id order: the connections edit the same plan at once. */
  writeSamePlan?: Measure;
  scenarios: ScenarioResult[];
  serverRssMb: number;
  generation: GenerateResult & { generatedAt: string };
  generationReused: boolean;
  loadAverages: { start: number[]; end: number[] };
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  settings: { secondsPerScenario: number; connections: number };
  loadAverages: { before: number[]; after: number[] };
  runs: EngineRun[];
  planImport: string[];
  firstLoadJsKbGzip: number;
  /** Scripts Chromium downloaded to show the home page (entry, preloads, lazy page chunk, DSFR). */
  firstLoadJsFiles: number;
}

const P99_BUDGETS: Record<ScenarioResult['kind'], number | null> = { read: 50, search: 20, dashboard: 100, write: null };
const BUDGETS = { detailShareOfFloor: 0.5, generationSeconds: 60, rssMb: 300, firstLoadJsKb: 200, postgresFactor: 2 };

interface Check {
  what: string;
  value: string;
  budget: string;
  /** Null for a figure reported beside the budgets without one of its own. */
  pass: boolean | null;
}

const yes = (pass: boolean) => (pass ? 'oui' : '**non**');
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function scenarioPasses(s: ScenarioResult): boolean | null {
  const budget = P99_BUDGETS[s.kind];
  return budget === null ? null : s.measure.p99 <= budget && s.measure.errors === 0;
}

function checks(report: BenchReport): Check[] {
  const sqlite = report.runs.find((r) => r.engine === 'sqlite');
  const postgres = report.runs.find((r) => r.engine === 'postgres');
  const list: Check[] = [];
  if (sqlite) {
    for (const s of sqlite.scenarios) {
      const pass = scenarioPasses(s);
      if (pass !== null) list.push({ what: `${s.name} — p99 SQLite`, value: `${s.measure.p99} ms (${s.measure.errors} erreurs)`, budget: `≤ ${P99_BUDGETS[s.kind]} ms`, pass });
    }
    const detail = sqlite.scenarios.find((s) => s.key === 'detail')!;
    const share = detail.measure.rps / sqlite.floor.rps;
    list.push({ what: 'détail — req/s par rapport au Fastify nu (SQLite)', value: `${detail.measure.rps} / ${sqlite.floor.rps} = ${(share * 100).toFixed(1)} %`, budget: '≥ 50 %', pass: share >= BUDGETS.detailShareOfFloor });
    if (sqlite.sameShapeFloor) {
      const shape = sqlite.sameShapeFloor;
      list.push({ what: `Fastify nu de même forme que le détail (${shape.bytes} octets, en-têtes de sécurité) — req/s par rapport au Fastify nu (SQLite)`, value: `${shape.rps} / ${sqlite.floor.rps} = ${Math.round((shape.rps / sqlite.floor.rps) * 100)} %`, budget: 'pour information : ce que la forme de la réponse permet seule', pass: null });
    }
    list.push({ what: `génération du jeu national (SQLite${sqlite.generationReused ? `, base du ${sqlite.generation.generatedAt.slice(0, 16)}` : ''})`, value: `${sqlite.generation.seconds.toFixed(1)} s`, budget: '≤ 60 s', pass: sqlite.generation.seconds <= BUDGETS.generationSeconds });
    list.push({ what: 'mémoire du serveur après la charge (SQLite)', value: `${sqlite.serverRssMb} Mo`, budget: '≤ 300 Mo', pass: sqlite.serverRssMb <= BUDGETS.rssMb });
  }
  if (postgres) {
    list.push({ what: `génération du jeu national (PostgreSQL${postgres.generationReused ? `, base du ${postgres.generation.generatedAt.slice(0, 16)}` : ''})`, value: `${postgres.generation.seconds.toFixed(1)} s`, budget: 'pour information (le budget de 60 s vaut pour SQLite)', pass: null });
    list.push({ what: 'mémoire du serveur après la charge (PostgreSQL)', value: `${postgres.serverRssMb} Mo`, budget: '≤ 300 Mo', pass: postgres.serverRssMb <= BUDGETS.rssMb });
  }
  list.push({ what: 'JavaScript du premier chargement de l’accueil dans Chromium (gzip)', value: `${report.firstLoadJsKbGzip} Ko (${report.firstLoadJsFiles} fichiers)`, budget: '≤ 200 Ko', pass: report.firstLoadJsKbGzip <= BUDGETS.firstLoadJsKb });
  return list;
}

/** PostgreSQL p99 within twice SQLite's (a floor of 1 ms keeps sub-millisecond answers comparable). */
function postgresWithin(sqlite: ScenarioResult | undefined, postgres: ScenarioResult): string {
  if (!sqlite) return '—';
  return yes(postgres.measure.p99 <= BUDGETS.postgresFactor * Math.max(1, sqlite.measure.p99) && postgres.measure.errors === 0);
}

function scenarioTable(report: BenchReport): string[] {
  const sqlite = report.runs.find((r) => r.engine === 'sqlite');
  const postgres = report.runs.find((r) => r.engine === 'postgres');
  const keys = (sqlite ?? postgres)!.scenarios.map((s) => s.key);
  const cells = (s: ScenarioResult | undefined) =>
    s ? [s.measure.p50, s.measure.p99, s.measure.rps, s.measure.errors, s.sql ? `${fmt(s.sql.rawSql.p99)} (${s.sql.queries})` : '—', s.sql ? fmt(s.sql.uncached.p99) : '—'] : ['—', '—', '—', '—', '—', '—'];
  const lines = [
    '| scénario | budget p99 | SQLite p50 | p99 | req/s | erreurs | SQL brut p99 (requêtes) | sans cache p99 | tenu | PostgreSQL p50 | p99 | req/s | erreurs | SQL brut p99 (requêtes) | sans cache p99 | ≤ 2× SQLite |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const key of keys) {
    const s = sqlite?.scenarios.find((x) => x.key === key);
    const p = postgres?.scenarios.find((x) => x.key === key);
    const any = (s ?? p)!;
    const budget = P99_BUDGETS[any.kind];
    const pass = s ? scenarioPasses(s) : null;
    lines.push(`| ${any.name} | ${budget === null ? '—' : `${budget} ms`} | ${cells(s).join(' | ')} | ${pass === null ? '—' : yes(pass)} | ${cells(p).join(' | ')} | ${p ? postgresWithin(s, p) : '—'} |`);
  }
  const measured = (m: Measure | undefined) => (m ? `${m.p50} | ${m.p99} | ${m.rps} | ${m.errors}` : '— | — | — | —');
  lines.push(`| pour information : modifications simultanées d’actions d’un même plan | — | ${measured(sqlite?.writeSamePlan)} | — | — | — | ${measured(postgres?.writeSamePlan)} | — | — | — |`);
  lines.push(`| pour information : détail pour un client qui n’accepte pas gzip | — | ${measured(sqlite?.detailUncompressed)} | — | — | — | ${measured(postgres?.detailUncompressed)} | — | — | — |`);
  lines.push(`| pour information : Fastify nu, même forme que le détail (non compressé) | — | ${measured(sqlite?.sameShapeFloor)} | — | — | — | ${measured(postgres?.sameShapeFloor)} | — | — | — |`);
  lines.push(`| plancher : Fastify nu, route constante | — | ${measured(sqlite?.floor)} | — | — | — | ${measured(postgres?.floor)} | — | — | — |`);
  return lines;
}

export function markdown(report: BenchReport): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const generation = (run: EngineRun) =>
    `${run.engine} : ${run.generation.cafs} Caf, ${run.generation.conventions} conventions, ${run.generation.actions} actions, ${run.generation.indicatorValues} valeurs d’indicateurs, ${run.generation.notes} notes, ${run.generation.users} comptes, ${run.generation.historyRecords} entrées d’historique, ${run.generation.meetings ?? 0} réunions`;
  return [
    `### Banc d’essai du ${report.date.slice(0, 16).replace('T', ' à ')} UTC`,
    '',
    `Machine : ${report.machine.cpus} cœurs ${report.machine.model}, ${report.machine.memoryGb} Go, Node ${report.machine.node}. Charge de la machine (uptime, 1/5/15 min) : avant ${load(report.loadAverages.before)}, après ${load(report.loadAverages.after)}` +
      `${report.runs.map((r) => ` ; ${r.engine} : ${load(r.loadAverages.start)} → ${load(r.loadAverages.end)}`).join('')}.`,
    `autocannon sur la boucle locale, ${report.settings.connections} connexions, ${report.settings.secondsPerScenario} s par scénario, lectures avec l’en-tête Accept-Encoding d’un navigateur (gzip, deflate, br, zstd) ; latences en ms. « SQL brut » : les requêtes exactes qu’envoie une réponse, rejouées sur le pilote nu ; « sans cache » : la réponse entière en processus après invalidation du cache.`,
    '',
    ...scenarioTable(report),
    '',
    '| budget | mesure | cible | tenu |',
    '|---|---|---|---|',
    ...checks(report).map((c) => `| ${c.what} | ${c.value} | ${c.budget} | ${c.pass === null ? '—' : yes(c.pass)} |`),
    '',
    `Jeu de données : ${report.runs.map(generation).join(' ; ')}.`,
    `Import XLSX d’un plan de 200 actions (bench/plan-import.ts) : ${report.planImport.join(' ; ') || 'non mesuré'}.`,
    ...beforeAfter(report),
  ].join('\n');
}

/** The first measure, before the fixes of issue #9 (same scenarios by name, SQLite, 10 connections). */
const BASELINE = 'bench/results/2026-11-28-premier-releve.json';

function beforeAfter(report: BenchReport): string[] {
  const sqlite = report.runs.find((r) => r.engine === 'sqlite');
  if (!sqlite || !existsSync(BASELINE)) return [];
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as { date: string; scenarios: { name: string; measure: Measure }[]; serverRssMb: number; generationSeconds: number };
  const pairs = baseline.scenarios
    .map((b) => ({ b, after: sqlite.scenarios.find((s) => s.name.startsWith(b.name.replace(/ d’actions$/, ''))) }))
    .filter((p) => p.after)
    .map(({ b, after }) => `${b.name} ${b.measure.p99} → ${after!.measure.p99} ms (${b.measure.rps} → ${after!.measure.rps} req/s)`);
  return ['', `Avant / après (SQLite, p99, premier relevé du ${baseline.date.slice(0, 10)}) : ${pairs.join(' ; ')} ; mémoire ${baseline.serverRssMb} → ${sqlite.serverRssMb} Mo.`];
}

const README_START = '<!-- banc:debut -->';
const README_END = '<!-- banc:fin -->';

export function writeReport(report: BenchReport): void {
  mkdirSync('bench/results', { recursive: true });
  // Date and UTC time of the start: a second pass the same day does not overwrite the first.
  const stem = `bench/results/${resultStamp(report.date)}`;
  const table = markdown(report);
  writeFileSync(`${stem}.json`, `${JSON.stringify({ ...report, checks: checks(report) }, null, 2)}\n`);
  writeFileSync(`${stem}.md`, `${table}\n`);
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start >= 0 && end > start) writeFileSync('README.md', `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`);
  console.log(`\n${table}`);
}
