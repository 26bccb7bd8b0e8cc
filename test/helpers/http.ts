import type { TestApp } from './app.js';

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HttpClient {
  baseUrl: string;
  send<T = unknown>(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<HttpResponse<T>>;
}

/**
 * Puts the test app on a loopback port: requests sent with `Promise.all` then really overlap, each on
 * its own socket, instead of running one after the other as `app.inject` would.
 */
export async function listenOnLoopback(t: TestApp): Promise<HttpClient> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    async send<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...t.adminHeaders, ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${address}/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
    },
  };
}
