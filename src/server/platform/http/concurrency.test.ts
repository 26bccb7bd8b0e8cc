import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { listenOnLoopback, type HttpClient } from '../../../../test/helpers/http.js';
import { CONVENTION_TRANSITIONS, type ConventionStatus } from '../../../shared/enums.js';

interface Versioned {
  id: number;
  version: number;
}
interface Conflict {
  error: { code: string; current: Versioned & Record<string, unknown> };
}
const CLIENTS = 5;

/** The same write sent by several clients at once, each believing it holds `version`. */
async function race(http: HttpClient, method: string, path: string, bodies: Record<string, unknown>[]) {
  return Promise.all(bodies.map((body) => http.send<Versioned & Conflict & Record<string, unknown>>(method, path, { body })));
}

function oneWinner<R extends { status: number }>(responses: R[], okStatus: number) {
  const winners = responses.filter((r) => r.status === okStatus);
  const losers = responses.filter((r) => r.status !== okStatus);
  expect(winners).toHaveLength(1);
  expect(losers.map((r) => r.status)).toEqual(losers.map(() => 409));
  return { winner: winners[0]!, losers };
}

describe.each(ENGINES)('concurrent edits of the same object (%s)', (engine) => {
  let t: TestApp;
  let http: HttpClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    http = await listenOnLoopback(t);
  });
  afterAll(async () => t.close());

  it('keeps one fiche action update and answers 409 with the current version to the others', async () => {
    const action = await t.database.db.selectFrom('action').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ version: action.version, title: `Titre concurrent ${i}` }));
    const responses = await race(http, 'PATCH', `/actions/${action.id}`, bodies);
    const { winner, losers } = oneWinner(responses, 200);
    const stored = (await http.send<Versioned & { title: string }>('GET', `/actions/${action.id}`)).body;
    expect(stored.title).toBe(winner.body.title);
    expect(stored.version).toBe(action.version + 1);
    for (const loser of losers) expect(loser.body.error).toMatchObject({ code: 'conflict', current: { id: action.id, version: stored.version, title: stored.title } });
  });

  it('records one indicator value among simultaneous entries made against the same version', async () => {
    const indicator = await t.database.db.selectFrom('indicator').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    const countValues = async () => (await t.database.db.selectFrom('indicator_value').select('id').where('indicator_id', '=', indicator.id).execute()).length;
    const before = await countValues();
    const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ version: indicator.version, date: '2026-06-30', value: 10 + i }));
    const responses = await race(http, 'POST', `/indicators/${indicator.id}/values`, bodies);
    const { winner, losers } = oneWinner(responses, 201);
    expect(await countValues()).toBe(before + 1);
    for (const loser of losers) expect(loser.body.error.current.version).toBe(winner.body.version);
    // Without a version the entry is appended as before (imports, integrations).
    expect((await http.send('POST', `/indicators/${indicator.id}/values`, { body: { date: '2026-07-31', value: 3 } })).status).toBe(201);
  });

  it('keeps one indicator update among simultaneous ones', async () => {
    const indicator = await t.database.db.selectFrom('indicator').select(['id', 'version']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ version: indicator.version, title: `Indicateur concurrent ${i}` }));
    const { winner, losers } = oneWinner(await race(http, 'PATCH', `/indicators/${indicator.id}`, bodies), 200);
    for (const loser of losers) expect(loser.body.error.current).toMatchObject({ version: winner.body.version, title: winner.body.title });
  });

  /** A new convention, created « en préparation ». */
  async function newConvention(title: string): Promise<Versioned> {
    const caf = await t.database.db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
    const body = { title, cafId: caf.id, startYear: 2027, endYear: 2031, territoryCodes: ['92002'], themes: ['petite_enfance'] };
    const created = await http.send<Versioned>('POST', '/conventions', { body });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('applies one of several simultaneous status changes and records exactly that transition', async () => {
    const convention = await newConvention('Convention disputée');
    const historyOf = () => t.database.db.selectFrom('convention_status_change').selectAll().where('convention_id', '=', convention.id).orderBy('id').execute();
    const historyBefore = await historyOf();
    const targets = CONVENTION_TRANSITIONS.en_preparation;
    const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ version: convention.version, status: targets[i % targets.length] }));
    const { winner, losers } = oneWinner(await race(http, 'POST', `/conventions/${convention.id}/status`, bodies), 200);
    const history = await historyOf();
    expect(history).toHaveLength(historyBefore.length + 1);
    expect(history.at(-1)).toMatchObject({ from_status: 'en_preparation', to_status: winner.body.status });
    for (const loser of losers) expect(loser.body.error.current).toMatchObject({ status: winner.body.status, version: winner.body.version });
  });

  it('keeps every recorded transition legal when clients keep moving the same convention at once', async () => {
    const convention = await newConvention('Convention bousculée');
    const mover = async (seed: number) => {
      for (let step = 0; step < 4; step++) {
        const current = (await http.send<{ status: ConventionStatus; version: number }>('GET', `/conventions/${convention.id}`)).body;
        const targets = CONVENTION_TRANSITIONS[current.status].filter((s) => s !== 'signee');
        if (targets.length === 0) return;
        const response = await http.send('POST', `/conventions/${convention.id}/status`, { body: { version: current.version, status: targets[(seed + step) % targets.length] } });
        expect([200, 409]).toContain(response.status);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => mover(i)));
    const history = await t.database.db.selectFrom('convention_status_change').selectAll().where('convention_id', '=', convention.id).orderBy('id').execute();
    for (const [index, change] of history.entries()) {
      if (index > 0) expect(change.from_status).toBe(history[index - 1]!.to_status);
      if (change.from_status) expect(CONVENTION_TRANSITIONS[change.from_status as ConventionStatus]).toContain(change.to_status);
    }
    const final = await t.database.db.selectFrom('convention').select('status').where('id', '=', convention.id).executeTakeFirstOrThrow();
    expect(history.at(-1)?.to_status ?? final.status).toBe(final.status);
  });
});
