import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { addSheet, newWorkbook, toBuffer } from '../../src/server/office/plan-workbook.js';
import { ACTION_COLUMNS, BUDGET_COLUMNS, SHEETS } from '../../src/server/office/plan-sheets.js';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';
import { freePort, spawnServer, type ServerProcess } from './server-process.js';
import { multipartFile } from './xlsx.js';

const BIN = resolve(import.meta.dirname, '../../bin/pilote-ctg.js');
const THEMES = ['Petite enfance', 'Enfance', 'Jeunesse', 'Parentalité', 'Animation de la vie sociale', 'Accès aux droits'];

/** A plan workbook of `count` actions with two budget lines each (the layout of bench/plan-import.ts). */
export async function planWorkbook(count: number): Promise<Buffer> {
  const book = newWorkbook();
  const actions = Array.from({ length: count }, (_, i) => [
    `C${i + 1}`, `Axe ${(i % 5) + 1}`, `Action numéro ${i + 1} du plan importé`, null, THEMES[i % THEMES.length]!, 'Ville', 'Caf ; Département', 'Familles', null,
    'En cours', null, 'Moyenne', i % 100, new Date(Date.UTC(2025, i % 12, 1)), new Date(Date.UTC(2027, i % 12, 28)), i % 7 === 0 ? 'oui' : 'non', 'Description de l’action.', null,
  ]);
  addSheet(book, SHEETS.actions, ACTION_COLUMNS, actions);
  addSheet(book, SHEETS.budget, BUDGET_COLUMNS, Array.from({ length: count * 2 }, (_, i) => [`C${(i % count) + 1}`, 2025 + (i % 2), 'Caf', 'Fonctionnement', 1000 + i, null]));
  return toBuffer(book);
}

export interface DatabaseHealth {
  integrity: string;
  foreignKeyViolations: number;
}

/** What a restart finds: the file opened and migrated, then SQLite's own checks. */
export async function checkAfterRestart(sqlitePath: string): Promise<DatabaseHealth> {
  const handle = createDb({ sqlitePath });
  await migrateToLatest(handle.db);
  await handle.close();
  const sqlite = new SQLite(sqlitePath);
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(', ');
    return { integrity, foreignKeyViolations: (sqlite.pragma('foreign_key_check') as unknown[]).length };
  } finally {
    sqlite.close();
  }
}

export interface KillOutcome {
  scenario: 'import' | 'burst' | 'generate';
  killedAfterMs: number;
  /** false when the work was over before the kill came (the checks still apply). */
  killed: boolean;
  /** Writes the server acknowledged before the kill (imports: 1 if its answer arrived). */
  acknowledged: number;
  /** Every acknowledged write found, nothing half-applied, integrity and foreign keys clean. */
  ok: boolean;
  problem?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newConvention(url: string, headers: Record<string, string>, title: string): Promise<number> {
  const cafs = (await (await fetch(`${url}/api/v1/organisations?kind=caf`, { headers })).json()) as { id: number }[];
  const body = { title, cafId: cafs[0]!.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] };
  const response = await fetch(`${url}/api/v1/conventions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`convention refusée : ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

/** Eight clients writing notes on one action until `stopped()`; each body acknowledged with a 201 is passed to `acknowledge`. */
function startBurst(url: string, headers: Record<string, string>, actionId: number, cycle: number, acknowledge: (body: string) => void, stopped: () => boolean): Promise<unknown>[] {
  return Array.from({ length: 8 }, (_, client) =>
    (async () => {
      for (let i = 0; !stopped(); i++) {
        const body = `rafale ${cycle}-${client}-${i}`;
        const note = { date: '2026-11-28', author: 'Rafale', body };
        const response = await fetch(`${url}/api/v1/actions/${actionId}/notes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(note) }).catch(() => null);
        if (!response) return;
        if (response.status === 201) acknowledge(body);
      }
    })(),
  );
}

interface WriteScene {
  server: ServerProcess;
  conventionId: number;
  started: number;
  /** Resolves with true when the import was acknowledged (200), false when refused or cut. */
  imported: Promise<boolean> | null;
  acknowledgedNotes: string[];
  /** Resolves once the burst has had a first write acknowledged. */
  firstAck: Promise<void>;
  running: Promise<unknown>[];
  stop(): void;
}

/** A server on `sqlitePath`, a new convention, then the plan import and/or the burst started at once. */
async function startWrites(options: { sqlitePath: string; token: string; workbook: Buffer; import: boolean; burst: boolean; cycle: number }): Promise<WriteScene> {
  const server = await spawnServer({ port: await freePort(), env: { SQLITE_PATH: options.sqlitePath } });
  const headers = { authorization: `Bearer ${options.token}` };
  const conventionId = await newConvention(server.url, headers, `Convention interrompue ${options.cycle}`);
  const actionId = (((await (await fetch(`${server.url}/api/v1/actions?limit=1`, { headers })).json()) as { items: { id: number }[] }).items[0]!).id;
  let stopped = false;
  const acknowledgedNotes: string[] = [];
  const started = Date.now();
  let imported: Promise<boolean> | null = null;
  if (options.import) {
    const { payload, headers: multipart } = multipartFile(options.workbook, 'plan.xlsx');
    imported = fetch(`${server.url}/api/v1/conventions/${conventionId}/plan-import`, { method: 'POST', headers: { ...headers, ...multipart }, body: payload })
      .then((r) => r.status === 200)
      .catch(() => false);
  }
  let acked!: () => void;
  const firstAck = new Promise<void>((resolve) => (acked = resolve));
  const acknowledge = (body: string) => {
    acknowledgedNotes.push(body);
    acked();
  };
  const running = options.burst ? startBurst(server.url, headers, actionId, options.cycle, acknowledge, () => stopped) : [];
  return { server, conventionId, started, imported, acknowledgedNotes, firstAck, running: imported ? [...running, imported] : running, stop: () => (stopped = true) };
}

/**
 * How long the plan import takes, from its request to its answer, with the burst of notes running beside
 * it: kills drawn within that time land while the import is under way (a kill after it only tests a
 * finished import again).
 */
export async function timeImport(options: { sqlitePath: string; token: string; workbook: Buffer; cycle: number }): Promise<number> {
  const scene = await startWrites({ ...options, import: true, burst: true });
  try {
    if (!(await scene.imported)) throw new Error('import refusé pendant sa mesure');
    return Date.now() - scene.started;
  } finally {
    scene.stop();
    await Promise.all(scene.running);
    scene.server.child.kill('SIGTERM');
    await scene.server.exited;
  }
}

/**
 * One server life on `sqlitePath`: a large plan import and/or a burst of concurrent writes start, the
 * process is killed with SIGKILL after `killAfterMs` (and not before the burst has a write acknowledged),
 * then the file is checked as a restart would find it.
 */
export async function killDuringWrites(options: {
  sqlitePath: string;
  token: string;
  workbook: Buffer;
  actionsInWorkbook: number;
  killAfterMs: number;
  import: boolean;
  burst: boolean;
  cycle: number;
}): Promise<KillOutcome[]> {
  const { server, conventionId, started, imported, acknowledgedNotes, firstAck, running, stop } = await startWrites(options);
  await sleep(options.killAfterMs);
  // Never before the burst has a write acknowledged, or it would have nothing to check (the first ones
  // can wait behind the parsing of the workbook on a loaded machine).
  if (options.burst) await Promise.race([firstAck, sleep(10_000)]);
  server.child.kill('SIGKILL');
  const killedAfterMs = Date.now() - started;
  await server.exited;
  stop();
  await Promise.all(running);
  const importAcknowledged = (await imported) ?? false;
  const health = await checkAfterRestart(options.sqlitePath);
  const sqlite = new SQLite(options.sqlitePath, { readonly: true });
  try {
    const outcomes: KillOutcome[] = [];
    const healthProblem = health.integrity !== 'ok' || health.foreignKeyViolations > 0 ? `intégrité ${health.integrity}, ${health.foreignKeyViolations} clés étrangères orphelines` : undefined;
    if (options.import) {
      const actions = (sqlite.prepare('select count(*) as n from action where convention_id = ?').get(conventionId) as { n: number }).n;
      const refs = (sqlite.prepare('select count(*) as n from plan_external_ref where convention_id = ?').get(conventionId) as { n: number }).n;
      const whole = actions === options.actionsInWorkbook && refs === options.actionsInWorkbook;
      const problem = healthProblem ?? (importAcknowledged && !whole ? `import confirmé mais ${actions} actions trouvées` : !whole && (actions !== 0 || refs !== 0) ? `import partiel : ${actions} actions, ${refs} références` : undefined);
      outcomes.push({ scenario: 'import', killedAfterMs, killed: !importAcknowledged, acknowledged: importAcknowledged ? 1 : 0, ok: !problem, problem });
    }
    if (options.burst) {
      const stored = new Set((sqlite.prepare("select body from action_note where author = 'Rafale'").all() as { body: string }[]).map((r) => r.body));
      const lost = acknowledgedNotes.filter((body) => !stored.has(body));
      const problem = healthProblem ?? (lost.length > 0 ? `${lost.length} écritures confirmées perdues (${lost.slice(0, 3).join(', ')})` : undefined);
      outcomes.push({ scenario: 'burst', killedAfterMs, killed: true, acknowledged: acknowledgedNotes.length, ok: !problem, problem });
    }
    return outcomes;
  } finally {
    sqlite.close();
  }
}

/** A SQLite file with the referential of some départements (or all of France) and the themes, nothing else: what `generate` starts from. */
export async function prepareGenerationTemplate(dir: string, departements: string[] | 'all' = ['92']): Promise<string> {
  const sqlitePath = join(dir, 'generation-template.sqlite');
  const handle = createDb({ sqlitePath });
  await migrateToLatest(handle.db);
  await prepareDatabase(handle, { loadDemoIfEmpty: false, departements: departements === 'all' ? undefined : departements });
  await handle.close();
  return sqlitePath;
}

/** Resolves when another connection holds the write lock of the file (the process started writing). */
async function firstWrite(sqlitePath: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const probe = new SQLite(sqlitePath, { timeout: 0 });
  try {
    while (!gone) {
      try {
        probe.exec('begin immediate; rollback;');
      } catch {
        return;
      }
      await sleep(10);
    }
  } finally {
    probe.close();
  }
}

/**
 * `pilote-ctg generate` on a copy of the template, killed `killAfterMs` after it starts writing: each
 * Caf is one transaction, so every Caf found must be complete (its conventions, each with its actions).
 */
export async function killDuringGeneration(options: { template: string; workPath: string; scale: 'caf' | 'national'; killAfterMs: number }): Promise<KillOutcome> {
  copyFileSync(options.template, options.workPath);
  const child = spawn(process.execPath, [BIN, 'generate', '--scale', options.scale], { env: { ...process.env, SQLITE_PATH: options.workPath, DATABASE_URL: '' }, stdio: 'ignore' });
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
  await firstWrite(options.workPath, exited);
  const started = Date.now();
  const finished = await Promise.race([exited.then(() => true), sleep(options.killAfterMs).then(() => false)]);
  if (!finished) child.kill('SIGKILL');
  await exited;
  const killedAfterMs = Date.now() - started;
  const health = await checkAfterRestart(options.workPath);
  const sqlite = new SQLite(options.workPath, { readonly: true });
  try {
    const perCaf = sqlite
      .prepare("select o.id, (select count(*) from convention c where c.caf_id = o.id) as conventions, (select count(*) from action a join convention c on c.id = a.convention_id where c.caf_id = o.id) as actions from organisation o where o.kind = 'caf'")
      .all() as { id: number; conventions: number; actions: number }[];
    const partial = perCaf.filter((c) => c.conventions !== 25 || c.actions !== 25 * 30);
    const problem =
      health.integrity !== 'ok' || health.foreignKeyViolations > 0
        ? `intégrité ${health.integrity}, ${health.foreignKeyViolations} clés étrangères orphelines`
        : partial.length > 0
          ? `${partial.length} Caf générées à moitié`
          : undefined;
    return { scenario: 'generate', killedAfterMs, killed: !finished, acknowledged: perCaf.length, ok: !problem, problem };
  } finally {
    sqlite.close();
  }
}
