import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db, DialectName } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import type { AppConfig } from '../config.js';
import type { Job } from './queue.js';

export interface JobContext {
  db: Db;
  dialect: DialectName;
  mailer: Mailer;
  config: AppConfig;
  log: (message: string) => void;
  /** 1 on the first run. */
  attempt: number;
  now: Date;
}

// Payloads are JSON written by the app itself; each handler narrows its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (payload: any, context: JobContext) => Promise<void>;

export interface JobWorkerOptions extends Omit<JobContext, 'attempt' | 'now'> {
  handlers: Record<string, JobHandler>;
  /** How long a claimed job stays reserved to this instance before another may take it over. */
  leaseMs?: number;
  batchSize?: number;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 3_600_000;

/** 30 s, 1 min, 2 min… capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
}

/**
 * Runs due jobs in the app process. Claiming is one atomic UPDATE: on PostgreSQL the candidate rows are
 * locked with SKIP LOCKED so several instances never take the same job; SQLite has a single writer. A job
 * whose lease expired (its instance died) is taken again.
 */
export class JobWorker {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly options: JobWorkerOptions) {}

  /** Polls for due jobs until stopped. */
  start(intervalMs = 1000): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops polling and waits for the jobs in flight (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => 0);
  }

  /** Runs every job due at `now` until none is left; returns how many ran. */
  async runDue(now: Date = new Date()): Promise<number> {
    let ran = 0;
    for (;;) {
      if (this.stopped) return ran;
      const batch = await this.claim(now);
      if (batch.length === 0) return ran;
      for (const job of batch) {
        await this.run(job, now);
        ran += 1;
      }
    }
  }

  private async tick(): Promise<void> {
    if (this.current) return;
    this.current = this.runDue();
    try {
      await this.current;
    } catch (error) {
      this.options.log(`Tâches de fond : ${(error as Error).message}`);
    } finally {
      this.current = null;
    }
  }

  private async claim(now: Date): Promise<Job[]> {
    const { db, dialect } = this.options;
    const nowText = now.toISOString();
    const candidates = db
      .selectFrom('job')
      .select('id')
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowText)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowText)]),
      ]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(this.options.batchSize ?? 10)
      .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
    return db
      .updateTable('job')
      .set((eb) => ({
        status: 'running',
        locked_by: this.instanceId,
        locked_until: new Date(now.getTime() + (this.options.leaseMs ?? 300_000)).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', candidates)
      .returningAll()
      .execute();
  }

  private async run(job: Job, now: Date): Promise<void> {
    const handler = this.options.handlers[job.kind];
    if (job.attempts > job.max_attempts) return this.finish(job, 'failed', 'abandonnée après un arrêt pendant son exécution');
    if (!handler) return this.finish(job, 'failed', `type de tâche inconnu : ${job.kind}`);
    try {
      await handler(JSON.parse(job.payload), { ...this.options, attempt: job.attempts, now });
      await this.finish(job, 'done', null);
    } catch (error) {
      await this.retryOrFail(job, now, error instanceof Error ? error.message : String(error));
    }
  }

  private async retryOrFail(job: Job, now: Date, message: string): Promise<void> {
    if (job.attempts >= job.max_attempts) return this.finish(job, 'failed', message);
    this.options.log(`Tâche ${job.kind} n° ${job.id} : essai ${job.attempts} en échec (${message}), nouvel essai prévu`);
    await this.options.db
      .updateTable('job')
      .set({ status: 'pending', run_at: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(), locked_by: null, locked_until: null, last_error: message })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.instanceId)
      .execute();
  }

  private async finish(job: Job, status: 'done' | 'failed', error: string | null): Promise<void> {
    if (status === 'failed') this.options.log(`Tâche ${job.kind} n° ${job.id} abandonnée : ${error}`);
    await this.options.db
      .updateTable('job')
      .set({ status, finished_at: new Date().toISOString(), locked_by: null, locked_until: null, last_error: error })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.instanceId)
      .execute();
  }
}
