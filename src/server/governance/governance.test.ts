import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/helpers/smtp.js';
import type { Action, Body, ConventionDetail, Decision, ErrorResponse, GovernanceOverview, HistoryPage, Indicator, Meeting, Pack } from '../../shared/api/index.js';

describe.each(ENGINES)('governance: bodies, meetings, decisions, pack, renewal (%s)', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let conventionId: number;
  let body: Body;
  let meeting: Meeting;
  let actions: Action[];
  let indicator: Indicator;

  const send = <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => t.request<T>({ method, url, payload });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(engine, { smtpUrl: smtp.url });
    const list = await send<{ items: { id: number; title: string }[] }>('GET', '/api/v1/conventions?territory=92012');
    conventionId = list.body.items[0]!.id;
    actions = (await send<ConventionDetail>('GET', `/api/v1/conventions/${conventionId}`)).body.actions.filter((a) => a.status !== 'realisee');
    indicator = (await send<Indicator>('POST', `/api/v1/conventions/${conventionId}/indicators`, { actionId: actions[1]!.id, title: 'Familles reçues', kind: 'resultat', unit: 'familles', direction: 'hausse', baselineValue: 10, baselineDate: '2023-01-01', targetValue: 50, targetDate: '2027-12-31' })).body;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('creates a COPIL with members and a frequency', async () => {
    const created = await send<Body>('POST', `/api/v1/conventions/${conventionId}/bodies`, {
      kind: 'copil', name: 'COPIL de la CTG', frequency: 'semestrielle',
      members: [{ name: 'Claire Martin', organisation: 'Caf des Hauts-de-Seine', role: 'co-présidente', email: 'claire.martin@exemple.fr' }, { name: 'Paul Durand', organisation: 'Ville', role: 'élu', email: 'paul.durand@exemple.fr' }],
    });
    expect(created.status).toBe(201);
    body = created.body;
    expect(body.members).toHaveLength(2);
  });

  it('refuses a meeting without place nor visio link, naming the field and changing nothing', async () => {
    const before = await snapshotCounts(t.database);
    const bad = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/meetings`, { bodyId: body.id, startsAt: '2026-12-15T14:30' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('lieu');
    const badVisio = await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/meetings`, { bodyId: body.id, startsAt: '2026-12-15T14:30', visioUrl: 'javascript:alert(1)' });
    expect(badVisio.status).toBe(400);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('plans a meeting with an agenda linked to the plan and sends invitations with a calendar file, once', async () => {
    const created = await send<Meeting>('POST', `/api/v1/conventions/${conventionId}/meetings`, {
      bodyId: body.id, startsAt: '2026-12-15T14:30', place: 'Hôtel de ville', agenda: [{ title: 'Point sur les actions', actionId: actions[0]!.id }, { title: 'Indicateurs', indicatorId: indicator.id }],
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    expect(meeting.title).toBe('COPIL du 15 décembre 2026');
    expect(meeting.agenda[0]!.linkLabel).toBe(actions[0]!.title);
    expect(meeting.attendance.map((a) => a.name)).toEqual(['Claire Martin', 'Paul Durand']);
    const invited = await send<Meeting>('POST', `/api/v1/meetings/${meeting.id}/invitations`, { version: meeting.version });
    expect(invited.status).toBe(200);
    meeting = invited.body;
    await t.app.jobs.runDue();
    const mail = await smtp.waitFor(2);
    expect(mail.subject).toContain('Invitation : COPIL du 15 décembre 2026');
    expect(mail.attachments[0]).toMatchObject({ filename: 'invitation.ics' });
    expect(mail.attachments[0]!.content).toContain('DTSTART:20261215T143000');
    // Sending again for the same date mails nobody twice.
    meeting = (await send<Meeting>('POST', `/api/v1/meetings/${meeting.id}/invitations`, { version: meeting.version })).body;
    await t.app.jobs.runDue();
    expect(smtp.messages.filter((m) => m.subject.startsWith('Invitation'))).toHaveLength(2);
  });

  it('builds the pack from the data, as a page, a DOCX and a PDF', async () => {
    const pack = await send<Pack>('GET', `/api/v1/meetings/${meeting.id}/pack`);
    expect(pack.status).toBe(200);
    const total = pack.body.actionsByStatus.reduce((n, g) => n + g.actions.length, 0);
    const inPlan = (await send<ConventionDetail>('GET', `/api/v1/conventions/${conventionId}`)).body.actions.length;
    expect(total).toBe(inPlan);
    expect(pack.body.previousMeeting).toBeNull();
    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meeting.id}/pack.docx`, headers: t.adminHeaders });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meeting.id}/pack.pdf`, headers: t.adminHeaders });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records minutes and proposed decisions; a refused decision undoes everything at validation', async () => {
    meeting = (await send<Meeting>('PATCH', `/api/v1/meetings/${meeting.id}`, { version: meeting.version, minutes: '## Relevé\n\nLe COPIL <script>alert(1)</script> acte **la fin** de l’action.', attendance: [{ name: 'Claire Martin', present: true }] })).body;
    expect(meeting.minutesHtml).toContain('<strong>la fin</strong>');
    expect(meeting.minutesHtml).not.toContain('<script');
    const done = await send<Decision>('POST', `/api/v1/meetings/${meeting.id}/decisions`, { kind: 'action_status', actionId: actions[0]!.id, status: 'realisee' });
    expect(done.status).toBe(201);
    expect(done.body.summary).toContain('« Réalisée »');
    // « En pause » needs a reason: this proposal is refused when applied, and nothing is applied.
    const paused = await send<Decision>('POST', `/api/v1/meetings/${meeting.id}/decisions`, { kind: 'action_status', actionId: actions[2]!.id, status: 'en_pause' });
    const current = (await send<Meeting>('GET', `/api/v1/meetings/${meeting.id}`)).body;
    const before = await snapshotCounts(t.database);
    const refused = await send<ErrorResponse>('POST', `/api/v1/meetings/${meeting.id}/validate`, { version: current.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^Décision n° 2 /);
    expect(await snapshotCounts(t.database)).toEqual(before);
    expect((await send<Action>('GET', `/api/v1/actions/${actions[0]!.id}`)).body.status).toBe(actions[0]!.status);
    expect((await send('DELETE', `/api/v1/decisions/${paused.body.id}`)).status).toBe(204);
  });

  it('validates the minutes: decisions applied in one transaction, history naming the meeting, minutes mailed', async () => {
    await send<Decision>('POST', `/api/v1/meetings/${meeting.id}/decisions`, { kind: 'action_create', title: 'Créer un lieu d’accueil enfants-parents', themes: ['parentalite'] });
    await send<Decision>('POST', `/api/v1/meetings/${meeting.id}/decisions`, { kind: 'indicator_target', indicatorId: indicator.id, targetValue: 80 });
    const current = (await send<Meeting>('GET', `/api/v1/meetings/${meeting.id}`)).body;
    const validated = await send<Meeting>('POST', `/api/v1/meetings/${meeting.id}/validate`, { version: current.version });
    expect(validated.status).toBe(200);
    expect(validated.body.status).toBe('validee');
    expect(validated.body.decisions.every((d) => d.status === 'appliquee')).toBe(true);
    expect((await send<Action>('GET', `/api/v1/actions/${actions[0]!.id}`)).body.status).toBe('realisee');
    expect((await send<Indicator>('GET', `/api/v1/indicators/${indicator.id}`)).body.targetValue).toBe(80);
    const history = (await send<HistoryPage>('GET', `/api/v1/actions/${actions[0]!.id}/history`)).body;
    expect(history.events[0]).toMatchObject({ operation: 'update', origin: 'COPIL du 15 décembre 2026' });
    const overview = (await send<GovernanceOverview>('GET', `/api/v1/conventions/${conventionId}/governance`)).body;
    expect(overview.meetings[0]).toMatchObject({ id: meeting.id, status: 'validee' });
    await t.app.jobs.runDue();
    await smtp.waitFor(4);
    expect(smtp.messages.filter((m) => m.subject.startsWith('Compte rendu'))).toHaveLength(2);
    // A validated meeting is closed to changes.
    const late = await send<ErrorResponse>('PATCH', `/api/v1/meetings/${meeting.id}`, { version: validated.body.version, minutes: 'Autre' });
    expect(late.status).toBe(422);
  });

  it('follows up the previous meeting’s decisions in the next pack', async () => {
    const next = (await send<Meeting>('POST', `/api/v1/conventions/${conventionId}/meetings`, { bodyId: body.id, startsAt: '2027-06-10T10:00', visioUrl: 'https://visio.exemple.fr/copil' })).body;
    const decisionId = (await send<Meeting>('GET', `/api/v1/meetings/${meeting.id}`)).body.decisions[0]!.id;
    expect((await send('PUT', `/api/v1/decisions/${decisionId}/follow-up`, { followUp: 'Bilan présenté aux familles' })).status).toBe(200);
    const pack = (await send<Pack>('GET', `/api/v1/meetings/${next.id}/pack`)).body;
    expect(pack.previousMeeting?.title).toBe('COPIL du 15 décembre 2026');
    expect(pack.previousMeeting?.decisions[0]).toMatchObject({ status: 'Appliquée', followUp: 'Bilan présenté aux familles' });
    expect(pack.previousMeeting?.decisions[0]!.current).toContain('réalisée');
  });

  it('renews the convention: same perimeter and parties, unfinished actions carried over, both linked', async () => {
    const old = (await send<ConventionDetail>('GET', `/api/v1/conventions/${conventionId}`)).body;
    const renewed = await send<{ id: number; carriedActions: number; parties: number }>('POST', `/api/v1/conventions/${conventionId}/renewal`, {});
    expect(renewed.status).toBe(201);
    const successor = (await send<ConventionDetail>('GET', `/api/v1/conventions/${renewed.body.id}`)).body;
    expect(successor.predecessorId).toBe(conventionId);
    expect(successor.startYear).toBe(old.endYear + 1);
    expect(successor.territories.map((x) => x.code)).toEqual(old.territories.map((x) => x.code));
    expect(successor.parties.map((p) => p.organisation.id).sort()).toEqual(old.parties.map((p) => p.organisation.id).sort());
    const unfinished = old.actions.filter((a) => ['a_venir', 'en_cours', 'en_pause', 'en_retard'].includes(a.status) && a.parentId === null);
    expect(renewed.body.carriedActions).toBe(unfinished.length);
    expect(successor.actions.map((a) => a.title).sort()).toEqual(unfinished.map((a) => a.title).sort());
    expect((await send<GovernanceOverview>('GET', `/api/v1/conventions/${conventionId}/governance`)).body.successor?.id).toBe(renewed.body.id);
    expect((await send<GovernanceOverview>('GET', `/api/v1/conventions/${renewed.body.id}/governance`)).body.predecessor?.id).toBe(conventionId);
    const before = await snapshotCounts(t.database);
    expect((await send<ErrorResponse>('POST', `/api/v1/conventions/${conventionId}/renewal`, {})).status).toBe(409);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
