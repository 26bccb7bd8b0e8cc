import type { Random } from './random.js';

/** Per convention: a COPIL once a year and a technical committee twice a year, over four years. */
export const MEETINGS_PER_CONVENTION = 8;

const PLACES = ['Salle du conseil municipal', 'Caf — salle de réunion', 'Maison des services', 'Centre social', 'Hôtel de ville'];

export interface GovernanceIds {
  nextBodyId: number;
}

interface ConventionForMeetings {
  id: number;
  startYear: number;
  placeName: string;
}

/**
 * Bodies and meetings of one convention. Meetings before `today` have validated minutes, later ones
 * are planned: the same rule as the governance screens.
 */
export function governanceRows(random: Random, ids: GovernanceIds, convention: ConventionForMeetings, today: string, now: string) {
  const copil = ids.nextBodyId++;
  const technical = ids.nextBodyId++;
  const bodies = [
    { id: copil, convention_id: convention.id, kind: 'copil', name: 'Comité de pilotage', frequency: 'annuelle', members: '[]', created_at: now, updated_at: now },
    { id: technical, convention_id: convention.id, kind: 'comite_technique', name: 'Comité technique', frequency: 'semestrielle', members: '[]', created_at: now, updated_at: now },
  ];
  const meetings: object[] = [];
  for (let year = 0; year < 4; year++) {
    const y = convention.startYear + year;
    meetings.push(meetingRow(random, copil, convention, `${y}-11-${10 + random.int(0, 18)}T${random.pick(['09:30', '14:00', '17:30'])}`, today, now));
    meetings.push(meetingRow(random, technical, convention, `${y}-0${random.int(3, 6)}-${10 + random.int(0, 18)}T${random.pick(['09:00', '14:30'])}`, today, now));
  }
  return { bodies, meetings };
}

function meetingRow(random: Random, bodyId: number, convention: ConventionForMeetings, startsAt: string, today: string, now: string) {
  const past = startsAt.slice(0, 10) < today;
  return {
    body_id: bodyId,
    convention_id: convention.id,
    starts_at: startsAt,
    duration_minutes: random.pick([90, 120, 150]),
    place: `${random.pick(PLACES)} — ${convention.placeName}`,
    visio_url: null,
    agenda: '[]',
    attendance: '[]',
    minutes: past ? 'Point d’étape sur le plan d’actions ; les pilotes présentent l’avancement et les indicateurs de l’année.' : null,
    status: past ? 'validee' : 'planifiee',
    invitations_sent_at: past ? now : null,
    validated_at: past ? now : null,
    validated_by: past ? 'générateur' : null,
    created_at: now,
    updated_at: now,
  };
}
