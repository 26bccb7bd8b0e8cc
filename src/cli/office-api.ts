import { withDatabase } from './database.js';
import { buildApp } from '../server/app.js';
import { INTERNAL_HEADER } from '../server/platform/http/auth.js';
import { loadConfig } from '../server/platform/config.js';

export interface ApiAnswer {
  status: number;
  body: Buffer;
  json<T>(): T;
}

/** One request to the API in-process, as the system (ADR 0005): same rules, messages and files as over HTTP. */
export async function callApi(options: { method: 'GET' | 'POST'; url: string; payload?: Buffer; headers?: Record<string, string> }): Promise<ApiAnswer> {
  return withDatabase(async (database) => {
    const app = await buildApp({ database, config: loadConfig(), logger: false });
    try {
      const response = await app.inject({ ...options, headers: { ...options.headers, [INTERNAL_HEADER]: app.internalSecret } });
      const body = response.rawPayload;
      return { status: response.statusCode, body, json: <T>() => JSON.parse(body.toString('utf8')) as T };
    } finally {
      await app.close();
    }
  });
}

/** The API's French error, with the fields it names, as one message. */
export function errorOf(answer: ApiAnswer): Error {
  try {
    const { error } = answer.json<{ error: { message: string; fields?: { path: string; message: string }[] } }>();
    const fields = (error.fields ?? []).map((f) => `\n  · ${f.path} : ${f.message}`).join('');
    return new Error(`${error.message}${fields}`);
  } catch {
    return new Error(`HTTP ${answer.status}`);
  }
}

export function conventionIdOf(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw new Error(`identifiant de convention invalide : « ${value ?? ''} » (--convention <id>)`);
  return Number(value);
}
