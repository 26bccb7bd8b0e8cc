import type { ActionStatus } from '../../shared/enums.js';
import type { MyAction } from '../../shared/api/my-follow-up.js';

const CLOSED: readonly ActionStatus[] = ['realisee', 'abandonnee'];

export function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** How the action was matched to the caller; the account link wins over the organisation, then the name. */
export function pilotedAs(
  action: { pilot_user_id: number | null; pilot_organisation_id: number | null; pilot: string | null },
  keys: { userId: number | null; organisationIds: number[]; name: string | null },
): MyAction['pilotedAs'] {
  if (keys.userId !== null && action.pilot_user_id === keys.userId) return 'compte';
  if (action.pilot_organisation_id !== null && keys.organisationIds.includes(action.pilot_organisation_id)) return 'organisation';
  return 'nom';
}

/** What is due on one action (pure): closed actions owe nothing but their missing indicator values. */
export function dueOf(
  action: { status: ActionStatus; endDate: string | null; lastNoteDate: string | null },
  indicatorsWithoutValue: { id: number; title: string }[],
  today: string,
  staleLimit: string,
): MyAction['due'] {
  const open = !CLOSED.includes(action.status);
  return {
    late: action.status === 'en_retard',
    endDatePassed: open && action.endDate !== null && action.endDate < today,
    noRecentNote: open && (action.lastNoteDate ?? '') < staleLimit,
    indicatorsWithoutValue: action.status === 'abandonnee' ? [] : indicatorsWithoutValue,
  };
}
