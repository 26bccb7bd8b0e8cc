import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { ensurePlatformAdmin } from '../../src/server/accounts/bootstrap.js';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { OidcConfig } from '../../src/server/accounts/oidc.config.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The platform administrator created as on a first start (random password, never a fixed one). */
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/** A free loopback port, known before the app is built so that mail links can point at it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real server on a fresh SQLite file with the demo, listening on a free loopback port, with its
 * platform administrator. Mail goes to `smtpUrl` when given (a test SMTP server), else to the log.
 */
export async function startTestServer(
  options: { smtpUrl?: string; oidc?: (appUrl: string) => Promise<OidcConfig> } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-e2e-'));
  const database = createDb({ sqlitePath: join(dir, 'e2e.sqlite') });
  await migrateToLatest(database.db);
  await prepareDatabase(database, { loadDemoIfEmpty: true, departements: ['92'] });
  const admin = await ensurePlatformAdmin(database.db);
  if (!admin) throw new Error('un administrateur existait déjà dans une base neuve');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const base = loadConfig({});
  const config = { ...base, clientDir: 'dist/client', publicUrl: url, mail: { ...base.mail, smtpUrl: options.smtpUrl ?? null }, oidc: options.oidc ? await options.oidc(url) : null };
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  app.jobs.start(200);
  return {
    app,
    url,
    admin,
    async stop() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
