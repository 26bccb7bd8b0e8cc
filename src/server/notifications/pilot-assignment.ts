import type { Executor } from '../platform/db/schema.js';
import { cancelPendingJobs, enqueueJob } from '../platform/jobs/queue.js';
import type { JobHandler } from '../platform/jobs/worker.js';
import { notify } from './notifications.service.js';

export const PILOT_ASSIGNED_JOB = 'notifications.pilot-assigned';
/** Long enough to undo an assignment made by mistake before anyone is told. */
export const ASSIGNMENT_DELAY_MS = 5 * 60_000;

const keyPrefix = (actionId: number, userId: number) => `${PILOT_ASSIGNED_JOB}:${actionId}:${userId}:`;

/**
 * Called by the action service when a fiche's pilot account changes: the new pilot is told after a
 * delay, and a pilot removed within that delay is never told.
 */
export async function pilotChanged(db: Executor, actionId: number, before: number | null, after: number | null, at: string): Promise<void> {
  if (before === after) return;
  if (before !== null) await cancelPendingJobs(db, { dedupeKeyPrefix: keyPrefix(actionId, before) });
  if (after !== null) {
    await enqueueJob(db, { kind: PILOT_ASSIGNED_JOB, payload: { actionId, userId: after, at }, runAt: new Date(Date.parse(at) + ASSIGNMENT_DELAY_MS), dedupeKey: `${keyPrefix(actionId, after)}${at}` });
  }
}

export const notifyPilotAssigned: JobHandler = async (payload: { actionId: number; userId: number; at: string }, { db }) => {
  const action = await db
    .selectFrom('action as a')
    .innerJoin('convention as c', 'c.id', 'a.convention_id')
    .select(['a.title', 'a.pilot_user_id', 'c.title as conventionTitle'])
    .where('a.id', '=', payload.actionId)
    .executeTakeFirst();
  if (action?.pilot_user_id !== payload.userId) return; // undone in the meantime
  await db.transaction().execute((trx) =>
    notify(trx, {
      userId: payload.userId,
      kind: 'pilot_assigned',
      eventKey: `action:${payload.actionId}:pilot:${payload.at}`,
      title: `Vous pilotez « ${action.title} »`,
      body: `Vous êtes désormais pilote de la fiche « ${action.title} » (${action.conventionTitle}) : vous en tenez le suivi et les indicateurs à jour.`,
      link: `/actions/${payload.actionId}`,
      needsAction: false,
    }),
  );
};
