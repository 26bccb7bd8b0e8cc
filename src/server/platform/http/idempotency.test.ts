import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../../test/helpers/app.js';
import { listenOnLoopback, type HttpClient } from '../../../../test/helpers/http.js';

interface Note {
  id: number;
  body: string;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string }[] };
}

describe.each(ENGINES)('Idempotency-Key on creating requests (%s)', (engine) => {
  let t: TestApp;
  let http: HttpClient;
  let actionId: number;
  const notesCount = async () => (await t.database.db.selectFrom('action_note').select('id').where('action_id', '=', actionId).execute()).length;
  const note = (body: string) => ({ date: '2026-11-28', author: 'Service enfance', body });
  const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
    http.send<Note & ErrorBody>('POST', `/actions/${actionId}/notes`, { body, headers: { 'idempotency-key': key, ...headers } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    http = await listenOnLoopback(t);
    actionId = (await t.database.db.selectFrom('action').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  it('replays the first response for the same key and body, without a second row', async () => {
    const before = await notesCount();
    const first = await post('cle-rejeu-1', note('Réunion de lancement'));
    const again = await post('cle-rejeu-1', note('Réunion de lancement'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await notesCount()).toBe(before + 1);
  });

  it('refuses the same key with another body, in French, naming the header', async () => {
    await post('cle-reutilisee', note('Premier texte'));
    const before = await notesCount();
    const reused = await post('cle-reutilisee', note('Autre texte'));
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: 'idempotency_mismatch', message: expect.stringContaining('Idempotency-Key') });
    expect(reused.body.error.fields?.[0]?.path).toBe('Idempotency-Key');
    expect(await notesCount()).toBe(before);
  });

  it('creates one row when the same request is submitted many times at once', async () => {
    const before = await notesCount();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('cle-double-clic', note('Double clic'))));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await notesCount()).toBe(before + 1);
  });

  it('releases the key of a refused request so that the corrected one goes through', async () => {
    const refused = await post('cle-corrigee', { ...note('x'), date: '2023-02-30' });
    expect(refused.status).toBe(400);
    expect((await post('cle-corrigee', note('Texte corrigé'))).status).toBe(201);
  });

  it('refuses a malformed key with a French message', async () => {
    const before = await notesCount();
    const response = await post('é'.repeat(3), note('Clé accentuée'));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Idempotency-Key/);
    expect(await notesCount()).toBe(before);
  });

  it('keeps the keys of different callers apart', async () => {
    await createUser(t.database, { email: 'idem@example.fr', password: 'mot de passe solide 42', admin: true });
    const session = await signIn(t, 'idem@example.fr', 'mot de passe solide 42');
    const before = await notesCount();
    const mine = await post('cle-partagee', note('Note du jeton'));
    const theirs = await post('cle-partagee', note('Note de la personne'), { authorization: '', cookie: session.cookie, 'x-csrf-token': session.csrf });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.body).toBe('Note de la personne');
    expect(await notesCount()).toBe(before + 2);
  });
});
