import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, setCsrfToken } from './http.js';

type Call = { url: string; method: string; csrf: string | undefined };

/** A fake server answering in sequence, recording what the client sent. */
function fakeServer(answers: { status: number; body?: unknown }[]) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ url, method: init.method ?? 'GET', csrf: headers['x-csrf-token'] });
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected request');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiFetch and the anti-forgery token', () => {
  it('sends the session token on writes only', async () => {
    setCsrfToken('jeton-1');
    const calls = fakeServer([{ status: 200, body: { ok: true } }, { status: 200, body: { id: 1 } }]);
    await apiFetch('/conventions');
    await apiFetch('/conventions', { method: 'POST', body: { title: 'x' } });
    expect(calls.map((c) => [c.method, c.csrf])).toEqual([
      ['GET', undefined],
      ['POST', 'jeton-1'],
    ]);
  });

  it('takes the new token and tries once more when the session changed elsewhere', async () => {
    setCsrfToken('ancien');
    const csrfError = { error: { code: 'csrf', message: 'Jeton anti-falsification manquant ou invalide.' } };
    const calls = fakeServer([
      { status: 403, body: csrfError },
      { status: 200, body: { user: null, csrfToken: 'nouveau' } },
      { status: 200, body: { id: 7 } },
    ]);
    expect(await apiFetch('/actions/7', { method: 'PATCH', body: {} })).toEqual({ id: 7 });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.csrf ?? '-'}`)).toEqual([
      'PATCH /api/v1/actions/7 ancien',
      'GET /api/v1/auth/me -',
      'PATCH /api/v1/actions/7 nouveau',
    ]);
  });

  it('keeps a real 403 (outside the scope) as an access refusal, without retrying', async () => {
    const calls = fakeServer([{ status: 403, body: { error: { code: 'forbidden', message: 'Hors périmètre.' } } }]);
    const error = await apiFetch('/conventions/2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isForbidden).toBe(true);
    expect((error as ApiError).message).toBe('Hors périmètre.');
    expect(calls).toHaveLength(1);
  });
});
