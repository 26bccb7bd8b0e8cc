import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { HttpError } from './errors.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('answers computed once for identical requests arriving together', () => {
  let t: TestApp;
  let slowRuns = 0;
  let fragileRuns = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { demo: false });
    t.app.get('/api/v1/essai/lent', { config: { cacheByDataVersion: true } }, async () => {
      slowRuns += 1;
      await pause(40);
      return { run: slowRuns };
    });
    t.app.get('/api/v1/essai/fragile', { config: { cacheByDataVersion: true } }, async () => {
      fragileRuns += 1;
      await pause(20);
      if (fragileRuns === 1) throw new HttpError(409, 'conflict', 'Premier calcul refusé.');
      return { run: fragileRuns };
    });
  });
  afterAll(async () => t?.close());

  it('runs the route once for five identical requests at once, and gives each the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ url: '/api/v1/essai/lent', headers: t.adminHeaders })));
    expect(slowRuns).toBe(1);
    expect(answers.map((a) => [a.statusCode, a.json()])).toEqual(Array.from({ length: 5 }, () => [200, { run: 1 }]));
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
  });

  it('lets those who waited compute their own answer when the first request fails', async () => {
    const answers = await Promise.all(Array.from({ length: 3 }, () => t.app.inject({ url: '/api/v1/essai/fragile', headers: t.adminHeaders })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 409]);
    expect(fragileRuns).toBe(3);
  });
});
