import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { INTERNAL_HEADER } from '../http/auth.js';
import { createDb, type DatabaseHandle } from './create-db.js';
import { migrateToLatest } from './migrate.js';
import { prepareDatabase } from '../../demo/prepare.js';
import { createPgCluster, type PgCluster } from '../../../../test/helpers/pg-cluster.js';

describe('a PostgreSQL server that goes away and comes back', () => {
  let cluster: PgCluster;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { [INTERNAL_HEADER]: app.internalSecret } });

  beforeAll(async () => {
    cluster = await createPgCluster();
    database = createDb({ databaseUrl: cluster.url });
    await migrateToLatest(database.db);
    await prepareDatabase(database, { loadDemoIfEmpty: true, departements: ['92'] });
    app = await buildApp({ database, config: loadConfig({}), logger: false });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await cluster?.destroy();
  });

  it('answers 503 in French while it is down, then serves again by itself once it is back', async () => {
    expect((await get('/api/v1/conventions')).statusCode).toBe(200);
    await cluster.stop();
    for (const url of ['/api/v1/conventions', '/api/v1/health']) {
      const down = await get(url);
      expect(down.statusCode).toBe(503);
      expect(down.json().error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/momentanément indisponible/) });
    }
    await cluster.start();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await get('/api/v1/conventions')).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    const action = await database.db.selectFrom('action').select('id').executeTakeFirstOrThrow();
    const note = { date: '2026-11-28', author: 'Service enfance', body: 'Après le retour de la base' };
    const write = await app.inject({ method: 'POST', url: `/api/v1/actions/${action.id}/notes`, payload: note, headers: { [INTERNAL_HEADER]: app.internalSecret } });
    expect(write.statusCode).toBe(201);
  }, 60_000);
});
