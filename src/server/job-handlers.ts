import { MAIL_JOB, sendMailJob } from './platform/jobs/mail-job.js';
import type { JobHandler } from './platform/jobs/worker.js';

/** Every kind of background job the app knows, by name (features add theirs here). */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [MAIL_JOB]: sendMailJob,
};
