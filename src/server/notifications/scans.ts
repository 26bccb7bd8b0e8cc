import type { Executor } from '../platform/db/schema.js';
import { enqueueJob } from '../platform/jobs/queue.js';
import type { JobHandler } from '../platform/jobs/worker.js';
import { formatLongDate } from '../../shared/format.js';
import { noticePilots } from '../campaigns/campaigns.service.js';
import * as campaigns from '../campaigns/campaigns.repository.js';
import { notify, sendDigest } from './notifications.service.js';
import { digestRecipients } from './notifications.repository.js';

export const SCAN_JOB = 'notifications.scan';
export const DIGEST_JOB = 'notifications.digest';
const HOUR = 3_600_000;
const DUE_SOON_DAYS = 7;

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 24 * HOUR);

/** The next scan, one per hour slot: the dedupe key makes several instances schedule it once. */
export async function scheduleScan(db: Executor, now: Date = new Date()): Promise<void> {
  const slot = new Date(Math.floor(now.getTime() / HOUR) * HOUR + HOUR);
  await enqueueJob(db, { kind: SCAN_JOB, payload: {}, runAt: slot, dedupeKey: `${SCAN_JOB}:${slot.toISOString()}` });
}

/** Next Monday 07:00 UTC, the digest's weekly slot. */
export function nextDigestSlot(now: Date): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  const daysToMonday = (8 - slot.getUTCDay()) % 7;
  slot.setUTCDate(slot.getUTCDate() + (daysToMonday === 0 && now >= slot ? 7 : daysToMonday));
  return slot;
}

async function campaignReminders(db: Executor, today: string): Promise<void> {
  for (const campaign of await campaigns.openCampaigns(db)) {
    if (today > campaign.due_date) await noticePilots(db, campaign, 'overdue', true);
    else if (today >= day(addDays(new Date(`${campaign.due_date}T00:00:00Z`), -DUE_SOON_DAYS))) await noticePilots(db, campaign, 'due-soon', true);
  }
}

/** Conventions in force ending within twelve months and not renewed yet: their Caf's staff is told once. */
async function endingConventions(db: Executor, now: Date): Promise<void> {
  const horizon = day(addDays(now, 365));
  const rows = await db
    .selectFrom('convention as c')
    .select(['c.id', 'c.title', 'c.caf_id', 'c.end_year'])
    .where('c.status', 'in', ['signee', 'en_cours'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('convention as s').select('s.id').whereRef('s.predecessor_id', '=', 'c.id'))))
    .execute();
  for (const c of rows.filter((r) => `${r.end_year}-12-31` <= horizon && `${r.end_year}-12-31` >= day(now))) {
    for (const userId of await campaigns.cafStaffOf(db, c.caf_id)) {
      await notify(db, { userId, kind: 'convention_ending', eventKey: `convention:${c.id}:ending`, title: `« ${c.title} » arrive à échéance le ${formatLongDate(`${c.end_year}-12-31`)}`, body: 'La convention prend fin dans moins de douze mois : préparez son évaluation et son renouvellement.', link: `/conventions/${c.id}/gouvernance`, needsAction: true });
    }
  }
}

/** Annual reviews of past years still in draft: the Caf's staff is asked once to validate each. */
async function reviewsToValidate(db: Executor, now: Date): Promise<void> {
  const rows = await db
    .selectFrom('review as r')
    .innerJoin('convention as c', 'c.id', 'r.convention_id')
    .select(['r.id', 'r.year', 'r.convention_id', 'c.title', 'c.caf_id'])
    .where('r.status', '=', 'brouillon')
    .where('r.year', '<', now.getUTCFullYear())
    .execute();
  for (const r of rows) {
    for (const userId of await campaigns.cafStaffOf(db, r.caf_id)) {
      await notify(db, { userId, kind: 'review_to_validate', eventKey: `review:${r.id}:to-validate`, title: `Bilan ${r.year} à valider — ${r.title}`, body: `Le bilan ${r.year} de « ${r.title} » est encore un brouillon.`, link: `/bilans/${r.id}`, needsAction: true });
    }
  }
}

/** The periodic scan: reminders that depend on dates, then the next scan and the weekly digest are queued. */
export const runScan: JobHandler = async (_payload, { db, now }) => {
  await db.transaction().execute(async (trx) => {
    await campaignReminders(trx, day(now));
    await endingConventions(trx, now);
    await reviewsToValidate(trx, now);
    const digest = nextDigestSlot(now);
    await enqueueJob(trx, { kind: DIGEST_JOB, payload: {}, runAt: digest, dedupeKey: `${DIGEST_JOB}:${day(digest)}` });
    await scheduleScan(trx, now);
  });
};

/** One mail per person who prefers the weekly digest, carrying every notification not sent yet. */
export const runDigest: JobHandler = async (_payload, { db, mailer, config }) => {
  for (const userId of await digestRecipients(db)) {
    await db.transaction().execute((trx) => sendDigest(trx, userId, (to, subject, text) => mailer.send({ to, subject, text }), config.publicUrl));
  }
};
