import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDb } from '../db/create-db.js';
import { loadConfig } from '../config.js';

describe('a database that cannot be reached', () => {
  it('answers 503 with a French message and a retry delay, never 500', async () => {
    // Nothing listens on this loopback port: every connection is refused at once.
    const database = createDb({ databaseUrl: 'postgres://postgres@127.0.0.1:1/absente' });
    const app = await buildApp({ database, config: loadConfig({}), logger: false });
    try {
      for (const url of ['/api/v1/conventions', '/api/v1/health', '/api/v1/themes']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json().error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/momentanément indisponible/) });
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
