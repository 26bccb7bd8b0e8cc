import type { Executor } from '../db/schema.js';
import type { MailMessage } from '../mail/mailer.js';
import { enqueueJob } from './queue.js';
import type { JobHandler } from './worker.js';

export const MAIL_JOB = 'mail.send';

interface MailPayload extends Omit<MailMessage, 'attachments'> {
  attachments?: { filename: string; contentBase64: string; contentType?: string }[];
}

/**
 * Queues a mail in the caller's transaction. The dedupe key names the event (e.g.
 * `campaign:12:opened:person:4`): the same event never mails the same person twice.
 */
export async function enqueueMail(db: Executor, message: MailMessage, options: { dedupeKey: string; runAt?: Date }) {
  const payload: MailPayload = {
    ...message,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentBase64: Buffer.from(a.content).toString('base64'),
      contentType: a.contentType,
    })),
  };
  return enqueueJob(db, { kind: MAIL_JOB, payload, dedupeKey: options.dedupeKey, runAt: options.runAt });
}

export const sendMailJob: JobHandler = async (payload: MailPayload, { mailer }) => {
  await mailer.send({
    ...payload,
    attachments: payload.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.contentBase64, 'base64'), contentType: a.contentType })),
  });
};
