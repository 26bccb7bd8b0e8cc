import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';
import type { CalendarFeed, CalendarFeedCreated } from '../../shared/api/office.js';

const PASSWORD = 'Mot de passe très sûr 42';

describe.each(ENGINES)('personal calendar feed (%s)', (engine) => {
  let t: TestApp;
  let session: { cookie: string; csrf: string };
  let mine: ConventionDetail[];
  let elsewhere: ConventionDetail;
  const pilotName = `agenda-${engine}`;

  const asUser = <T>(method: 'GET' | 'POST' | 'DELETE', url: string) =>
    t.request<T>({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
  /** Calendar applications send no cookie and no token: only the secret address. */
  const fetchFeed = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    return { status: response.statusCode, type: response.headers['content-type'], text: response.body.replace(/\r\n[ \t]/g, '') };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const list = (await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' })).body.items;
    const cafId = list[0]!.caf.id;
    mine = [];
    for (const c of list) mine.push((await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${c.id}` })).body);
    // A convention of another Caf: the person must see nothing of it.
    const otherCaf = (await t.request<{ id: number }>({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'caf', name: 'Caf voisine', departementCode: '92' } })).body;
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'Convention d’une autre Caf', cafId: otherCaf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    expect(created.status).toBe(201);
    elsewhere = created.body;
    await createUser(t.database, { email: `${pilotName}@example.org`, password: PASSWORD, memberships: [{ organisationId: cafId, role: 'caf_agent' }] });
    session = await signIn(t, `${pilotName}@example.org`, PASSWORD);
    // The person pilots one action (by name) with an end date, and a draft review waits for validation.
    const action = mine[0]!.actions[0]!;
    const piloted = await t.request({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, payload: { version: action.version, pilot: pilotName, endDate: '2027-06-30', status: 'en_cours' } });
    expect(piloted.status).toBe(200);
    const review = await t.request({ method: 'POST', url: `/api/v1/conventions/${mine[0]!.id}/reviews`, payload: { kind: 'annual', year: mine[0]!.startYear, snapshotDate: `${mine[0]!.startYear}-12-31` } });
    expect(review.status).toBe(201);
    // A COPIL of one of the person's conventions, and one of the other Caf's.
    for (const convention of [mine[0]!, elsewhere]) {
      const body = await t.request<{ id: number }>({ method: 'POST', url: `/api/v1/conventions/${convention.id}/bodies`, payload: { kind: 'copil', name: `COPIL ${convention.id}`, frequency: 'annuelle' } });
      expect(body.status).toBe(201);
      const meeting = await t.request({ method: 'POST', url: `/api/v1/conventions/${convention.id}/meetings`, payload: { bodyId: body.body.id, startsAt: '2027-03-11T14:30', durationMinutes: 90, place: 'Salle du conseil' } });
      expect(meeting.status).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('gives a secret address, shown once, that a calendar application reads without signing in', async () => {
    expect((await asUser<CalendarFeed>('GET', '/api/v1/me/calendar-feed')).body).toMatchObject({ active: false, createdAt: null });
    const created = await asUser<CalendarFeedCreated>('POST', '/api/v1/me/calendar-feed');
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    const state = await asUser<CalendarFeed & { url?: string }>('GET', '/api/v1/me/calendar-feed');
    expect(state.body.active).toBe(true);
    expect(JSON.stringify(state.body)).not.toContain(new URL(created.body.url).pathname.split('/')[4]!);
    const stored = await t.database.db.selectFrom('calendar_feed').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(new URL(created.body.url).pathname.split('/')[4]);

    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    for (const c of mine) {
      for (const e of c.signatureEvents) expect(feed.text).toContain(`DTSTART;VALUE=DATE:${e.date.replaceAll('-', '')}`);
      expect(feed.text).toContain(`SUMMARY:Échéance — ${c.title}`);
    }
    expect(feed.text).toContain(`SUMMARY:Signature — ${mine[0]!.title}`);
    expect(feed.text).toContain(`SUMMARY:Fin prévue — ${mine[0]!.actions[0]!.title}`);
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20270630');
    expect(feed.text).toContain(`SUMMARY:Bilan annuel ${mine[0]!.startYear} à valider — ${mine[0]!.title}`);
    expect(feed.text).toContain(`SUMMARY:COPIL ${mine[0]!.id} — ${mine[0]!.title}`);
    expect(feed.text).toContain('DTSTART:20270311T143000');
    expect(feed.text).toContain('LOCATION:Salle du conseil');
    expect(feed.text).not.toContain(`COPIL ${elsewhere.id}`);
    expect(feed.text).not.toContain(elsewhere.title);
    expect((await asUser<CalendarFeed>('GET', '/api/v1/me/calendar-feed')).body.lastUsedAt).not.toBeNull();
    const logged = await t.database.db.selectFrom('security_event').select('details_json').where('event', '=', 'export').execute();
    expect(logged.some((l) => String(l.details_json).includes('calendrier-personnel'))).toBe(true);
  });

  it('renewing stops the previous address, revoking stops every one, and an unknown address reads nothing', async () => {
    const first = (await asUser<CalendarFeedCreated>('POST', '/api/v1/me/calendar-feed')).body;
    const second = (await asUser<CalendarFeedCreated>('POST', '/api/v1/me/calendar-feed')).body;
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);
    expect((await asUser('DELETE', '/api/v1/me/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second.url)).status).toBe(404);
    expect((await asUser<CalendarFeed>('GET', '/api/v1/me/calendar-feed')).body.active).toBe(false);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feeds/pas-une-adresse/calendar.ics' });
    expect(malformed.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(401);
  });

  it('follows the person’s current rights: a removed account reads nothing', async () => {
    const created = (await asUser<CalendarFeedCreated>('POST', '/api/v1/me/calendar-feed')).body;
    await t.database.db.updateTable('app_user').set({ status: 'disabled' }).where('email', '=', `${pilotName}@example.org`).execute();
    expect((await fetchFeed(created.url)).status).toBe(404);
  });
});
