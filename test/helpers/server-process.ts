import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';
import { hashSecret, newSecret } from '../../src/server/accounts/tokens.js';
import { TOKEN_PREFIX } from '../../src/server/accounts/api-tokens.service.js';
import type { Db } from '../../src/server/platform/db/schema.js';

/** The compiled server `npm start` runs, built by the tests' global set-up (scripts/build-server.ts). */
const COMPILED_SERVER = resolve(import.meta.dirname, '../../dist/server/pilote-ctg.mjs');

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A platform API token written straight to the database (tests and benchmarks only). */
export async function insertPlatformToken(db: Db): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto('api_token')
    .values({ organisation_id: null, name: 'fiabilité', token_hash: hashSecret(secret), scope: 'write', is_platform: 1, created_by: 'tests', created_at: new Date().toISOString() })
    .execute();
  return `${TOKEN_PREFIX}${secret}`;
}

/** A SQLite file with the Hauts-de-Seine demo and a platform token, ready for a server process. */
export async function prepareSqliteFile(dir: string): Promise<{ sqlitePath: string; token: string }> {
  const sqlitePath = join(dir, 'pilote.sqlite');
  const handle = createDb({ sqlitePath });
  try {
    await migrateToLatest(handle.db);
    await prepareDatabase(handle, { loadDemoIfEmpty: true, departements: ['92'] });
    return { sqlitePath, token: await insertPlatformToken(handle.db) };
  } finally {
    await handle.close();
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
}

/** `pilote-ctg serve` (compiled) in its own process, resolved once /api/v1/health answers. */
export async function spawnServer(options: { port: number; env: Record<string, string>; nodeArgs?: string[] }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), COMPILED_SERVER, 'serve', '--port', String(options.port), '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`le serveur s’est arrêté au démarrage :\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`le serveur n’a pas démarré en 30 s :\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, output: () => output, exited };
}
