import { describe, expect, it } from 'vitest';
import { formatMeetingDate, meetingTitle, presentBody } from './governance.presenter.js';
import { packSections } from './pack-content.js';
import { meetingCalendar } from './meeting-mail.js';
import { nextDigestSlot } from '../notifications/scans.js';
import type { Meeting, Pack } from '../../shared/api/governance.js';

const bodyRow = { id: 1, convention_id: 2, kind: 'copil', name: 'COPIL de la CTG', frequency: 'semestrielle', members: '[{"name":"Claire Martin","email":"claire@exemple.fr"}]', version: 1, created_at: '', updated_at: '' };

describe('governance presentation', () => {
  it('names a meeting after its body and day, COPIL by its short name', () => {
    expect(meetingTitle(bodyRow, '2026-12-01T14:30')).toBe('COPIL du 1er décembre 2026');
    expect(meetingTitle({ kind: 'comite_thematique', name: 'Comité petite enfance' }, '2027-03-15T09:00')).toBe('Comité petite enfance du 15 mars 2027');
    expect(formatMeetingDate('2026-12-15T14:30')).toBe('15 décembre 2026 à 14 h 30');
  });

  it('expects the next meeting one frequency period after the last one held', () => {
    const body = presentBody(bodyRow, { last: '2026-06-10T10:00', next: null });
    expect(body.nextDueBy).toBe('2026-12-10');
    expect(body.members[0]).toEqual({ name: 'Claire Martin', organisation: null, role: null, email: 'claire@exemple.fr' });
    expect(presentBody({ ...bodyRow, frequency: 'ponctuelle' }, { last: '2026-06-10T10:00', next: null }).nextDueBy).toBeNull();
  });

  it('writes the meeting as a floating local time in the calendar file', () => {
    const meeting = { id: 7, title: 'COPIL du 15 décembre 2026', conventionTitle: 'CTG', startsAt: '2026-12-15T14:30', durationMinutes: 90, place: 'Mairie', visioUrl: null, agenda: [{ title: 'Bilan' }] } as unknown as Meeting;
    const ics = meetingCalendar(meeting, 'pilote.exemple.fr');
    expect(ics).toContain('DTSTART:20261215T143000');
    expect(ics).not.toContain('DTSTART:20261215T143000Z');
    expect(ics).toContain('UID:reunion-7@pilote.exemple.fr');
    expect(ics).toContain('LOCATION:Mairie');
  });

  it('lays the pack out as the four sections of the pre-read', () => {
    const pack: Pack = {
      meeting: { id: 1, bodyId: 1, bodyName: 'COPIL', bodyKind: 'copil', conventionId: 2, title: 'COPIL du 15 décembre 2026', startsAt: '2026-12-15T14:30', place: null, status: 'planifiee' },
      conventionTitle: 'CTG de Boulogne-Billancourt', period: '2023–2026', generatedAt: '',
      actionsByStatus: [{ status: 'en_cours', label: 'En cours', actions: [{ id: 1, title: 'Crèche', pilot: null, progress: 40 }] }],
      indicatorsAtRisk: [],
      budget: { plannedCents: 1_000_000, actualCents: 250_000, byYear: [{ year: 2025, plannedCents: 1_000_000, actualCents: 250_000 }] },
      previousMeeting: null,
    };
    const { title, sections } = packSections(pack);
    expect(title).toBe('Dossier de séance — COPIL du 15 décembre 2026');
    expect(sections.map((s) => s.heading)).toEqual(['Actions par statut', 'Indicateurs à risque', 'Budgets', 'Décisions de la réunion précédente']);
    expect(sections[0]!.table!.rows).toEqual([['En cours', 'Crèche', '—', '40 %']]);
    expect(sections[3]!.lines).toEqual(['Première réunion de cette instance.']);
  });

  it('schedules the weekly digest on the next Monday at 07:00 UTC', () => {
    expect(nextDigestSlot(new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z'); // Saturday
    expect(nextDigestSlot(new Date('2026-11-30T06:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z'); // Monday, before
    expect(nextDigestSlot(new Date('2026-11-30T08:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z'); // Monday, after
  });
});
