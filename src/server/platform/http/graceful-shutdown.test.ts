import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.js';
import { freePort, prepareSqliteFile, spawnServer } from '../../../../test/helpers/server-process.js';
import { startTestSmtp } from '../../../../test/helpers/smtp.js';
import { enqueueMail } from '../jobs/mail-job.js';

/** Starts a POST whose body arrives in two parts: the request is in flight until `finish` is called. */
function slowPost(url: string, path: string, token: string, body: unknown) {
  const text = JSON.stringify(body);
  const half = Math.floor(text.length / 2);
  let finish = () => {};
  const response = new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' } }, (res) => {
      let received = '';
      res.on('data', (chunk: Buffer) => (received += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: received }));
    });
    req.on('error', fail);
    req.write(text.slice(0, half));
    finish = () => req.end(text.slice(half));
  });
  return { response, finish: () => finish() };
}

describe('SIGTERM on the real server process (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-sigterm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes the request and the job in flight, refuses new connections, then exits with 0', async () => {
    const { sqlitePath, token } = await prepareSqliteFile(dir);
    const smtp = await startTestSmtp({ delayMs: 2000 });
    const handle = createDb({ sqlitePath });
    try {
      await enqueueMail(handle.db, { to: 'coordinatrice@ville.fr', subject: 'Relance', text: 'Envoyée pendant l’arrêt' }, { dedupeKey: 'arret:relance' });
    } finally {
      await handle.close();
    }
    const server = await spawnServer({ port: await freePort(), env: { SQLITE_PATH: sqlitePath, SMTP_URL: smtp.url, JOB_POLL_MS: '50' } });
    try {
      const actions = (await (await fetch(`${server.url}/api/v1/actions?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: number }[] };
      const actionId = actions.items[0]!.id;
      const note = { date: '2026-11-28', author: 'Service enfance', body: 'Écrite pendant l’arrêt du serveur' };
      for (let i = 0; i < 300 && smtp.receiving() === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(smtp.receiving()).toBe(1); // the mail job is in flight, held by the slow relay
      const inFlight = slowPost(server.url, `/api/v1/actions/${actionId}/notes`, token, note);
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
      expect(server.child.exitCode).toBeNull();
      inFlight.finish();
      const answer = await inFlight.response;
      expect(answer.status, answer.body).toBe(201);
      expect(await server.exited).toBe(0);
      expect(smtp.messages.map((m) => m.subject)).toEqual(['Relance']);
      const after = createDb({ sqlitePath });
      try {
        const saved = await after.db.selectFrom('action_note').select('body').where('action_id', '=', actionId).where('body', '=', note.body).execute();
        expect(saved).toHaveLength(1);
        const job = await after.db.selectFrom('job').select('status').where('dedupe_key', '=', 'arret:relance').executeTakeFirstOrThrow();
        expect(job.status).toBe('done');
      } finally {
        await after.close();
      }
    } finally {
      server.child.kill('SIGKILL');
      await smtp.close();
    }
  });
});
