/**
 * Where the server spends its time on one scenario: starts it with --cpu-prof on the bench database of
 * an engine, drives one path with autocannon, stops it and prints the heaviest functions and files.
 *   npx tsx bench/profile.ts <path> [sqlite|postgres] [write]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDataset, type EngineName } from './datasets.js';
import { actionUpdates, load, spreadOverPlans, startProcess, stopProcess, waitFor } from './load.js';
import { createDb } from '../src/server/platform/db/create-db.js';
import { summariseProfile } from './profile-summary.js';
import { buildServer } from '../scripts/build-server.js';

const [path = '/api/v1/conventions/1200', engine = 'sqlite', mode = 'read'] = process.argv.slice(2) as [string, EngineName, string];
const PORT = 3492;
const dataset = await prepareDataset(engine);
await buildServer();
const dir = mkdtempSync(join(tmpdir(), 'pilote-profile-'));
const env = engine === 'sqlite' ? { SQLITE_PATH: (dataset.target as { sqlitePath: string }).sqlitePath, DATABASE_URL: '' } : { DATABASE_URL: (dataset.target as { databaseUrl: string }).databaseUrl };
const server = startProcess(['--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist/server/pilote-ctg.mjs', 'serve', '--no-demo'], { ...env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
const base = `http://127.0.0.1:${PORT}`;
try {
  await waitFor(`${base}/api/v1/health`);
  let requests;
  if (mode === 'write') {
    const handle = createDb(dataset.target);
    const actions = spreadOverPlans(await handle.db.selectFrom('action').select(['id', 'version', 'convention_id as conventionId']).where('id', '>', 30_000).orderBy('id').limit(5_000).execute());
    await handle.close();
    requests = actionUpdates(actions, dataset.writeToken);
  } else requests = [path];
  const measure = await load(base, requests, { authorization: `Bearer ${dataset.readToken}`, 'accept-encoding': 'gzip, deflate, br, zstd' });
  console.log(JSON.stringify(measure));
} finally {
  await stopProcess(server);
}
console.log(summariseProfile(dir, Number(process.env.BENCH_SECONDS ?? 8)));
