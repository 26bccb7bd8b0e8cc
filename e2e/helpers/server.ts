import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { prepareDatabase } from '../../src/server/demo/prepare.js';
import { loadConfig } from '../../src/server/platform/config.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** The real server on a fresh SQLite file with the demo, listening on a free loopback port. */
export async function startTestServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-e2e-'));
  const database = createDb({ sqlitePath: join(dir, 'e2e.sqlite') });
  await migrateToLatest(database.db);
  await prepareDatabase(database, { loadDemoIfEmpty: true, departements: ['92'] });
  const app = await buildApp({ database, config: { ...loadConfig({}), clientDir: 'dist/client' }, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
