import type { Executor, JobTable } from '../db/schema.js';
import { sql, type Selectable } from 'kysely';

export type Job = Selectable<JobTable>;

export interface JobSpec {
  kind: string;
  payload: unknown;
  /** Not before this moment (deferred sending); now by default. */
  runAt?: Date;
  /** One job per key, ever: a second enqueue with the same key is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Adds a job. Call it with the transaction of the change that asks for it: the job then exists exactly
 * when that change committed.
 */
export async function enqueueJob(db: Executor, spec: JobSpec): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('job')
    .values({
      kind: spec.kind,
      payload: JSON.stringify(spec.payload ?? null),
      dedupe_key: spec.dedupeKey ?? null,
      status: 'pending',
      run_at: (spec.runAt ?? new Date()).toISOString(),
      max_attempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db.selectFrom('job').select('id').where('dedupe_key', '=', spec.dedupeKey ?? '').executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Cancels jobs not started yet (e.g. the mail of an assignment undone within the delay). */
export async function cancelPendingJobs(db: Executor, where: { dedupeKey: string } | { dedupeKeyPrefix: string }): Promise<number> {
  let query = db.updateTable('job').set({ status: 'cancelled', finished_at: new Date().toISOString() }).where('status', '=', 'pending');
  query = 'dedupeKey' in where
    ? query.where('dedupe_key', '=', where.dedupeKey)
    : query.where(sql<string>`substr(dedupe_key, 1, ${where.dedupeKeyPrefix.length})`, '=', where.dedupeKeyPrefix);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
