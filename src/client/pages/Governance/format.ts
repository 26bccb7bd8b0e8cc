import { formatLongDate } from '../../../shared/format.js';

/** « 2026-12-15T14:30 » → « 15 décembre 2026 à 14 h 30 ». */
export function meetingWhen(startsAt: string): string {
  const [day, time] = startsAt.split('T') as [string, string];
  return `${formatLongDate(day)} à ${time.replace(':', ' h ')}`;
}
