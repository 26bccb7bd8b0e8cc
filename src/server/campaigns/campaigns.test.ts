import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { startTestSmtp, type TestSmtp } from '../../../test/helpers/smtp.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { JobWorker } from '../platform/jobs/worker.js';
import { JOB_HANDLERS } from '../job-handlers.js';
import { NOTIFICATION_MAIL_JOB, sendNotificationMail } from '../notifications/notifications.service.js';
import type { Campaign, ErrorResponse, Indicator } from '../../shared/api/index.js';

const PILOTS = ['pilote.creche@exemple.fr', 'pilote.jeunesse@exemple.fr', 'pilote.parentalite@exemple.fr'];

/** Acceptance of the update campaigns: each pilot mailed once, even across a restart; closing locks the year. */
describe.each(ENGINES)('update campaigns (%s)', (engine) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let app: FastifyInstance;
  let conventionId: number;
  let cafId: number;
  let campaign: Campaign;
  let indicator: Indicator;

  const send = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await app.inject({ method, url, payload, headers: t.adminHeaders });
    return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T };
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(engine, { smtpUrl: smtp.url });
    app = t.app;
    const convention = await t.database.db.selectFrom('convention').select(['id', 'caf_id']).where('status', 'in', ['signee', 'en_cours']).orderBy('id').executeTakeFirstOrThrow();
    conventionId = convention.id;
    cafId = convention.caf_id;
    const actions = await t.database.db.selectFrom('action').select('id').where('convention_id', '=', conventionId).where('status', 'not in', ['realisee', 'abandonnee']).orderBy('id').limit(4).execute();
    expect(actions.length).toBe(4);
    // Three pilots with an account; the first one pilots two fiches and still gets one mail.
    const ids = [];
    for (const email of PILOTS) ids.push(await createUser(t.database, { email, password: 'Campagne-Pilotes-92!' }));
    const owners = [ids[0]!, ids[0]!, ids[1]!, ids[2]!];
    for (const [index, action] of actions.entries()) await t.database.db.updateTable('action').set({ pilot_user_id: owners[index]! }).where('id', '=', action.id).execute();
    const created = await send<Indicator>('POST', `/api/v1/conventions/${conventionId}/indicators`, { actionId: actions[0]!.id, title: 'Places en crèche', kind: 'resultat', unit: 'places', direction: 'hausse', baselineValue: 10, baselineDate: '2024-12-31', targetValue: 40, targetDate: '2028-12-31' });
    indicator = created.body;
  });
  afterAll(async () => {
    await app.close();
    await t.database.drop();
    await smtp.close();
  });

  it('opens a campaign for one convention: each pilot gets one notification and one mail, across a restart', async () => {
    const opened = await send<Campaign>('POST', '/api/v1/campaigns', { cafId, conventionId, year: 2026, dueDate: '2027-01-31' });
    expect(opened.status).toBe(201);
    campaign = opened.body;
    expect(campaign.pilots.filter((p) => p.hasAccount)).toHaveLength(3);
    expect(campaign.done).toBeLessThan(campaign.total);

    // The first instance sends one mail, then stops (as an instance shut down mid-way).
    const handlers = { ...JOB_HANDLERS };
    const partial: JobWorker = new JobWorker({
      db: t.database.db, dialect: t.database.dialect, mailer: app.mailer, config: app.config, log: () => {}, batchSize: 1,
      handlers: { ...handlers, [NOTIFICATION_MAIL_JOB]: async (payload, context) => { await sendNotificationMail(payload, context); await partial.stop(); } },
    });
    expect(await partial.runDue()).toBe(1);
    await smtp.waitFor(1);
    await app.close();

    // A new instance on the same database sends the rest, and nothing twice.
    const base = loadConfig({});
    app = await buildApp({ database: t.database, config: { ...base, clientDir: 'dist/client', mail: { ...base.mail, smtpUrl: smtp.url } }, logger: false });
    expect(await app.jobs.runDue()).toBe(2);
    await smtp.waitFor(3);
    expect(await app.jobs.runDue()).toBe(0);
    // The periodic scan re-checks campaigns: the « opened » event was already told.
    await t.database.db.insertInto('job').values({ kind: 'notifications.scan', payload: '{}', status: 'pending', run_at: new Date().toISOString(), max_attempts: 3, created_at: new Date().toISOString() }).execute();
    await app.jobs.runDue();
    await new Promise((r) => setTimeout(r, 200));
    const recipients = smtp.messages.map((m) => m.to).sort();
    expect(recipients).toEqual([...PILOTS].sort());
    const first = smtp.messages.find((m) => m.to === PILOTS[0])!;
    expect(first.subject).toContain('Mise à jour 2026');
    expect(first.text).toContain('2 fiches à mettre à jour');
    expect(first.text).toContain('Places en crèche');
  });

  it('refuses a second open campaign of the same year on the same convention, changing nothing', async () => {
    const before = await snapshotCounts(t.database);
    const again = await send<ErrorResponse>('POST', '/api/v1/campaigns', { cafId, conventionId, year: 2026, dueDate: '2027-02-28' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('déjà ouverte');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('tracks completion per pilot as values come in', async () => {
    const pending = campaign.items.find((i) => i.indicators.some((x) => x.id === indicator.id))!;
    expect(pending.done).toBe(false);
    for (const [index, x] of pending.indicators.entries()) {
      expect((await send('POST', `/api/v1/indicators/${x.id}/values`, { date: '2026-06-30', value: 18 + index })).status).toBe(201);
    }
    const now = (await send<Campaign>('GET', `/api/v1/campaigns/${campaign.id}`)).body;
    const item = now.items.find((i) => i.actionId === pending.actionId)!;
    expect(item.done).toBe(true);
    expect(now.pilots.find((p) => p.pilot === PILOTS[0]!.split('@')[0])).toMatchObject({ total: 2, done: 1 });
    expect(now.done).toBeGreaterThan(campaign.done);
    expect(now.conventions[0]).toMatchObject({ id: conventionId, total: campaign.total });
  });

  it('closing the campaign locks the year’s values: a later edit is refused with a clear message, nothing changed', async () => {
    const closed = await send<Campaign>('POST', `/api/v1/campaigns/${campaign.id}/close`, { version: campaign.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('close');
    const before = await snapshotCounts(t.database);
    const refused = await send<ErrorResponse>('POST', `/api/v1/indicators/${indicator.id}/values`, { date: '2026-09-30', value: 21 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^Les valeurs 2026 de cette convention sont verrouillées depuis la clôture de la campagne « Mise à jour des données 2026 »/);
    const value = (await send<Indicator>('GET', `/api/v1/indicators/${indicator.id}`)).body.values.find((v) => v.date === '2026-06-30')!;
    expect((await send<ErrorResponse>('DELETE', `/api/v1/indicator-values/${value.id}`)).status).toBe(409);
    expect((await send<ErrorResponse>('DELETE', `/api/v1/indicators/${indicator.id}?version=${(await send<Indicator>('GET', `/api/v1/indicators/${indicator.id}`)).body.version}`)).status).toBe(409);
    expect(await snapshotCounts(t.database)).toEqual(before);
    expect((await send('POST', `/api/v1/indicators/${indicator.id}/values`, { date: '2027-03-31', value: 22 })).status).toBe(201);
  });
});
