import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../../test/helpers/databases.js';
import { startTestSmtp, type TestSmtp } from '../../../../test/helpers/smtp.js';
import { loadConfig } from '../config.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { cancelPendingJobs, enqueueJob } from './queue.js';
import { JobWorker, retryDelayMs, type JobHandler } from './worker.js';
import { enqueueMail, MAIL_JOB, sendMailJob } from './mail-job.js';

const silentMailer: Mailer = { send: async () => {}, close() {} };

function workerFor(database: TestDatabase, handlers: Record<string, JobHandler>, mailer: Mailer = silentMailer) {
  return new JobWorker({ db: database.db, dialect: database.dialect, mailer, config: loadConfig({}), handlers, log: () => {} });
}

const jobOf = (database: TestDatabase, id: number) => database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe.each(ENGINES)('background jobs on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.drop());

  it('keeps one job per dedupe key, even when enqueued again', async () => {
    const first = await enqueueJob(database.db, { kind: 'noop', payload: { n: 1 }, dedupeKey: 'event:a' });
    const second = await enqueueJob(database.db, { kind: 'noop', payload: { n: 2 }, dedupeKey: 'event:a' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(JSON.parse((await jobOf(database, first.id)).payload)).toEqual({ n: 1 });
  });

  it('exists only when the transaction that asked for it commits', async () => {
    await expect(database.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, { kind: 'noop', payload: null, dedupeKey: 'rolled-back' });
      throw new Error('annulé');
    })).rejects.toThrow('annulé');
    const row = await database.db.selectFrom('job').select('id').where('dedupe_key', '=', 'rolled-back').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('runs due jobs once, leaves deferred ones for later', async () => {
    const seen: number[] = [];
    const worker = workerFor(database, { count: async (p: { n: number }) => void seen.push(p.n) });
    await enqueueJob(database.db, { kind: 'count', payload: { n: 1 } });
    // Read after the enqueue: the job is due from the instant it was written, which may be a millisecond later.
    const now = new Date();
    const later = await enqueueJob(database.db, { kind: 'count', payload: { n: 2 }, runAt: new Date(now.getTime() + 300_000) });
    await worker.runDue(now);
    expect(seen).toEqual([1]);
    expect((await jobOf(database, later.id)).status).toBe('pending');
    await worker.runDue(new Date(now.getTime() + 301_000));
    expect(seen).toEqual([1, 2]);
    expect(await worker.runDue(new Date(now.getTime() + 400_000))).toBe(0);
  });

  it('retries a failing job with growing delays, then gives up', async () => {
    let calls = 0;
    const worker = workerFor(database, { flaky: async () => { calls += 1; throw new Error(`refus ${calls}`); } });
    const { id } = await enqueueJob(database.db, { kind: 'flaky', payload: null, maxAttempts: 3 });
    let now = new Date();
    await worker.runDue(now);
    let job = await jobOf(database, id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'refus 1' });
    expect(new Date(job.run_at).getTime() - now.getTime()).toBe(retryDelayMs(1));
    now = new Date(job.run_at);
    await worker.runDue(now);
    job = await jobOf(database, id);
    expect(new Date(job.run_at).getTime() - now.getTime()).toBe(retryDelayMs(2));
    await worker.runDue(new Date(job.run_at));
    job = await jobOf(database, id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'refus 3' });
    expect(calls).toBe(3);
  });

  it('marks a job of an unknown kind as failed instead of looping on it', async () => {
    const { id } = await enqueueJob(database.db, { kind: 'nobody-knows', payload: null });
    await workerFor(database, {}).runDue();
    expect(await jobOf(database, id)).toMatchObject({ status: 'failed', last_error: 'type de tâche inconnu : nobody-knows' });
  });

  it('cancels pending jobs by key or key prefix, never finished ones', async () => {
    await enqueueJob(database.db, { kind: 'noop', payload: null, dedupeKey: 'assign:7:a', runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(database.db, { kind: 'noop', payload: null, dedupeKey: 'assign:7:b', runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(database.db, { kind: 'noop', payload: null, dedupeKey: 'assign:70:a', runAt: new Date(Date.now() + 60_000) });
    expect(await cancelPendingJobs(database.db, { dedupeKeyPrefix: 'assign:7:' })).toBe(2);
    expect(await cancelPendingJobs(database.db, { dedupeKey: 'assign:70:a' })).toBe(1);
    expect(await cancelPendingJobs(database.db, { dedupeKey: 'assign:70:a' })).toBe(0);
  });

  it('shares the queue between two workers without running a job twice', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async (p: { n: number }) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      runs.set(p.n, (runs.get(p.n) ?? 0) + 1);
    };
    for (let n = 0; n < 40; n++) await enqueueJob(database.db, { kind: 'shared', payload: { n } });
    const [a, b] = [workerFor(database, { shared: handler }), workerFor(database, { shared: handler })];
    const [ranByA, ranByB] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ranByA + ranByB).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(40);
  });

  it('takes over a job whose instance died while running it', async () => {
    const { id } = await enqueueJob(database.db, { kind: 'resumable', payload: null });
    const past = new Date(Date.now() - 1000).toISOString();
    await database.db.updateTable('job').set({ status: 'running', attempts: 1, locked_by: 'dead-instance', locked_until: past }).where('id', '=', id).execute();
    let ran = 0;
    await workerFor(database, { resumable: async () => void (ran += 1) }).runDue();
    expect(ran).toBe(1);
    expect(await jobOf(database, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('waits for the job in flight when stopped', async () => {
    let finished = false;
    const worker = workerFor(database, { slow: async () => { await new Promise((r) => setTimeout(r, 200)); finished = true; } });
    const { id } = await enqueueJob(database.db, { kind: 'slow', payload: null });
    worker.start(10);
    await new Promise((r) => setTimeout(r, 60));
    await worker.stop();
    expect(finished).toBe(true);
    expect((await jobOf(database, id)).status).toBe('done');
  });
});

describe.each(ENGINES)('queued mail on %s', (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await database.drop();
  });

  it('sends a queued mail with its attachment exactly once, whatever the number of workers or runs', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Pilote CTG <test@pilote-ctg.localhost>' });
    const invitation = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    for (let i = 0; i < 2; i++) {
      await enqueueMail(database.db, { to: 'pilote@example.org', subject: 'Invitation au COPIL', text: 'Bonjour', attachments: [{ filename: 'copil.ics', content: invitation, contentType: 'text/calendar' }] }, { dedupeKey: 'meeting:1:invite:pilote@example.org' });
    }
    const workers = [workerFor(database, { [MAIL_JOB]: sendMailJob }, mailer), workerFor(database, { [MAIL_JOB]: sendMailJob }, mailer)];
    await Promise.all(workers.map((w) => w.runDue()));
    await workers[0]!.runDue();
    const mail = await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(1);
    expect(mail.subject).toBe('Invitation au COPIL');
    expect(mail.attachments).toEqual([{ filename: 'copil.ics', contentType: 'text/calendar', content: invitation }]);
    mailer.close();
  });
});
