import { describe, expect, it } from 'vitest';
import { dueOf, monthsBefore, pilotedAs } from './my-follow-up.logic.js';

const TODAY = '2026-11-28';
const LIMIT = monthsBefore(TODAY, 12);
const INDICATOR = [{ id: 7, title: 'Places' }];

describe('what is due on a piloted action', () => {
  it('counts twelve months back from today', () => {
    expect(LIMIT).toBe('2025-11-28');
  });

  it('flags a late open action past its end date, without a recent note', () => {
    expect(dueOf({ status: 'en_retard', endDate: '2026-06-30', lastNoteDate: '2025-01-10' }, INDICATOR, TODAY, LIMIT)).toEqual({
      late: true, endDatePassed: true, noRecentNote: true, indicatorsWithoutValue: INDICATOR,
    });
  });

  it('asks nothing of a closed action but its missing values, and nothing at all once abandoned', () => {
    expect(dueOf({ status: 'realisee', endDate: '2025-06-30', lastNoteDate: null }, INDICATOR, TODAY, LIMIT)).toEqual({
      late: false, endDatePassed: false, noRecentNote: false, indicatorsWithoutValue: INDICATOR,
    });
    expect(dueOf({ status: 'abandonnee', endDate: '2025-06-30', lastNoteDate: null }, INDICATOR, TODAY, LIMIT).indicatorsWithoutValue).toEqual([]);
  });

  it('keeps a note dated exactly twelve months ago as recent, and an end date of today as not passed', () => {
    expect(dueOf({ status: 'en_cours', endDate: TODAY, lastNoteDate: LIMIT }, [], TODAY, LIMIT)).toEqual({
      late: false, endDatePassed: false, noRecentNote: false, indicatorsWithoutValue: [],
    });
  });
});

describe('how an action is matched to its pilot', () => {
  const keys = { userId: 3, organisationIds: [10, 11], name: 'léa martin' };
  it('prefers the account link, then the organisation, then the name', () => {
    expect(pilotedAs({ pilot_user_id: 3, pilot_organisation_id: 10, pilot: 'Léa Martin' }, keys)).toBe('compte');
    expect(pilotedAs({ pilot_user_id: 4, pilot_organisation_id: 11, pilot: null }, keys)).toBe('organisation');
    expect(pilotedAs({ pilot_user_id: null, pilot_organisation_id: null, pilot: 'Léa Martin' }, keys)).toBe('nom');
  });
});
