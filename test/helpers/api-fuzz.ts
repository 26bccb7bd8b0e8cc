import fc from 'fast-check';
import { sql } from 'kysely';
import type { Role } from '../../src/shared/api/accounts.js';
import { ROLES } from '../../src/shared/api/accounts.js';
import { fieldLabel } from '../../src/server/platform/http/errors.js';
import { createUser, signIn, type TestApp } from './app.js';

/**
 * Fuzzing driven by the OpenAPI document: every write operation, its path and query parameters, its
 * headers and its body, sent as every kind of caller. Shared by the test suite (a few hundred cases) and
 * bench/reliability.ts (10,000).
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema };
export interface Operation {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

export async function writeOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.request<{ paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }>({ method: 'GET', url: '/api/v1/openapi.json' })).body;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([m]) => ['post', 'patch', 'put', 'delete'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase() as Operation['method'], path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema })),
  );
}

/** Strings that have broken real applications. */
const NASTY_STRINGS = [
  '', ' ', "'; drop table convention; --", "' or '1'='1", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '2023-02-30', '2023-13-01', '0000-00-00',
  '\u0000', '\u202e\u0041', 'e\u0301', '🙂'.repeat(50), '\ud800', 'x'.repeat(70_000), '9'.repeat(400), '-0', 'NaN', 'Infinity', '__proto__', '{"$gt":""}', '../../etc/passwd', '%00', '１２３',
];
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -1e-308, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.constantFrom('a', 1, null), { maxLength: 3 }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.record({ a: tie('deep') })) })).deep,
  fc.constant(JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60)) as unknown),
);

const idLike = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 60 }));
const isoDate = fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A value that mostly satisfies the schema (ids small enough to exist in the demo), so writes get accepted too. */
export function fromSchema(schema: JsonSchema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant(null);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => fromSchema(s, name, depth + 1)));
  const base = baseArbitrary(schema, name, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function baseArbitrary(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties).map(([key, s]) => [key, fromSchema(s, key, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((k) => k in properties) as never[] });
    }
    case 'array':
      return fc.array(fromSchema(schema.items, name, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'integer': {
      if (/id$|Id$|version/i.test(name) || name === 'id') return idLike;
      const min = Math.max(schema.minimum ?? -5, -1e6);
      return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 2100, 1e6)) });
    }
    case 'number':
      return fc.double({ min: Math.max(schema.minimum ?? -1e6, -1e6), max: Math.min(schema.maximum ?? 1e6, 1e6), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (schema.format === 'date') return isoDate;
      if (/email/i.test(name)) return fc.constantFrom('agent@caf92.fr', 'partenaire@ville.fr');
      if (/themes?$/.test(name)) return fc.constantFrom('petite_enfance', 'jeunesse', 'parentalite');
      if (/territor/i.test(name)) return fc.constantFrom('92002', '92012', '200054781');
      const minLength = schema.minLength ?? 0;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) }).map((s) => (s.trim().length >= minLength ? s : 'Texte valide'.padEnd(minLength, '.')));
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Mostly valid bodies, plus the adversarial ones: a field replaced, a required field removed, extra fields, nonsense. */
function bodyArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const valid = fromSchema(schema);
  const withReplacedField = fc.tuple(valid, fc.nat(), nastyValue).map(([body, index, value]) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return value;
    const keys = Object.keys(schema?.properties ?? {});
    return keys.length === 0 ? body : { ...body, [keys[index % keys.length]!]: value };
  });
  const withoutRequired = fc.tuple(valid, fc.nat()).map(([body, index]) => {
    const required = schema?.required ?? [];
    if (!body || typeof body !== 'object' || required.length === 0) return body;
    const copy = { ...(body as Record<string, unknown>) };
    delete copy[required[index % required.length]!];
    return copy;
  });
  const withExtra = fc.tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), nastyValue).map(([body, key, value]) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [key]: value } : body));
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 3, arbitrary: withReplacedField }, { weight: 1, arbitrary: withoutRequired }, { weight: 1, arbitrary: withExtra }, { weight: 1, arbitrary: nastyValue });
}

const paramValue = (schema: JsonSchema, name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1.5', 'abc', '99999999999999999999999', '1e3', ' 1', '%', '🙂', "1' or '1'='1", 'x'.repeat(300)) },
  );

export type Caller = 'anonyme' | 'administrateur' | Role;
export const CALLERS: Caller[] = ['anonyme', 'administrateur', ...ROLES];

export interface FuzzCase {
  operation: Operation;
  caller: Caller;
  path: Record<string, string>;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  /** A browser caller sending a wrong anti-forgery token. */
  forgeCsrf: boolean;
  body: unknown;
  rawBody?: string;
}

export function caseArbitrary(operations: Operation[]): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...operations).chain((operation) => {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    return fc.record({
      operation: fc.constant(operation),
      caller: fc.constantFrom(...CALLERS),
      path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, p.name === 'id' ? fc.oneof({ weight: 5, arbitrary: idLike.map(String) }, { weight: 1, arbitrary: paramValue(p.schema, p.name) }) : paramValue(p.schema, p.name)]))),
      query: fc.record(Object.fromEntries([...queryParams.map((p) => [p.name, paramValue(p.schema, p.name)] as const), ['inconnu', fc.string({ maxLength: 5 })] as const]), { requiredKeys: [] }),
      headers: fc.record(
        {
          'content-type': fc.oneof(
            { weight: 12, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
            { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x') },
          ),
          'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
          'x-csrf-token': fc.string({ maxLength: 50 }),
          accept: fc.constantFrom('application/json', 'text/html', '*/*', 'image/png'),
          'accept-language': fc.constantFrom('fr', 'en', 'zz', ''),
        },
        { requiredKeys: ['content-type'] },
      ),
      body: bodyArbitrary(operation.body),
      forgeCsrf: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      rawBody: fc.oneof(
        { weight: 14, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('{', '[1,', 'null', '"texte"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"admin":true}}') },
      ),
    });
  });
}

/** Rows that a rejected request may legitimately touch: "last used" marks, failed sign-ins and their counters. */
const BOOKKEEPING: Record<string, string[] | 'all'> = {
  api_token: ['last_used_at'],
  user_session: ['last_seen_at', 'expires_at'],
  security_event: 'all',
  app_user: ['failed_logins', 'locked_until'],
};

/** Every row of every table except bookkeeping, rows sorted: a full dump to compare. */
export async function dumpDatabase(t: TestApp): Promise<Record<string, string[]>> {
  const tables = (await t.database.db.introspection.getTables()).map((table) => table.name).filter((name) => BOOKKEEPING[name] !== 'all');
  const dump: Record<string, string[]> = {};
  if (t.database.engine === 'postgres') {
    const selects = tables.map((name) => sql`(select coalesce(json_agg(x), '[]'::json) from ${sql.table(name)} x) as ${sql.ref(name)}`);
    const row = (await sql<Record<string, Record<string, unknown>[]>>`select ${sql.join(selects)}`.execute(t.database.db)).rows[0]!;
    for (const name of tables) dump[name] = normalise(name, row[name]!);
  } else {
    for (const name of tables) dump[name] = normalise(name, (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.database.db)).rows);
  }
  return dump;
}

function normalise(table: string, rows: Record<string, unknown>[]): string[] {
  const ignored = BOOKKEEPING[table];
  return rows
    .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !(Array.isArray(ignored) && ignored.includes(column))).sort(([a], [b]) => a.localeCompare(b))))
    .sort();
}

export function diffDumps(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}

export interface FuzzContext {
  t: TestApp;
  credentials: Record<Caller, Record<string, string>>;
}

/** A user per role in the demo's Caf, signed in as a browser would (cookie and CSRF token). */
export async function prepareCallers(t: TestApp): Promise<FuzzContext> {
  const caf = await t.database.db.selectFrom('organisation').select('id').where('kind', '=', 'caf').orderBy('id').executeTakeFirstOrThrow();
  const partner = await t.database.db.selectFrom('organisation').select('id').where('kind', '!=', 'caf').orderBy('id').executeTakeFirstOrThrow();
  const credentials = { anonyme: {}, administrateur: t.adminHeaders } as Record<Caller, Record<string, string>>;
  for (const role of ROLES) {
    const email = `${role.replace('_', '.')}@fuzz.fr`;
    const organisationId = role.startsWith('caf') ? caf.id : partner.id;
    await createUser(t.database, { email, password: 'mot de passe solide 42', memberships: [{ organisationId, role }] });
    const session = await signIn(t, email, 'mot de passe solide 42');
    credentials[role] = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  }
  return { t, credentials };
}

export const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? '1'));

export interface CaseResult {
  status: number;
  message?: string;
  problems: string[];
}

/**
 * One request and its properties: never a 5xx; a rejection is a 4xx with the documented shape and a
 * French message (naming the field when fields are listed) and changes nothing; an accepted write
 * reads back as the server answered it.
 */
export async function runCase(ctx: FuzzContext, c: FuzzCase, before: Record<string, string[]>): Promise<CaseResult & { after: Record<string, string[]> }> {
  const { t } = ctx;
  const query = new URLSearchParams(Object.entries(c.query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const url = `${fillPath(c.operation.path, c.path)}${query ? `?${query}` : ''}`;
  // API tokens excepted: revoking the fuzzing's own token would turn every later case into a 401.
  if (/api-tokens\/\{/.test(c.operation.path) && c.caller === 'administrateur') return { status: 0, problems: [], after: before };
  const headers = Object.fromEntries(Object.entries({ ...c.headers, ...ctx.credentials[c.caller] }).filter((e): e is [string, string] => e[1] !== undefined));
  if (c.forgeCsrf && headers.cookie) headers['x-csrf-token'] = c.headers['x-csrf-token'] ?? 'faux';
  const payload = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  const response = await t.app.inject({ method: c.operation.method, url, headers, payload });
  const problems: string[] = [];
  const status = response.statusCode;
  if (status >= 500) problems.push(`réponse ${status} : ${response.body.slice(0, 300)}`);
  const after = await dumpDatabase(t);
  if (status >= 400 && status < 500) {
    const error = safeJson(response.body)?.error as { code?: unknown; message?: unknown; fields?: { path: string; message: string }[] } | undefined;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string') problems.push(`${status} sans la forme d’erreur documentée : ${response.body.slice(0, 200)}`);
    else if (ENGLISH.test(error.message) || error.message.trim() === '') problems.push(`message non français : ${error.message}`);
    else if (error.code === 'validation' && !(error.fields?.length && error.message.includes(fieldLabel(error.fields[0]!.path)))) problems.push(`erreur de validation sans champ nommé : ${error.message}`);
    const changed = diffDumps(before, after);
    if (changed.length > 0) problems.push(`requête refusée (${status}) mais tables modifiées : ${changed.join(', ')}`);
  } else if (status < 300 && (c.operation.method === 'PATCH' || c.operation.method === 'PUT')) {
    problems.push(...(await readBack(ctx, url.split('?')[0]!, response.body, headers)));
  }
  return { status, problems, after, message: response.body.slice(0, 300) };
}

/** Words of the framework's and libraries' English messages: none may reach a user. */
const ENGLISH = /\b(the|must|should|expected|required|invalid input|not found|unexpected|error|bad request|unauthorized|forbidden|failed|cannot|undefined)\b/i;

const safeJson = (text: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** The object a write answered with is what a read of the same address gives afterwards. */
async function readBack(ctx: FuzzContext, path: string, written: string, headers: Record<string, string>): Promise<string[]> {
  const read = await ctx.t.app.inject({ method: 'GET', url: path, headers: { ...ctx.credentials.administrateur, accept: headers.accept ?? 'application/json' } });
  if (read.statusCode !== 200) return [];
  const answer = safeJson(written);
  const stored = safeJson(read.body);
  if (!answer || !stored) return [];
  const differing = Object.keys(answer).filter((key) => key !== 'abilities' && key in stored && JSON.stringify(answer[key]) !== JSON.stringify(stored[key]));
  return differing.length > 0 ? [`écriture relue différente sur ${path} : ${differing.join(', ')}`] : [];
}
