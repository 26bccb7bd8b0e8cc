import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/helpers/smtp.js';
import type { Action, Campaign, NotificationList } from '../../shared/api/index.js';
import { ASSIGNMENT_DELAY_MS } from './pilot-assignment.js';
import { SCAN_JOB } from './scans.js';

const PASSWORD = 'Notifications-Pilotes-92!';

/** In-app notifications and their mails: deferred assignment notices, weekly digest, date-driven reminders. */
describe.each(ENGINES)('notifications and reminders (%s)', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let pilotId: number;
  let digestId: number;
  let cafId: number;
  let conventionId: number;
  let pilotSession: { cookie: string; csrf: string };
  const later = (ms: number) => new Date(Date.now() + ms);
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.to === email);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(engine, { smtpUrl: smtp.url });
    const convention = await t.database.db.selectFrom('convention').select(['id', 'caf_id']).where('status', 'in', ['signee', 'en_cours']).orderBy('id').executeTakeFirstOrThrow();
    conventionId = convention.id;
    cafId = convention.caf_id;
    pilotId = await createUser(t.database, { email: 'camille.pilote@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    digestId = await createUser(t.database, { email: 'dominique.recap@exemple.fr', password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    pilotSession = await signIn(t, 'camille.pilote@exemple.fr', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const asPilot = <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.request<T>({ method, url, payload, headers: { cookie: pilotSession.cookie, 'x-csrf-token': pilotSession.csrf } });
  const actionOf = async (index: number) => (await t.database.db.selectFrom('action').select('id').where('convention_id', '=', conventionId).orderBy('id').offset(index).limit(1).executeTakeFirstOrThrow()).id;
  const setPilot = async (actionId: number, userId: number | null) => {
    const current = (await t.request<Action>({ method: 'GET', url: `/api/v1/actions/${actionId}` })).body;
    return t.request<Action>({ method: 'PATCH', url: `/api/v1/actions/${actionId}`, payload: { version: current.version, pilotUserId: userId } });
  };

  it('tells a new pilot after a few minutes, and never when the assignment is undone within that delay', async () => {
    const kept = await actionOf(0);
    const undone = await actionOf(1);
    expect((await setPilot(kept, pilotId)).status).toBe(200);
    expect((await setPilot(undone, pilotId)).status).toBe(200);
    expect((await setPilot(undone, null)).status).toBe(200);
    expect(await t.app.jobs.runDue()).toBe(0); // nothing before the delay
    await t.app.jobs.runDue(later(ASSIGNMENT_DELAY_MS + 1000));
    await t.app.jobs.runDue(later(ASSIGNMENT_DELAY_MS + 1000));
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    const mails = mailsTo('camille.pilote@exemple.fr');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Vous pilotez');
    const list = (await asPilot<NotificationList>('GET', '/api/v1/notifications')).body;
    expect(list.items.map((n) => n.link)).toEqual([`/actions/${kept}`]);
    expect(list.unread).toBe(1);
  });

  it('counts what needs the person’s action, filters it, and marks notifications read', async () => {
    const campaign = await t.request<Campaign>({ method: 'POST', url: '/api/v1/campaigns', payload: { cafId, year: 2026, dueDate: '2027-01-31' } });
    expect(campaign.status).toBe(201);
    expect(campaign.body.conventions.length).toBeGreaterThan(1); // every convention in force of the Caf
    const counts = (await asPilot<{ unread: number; needsAction: number }>('GET', '/api/v1/notifications/counts')).body;
    expect(counts).toEqual({ unread: 2, needsAction: 1 });
    const todo = (await asPilot<NotificationList>('GET', '/api/v1/notifications?filter=action')).body;
    expect(todo.items).toHaveLength(1);
    expect(todo.items[0]!.title).toContain('Mise à jour 2026');
    expect((await asPilot('POST', `/api/v1/notifications/${todo.items[0]!.id}/read`)).status).toBe(204);
    expect((await asPilot<{ unread: number }>('GET', '/api/v1/notifications/counts')).body.unread).toBe(1);
    expect((await asPilot('POST', '/api/v1/notifications/read-all')).status).toBe(204);
    expect((await asPilot<{ unread: number }>('GET', '/api/v1/notifications/counts')).body.unread).toBe(0);
  });

  it('gathers the notices of people who prefer it in one weekly digest', async () => {
    const session = await signIn(t, 'dominique.recap@exemple.fr', PASSWORD);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    expect((await t.request({ method: 'PUT', url: '/api/v1/notifications/preference', payload: { mode: 'digest' }, headers })).status).toBe(204);
    const first = await actionOf(2);
    const second = await actionOf(3);
    await setPilot(first, digestId);
    await setPilot(second, digestId);
    await t.app.jobs.runDue(later(ASSIGNMENT_DELAY_MS + 1000));
    expect(mailsTo('dominique.recap@exemple.fr')).toHaveLength(0);
    // The scan schedules the digest for next Monday; run everything due a week from now.
    await t.database.db.insertInto('job').values({ kind: SCAN_JOB, payload: '{}', status: 'pending', run_at: new Date().toISOString(), max_attempts: 3, created_at: new Date().toISOString() }).execute();
    await t.app.jobs.runDue();
    await t.app.jobs.runDue(later(8 * 24 * 3_600_000));
    const mails = mailsTo('dominique.recap@exemple.fr');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/récapitulatif de la semaine \(\d+\)/);
    expect(mails[0]!.text).toContain(`/actions/${first}`);
    expect(mails[0]!.text).toContain(`/actions/${second}`);
  });

  it('reminds pilots once when the campaign is due soon and once when overdue; warns the Caf of a convention ending', async () => {
    const before = mailsTo('camille.pilote@exemple.fr').length;
    await t.database.db.updateTable('campaign').set({ due_date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }).execute();
    await t.database.db.updateTable('convention').set({ end_year: new Date().getUTCFullYear() }).where('id', '=', conventionId).execute();
    for (let run = 0; run < 2; run++) {
      await t.database.db.insertInto('job').values({ kind: SCAN_JOB, payload: '{}', status: 'pending', run_at: new Date().toISOString(), max_attempts: 3, created_at: new Date().toISOString() }).execute();
      await t.app.jobs.runDue();
    }
    await new Promise((r) => setTimeout(r, 300));
    const mails = mailsTo('camille.pilote@exemple.fr').slice(before);
    expect(mails.filter((m) => m.subject.includes('plus que quelques jours'))).toHaveLength(1);
    expect(mails.filter((m) => m.subject.includes('arrive à échéance'))).toHaveLength(1);
    await t.database.db.updateTable('campaign').set({ due_date: '2020-01-31' }).execute();
    await t.database.db.insertInto('job').values({ kind: SCAN_JOB, payload: '{}', status: 'pending', run_at: new Date().toISOString(), max_attempts: 3, created_at: new Date().toISOString() }).execute();
    await t.app.jobs.runDue();
    await t.app.jobs.runDue(); // the mails the scan queued
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('camille.pilote@exemple.fr').slice(before).filter((m) => m.subject.includes('échéance du'))).toHaveLength(1);
  });
});
