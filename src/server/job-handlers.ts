import { MAIL_JOB, sendMailJob } from './platform/jobs/mail-job.js';
import type { JobHandler } from './platform/jobs/worker.js';
import { NOTIFICATION_MAIL_JOB, sendNotificationMail } from './notifications/notifications.service.js';
import { DIGEST_JOB, SCAN_JOB, runDigest, runScan } from './notifications/scans.js';
import { PILOT_ASSIGNED_JOB, notifyPilotAssigned } from './notifications/pilot-assignment.js';
import { webhookJobHandlers } from './webhooks/webhooks.delivery.js';

/** Every kind of background job the app knows, by name (features add theirs here). */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [MAIL_JOB]: sendMailJob,
  [NOTIFICATION_MAIL_JOB]: sendNotificationMail,
  [SCAN_JOB]: runScan,
  [DIGEST_JOB]: runDigest,
  [PILOT_ASSIGNED_JOB]: notifyPilotAssigned,
  ...webhookJobHandlers,
};
