import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, createUser, signIn, type TestApp } from '../../../../test/helpers/app.js';
import { CACHED_TABLES } from '../db/versions.js';

/**
 * A route that declares the tables it reads (`cacheReads`, ADR 0022) keeps its answers while none of them
 * moves: a table left out of the declaration would serve stale answers. Each such route is replayed, on
 * a cold cache, as each kind of caller, while every SQL statement SQLite runs is recorded; the tables
 * the statements name must all be declared.
 */

/**
 * Tables a request may read without declaring them: their writes move the callers version, which every
 * kept answer is checked against (accounts and organisations move both).
 */
const CALLER_TABLES = ['data_version', 'table_version', 'membership', 'user_session', 'api_token', 'app_user', 'organisation'];

/** Derived tables: reading them reads the tables they are kept from (search triggers). */
const DERIVED: Record<string, string[]> = {
  search_fts: ['convention', 'action', 'action_note'],
  search_fts_data: ['convention', 'action', 'action_note'],
  search_document: ['convention', 'action', 'action_note'],
};

const SQL_WORDS = new Set(['where', 'inner', 'left', 'join', 'on', 'group', 'order', 'limit', 'union', 'cross']);

/**
 * `convention_activity` is read by a statement that reads `updated_at` of a convention: through an alias
 * of it, by `select *`, or unqualified where no other table it names has such a column.
 */
function readsConventionActivity(text: string, named: readonly string[], withUpdatedAt: readonly string[]): boolean {
  const aliases = [...text.matchAll(/\b(?:from|join)\s+"?convention"?(?:\s+as)?(?:\s+"?(\w+)"?)?/gi)].map((m) =>
    m[1] && !SQL_WORDS.has(m[1].toLowerCase()) ? m[1] : 'convention',
  );
  if (aliases.length === 0) return false;
  if (aliases.some((alias) => new RegExp(`"?\\b${alias}"?\\."?(updated_at|\\*)`).test(text))) return true;
  if (/select\s+\*\s+from\s+"?convention"?(\s|$)/i.test(text)) return true;
  const others = named.filter((table) => table !== 'convention' && withUpdatedAt.includes(table));
  return others.length === 0 && /(^|[^."\w])"?updated_at\b/.test(text);
}

function tablesNamed(text: string, known: readonly string[], withUpdatedAt: readonly string[]): string[] {
  const named = known.filter((table) => new RegExp(`(^|[^\\w.])"?${table}"?($|[^\\w])`).test(text));
  const expanded = named.flatMap((table) => DERIVED[table] ?? [table]);
  if (readsConventionActivity(text, named, withUpdatedAt)) expanded.push('convention_activity');
  return [...new Set(expanded)];
}

/** Every statement better-sqlite3 runs in this process, while recording: its text, and with its values. */
function recordStatements() {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as new (path: string) => { prepare(sql: string): object; close(): void };
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  const seen: string[] = [];
  const calls: string[] = [];
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = prototype[method]!;
    originals.set(method, original);
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      seen.push(this.source);
      calls.push(`${this.source} ${JSON.stringify(args)}`);
      return original.apply(this, args);
    };
  }
  return { seen, calls, restore: () => originals.forEach((original, method) => (prototype[method] = original)) };
}

describe('tables declared by cached routes', () => {
  let t: TestApp;
  let recorder: ReturnType<typeof recordStatements>;
  let allTables: string[];
  let withUpdatedAt: string[];
  const callers: Record<string, Record<string, string>> = {};
  const samples: Record<string, string[]> = {};
  let colleague: Record<string, string>;
  const undeclared: Record<string, string[]> = {};
  const declaring = () => t.app.cacheDeclarations.filter((d) => d.reads !== null);

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const { db } = t.database;
    allTables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name);
    withUpdatedAt = (await sql<{ name: string }>`select m.name from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and c.name = 'updated_at'`.execute(db)).rows.map((r) => r.name);
    const caf = await db.selectFrom('organisation').select('id').where('kind', '=', 'caf').executeTakeFirstOrThrow();
    for (const email of ['agent@caf.fr', 'collegue@caf.fr']) {
      await createUser(t.database, { email, password: 'mot de passe solide 42', memberships: [{ organisationId: caf.id, role: 'caf_agent' }] });
    }
    const agent = await signIn(t, 'agent@caf.fr', 'mot de passe solide 42');
    colleague = { cookie: (await signIn(t, 'collegue@caf.fr', 'mot de passe solide 42')).cookie };
    callers['administrateur'] = t.adminHeaders;
    callers['agent de la Caf'] = { cookie: agent.cookie };
    callers['public'] = {};
    const conventions = (await db.selectFrom('convention').select('id').execute()).map((r) => r.id);
    const indicator = await db.selectFrom('indicator').select('id').executeTakeFirstOrThrow();
    Object.assign(samples, {
      '/api/v1/themes': ['/api/v1/themes'],
      '/api/v1/stats': ['/api/v1/stats', '/api/v1/stats?year=2024'],
      '/api/v1/conventions': ['/api/v1/conventions', '/api/v1/conventions?q=enfance&status=signee', '/api/v1/conventions?theme=jeunesse&year=2024'],
      '/api/v1/conventions/:id': conventions.map((id) => `/api/v1/conventions/${id}`),
      '/api/v1/actions': [`/api/v1/actions?convention=${conventions[0]}`, '/api/v1/actions?q=parentalite', '/api/v1/actions?theme=jeunesse&status=en_cours'],
      '/api/v1/indicators/:id': [`/api/v1/indicators/${indicator.id}`],
    });
    // Kept until any write: they declare no tables, but like every cached route answer from rights alone.
    Object.assign(undeclared, {
      '/api/v1/search': ['/api/v1/search?q=enfance', '/api/v1/search?q=parentalite&kind=action'],
      '/api/v1/coverage': ['/api/v1/coverage?departement=92&date=2025-12-31'],
      '/api/v1/coverage/timeline': ['/api/v1/coverage/timeline?departement=92'],
      '/api/v1/themes-matrix': ['/api/v1/themes-matrix?departement=92'],
    });
    recorder = recordStatements();
  });
  afterAll(async () => {
    recorder?.restore();
    await t?.close();
  });

  it('has sample addresses for every route that declares its tables', () => {
    expect(declaring().map((d) => d.url).sort()).toEqual(Object.keys(samples).sort());
    expect(t.app.cacheDeclarations.filter((d) => d.reads === null).map((d) => d.url).sort()).toEqual(Object.keys(undeclared).sort());
    for (const { reads } of declaring()) for (const table of reads!) expect(CACHED_TABLES).toContain(table);
  });

  it('declares every table each of them reads, whoever calls', async () => {
    const missing: string[] = [];
    for (const { url, reads } of declaring()) {
      for (const address of samples[url] ?? []) {
        for (const [who, headers] of Object.entries(callers)) {
          recorder.seen.length = 0;
          const response = await t.app.inject({ url: address, headers });
          if (response.statusCode >= 500) throw new Error(`${address} (${who}) : ${response.statusCode}`);
          const named = new Set(recorder.seen.flatMap((text) => tablesNamed(text, allTables, withUpdatedAt)));
          for (const table of named) {
            if (!reads!.includes(table as never) && !CALLER_TABLES.includes(table)) missing.push(`${url} lit ${table} (${address}, ${who})`);
          }
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  /** Moves every table's version: the next request of every cached route computes its answer again. */
  const moveEveryTable = () =>
    sql`update table_version set value = (select value + 1 from data_version where id = 1)`.execute(t.database.db).then(() => sql`update data_version set value = value + 1 where id = 1`.execute(t.database.db));

  it('answers two agents with the same memberships alike: the statements and their values do not depend on who calls', async () => {
    const differing: string[] = [];
    for (const address of [...Object.values(samples), ...Object.values(undeclared)].flat()) {
      const runs = [];
      for (const headers of [callers['agent de la Caf']!, colleague]) {
        await moveEveryTable();
        recorder.calls.length = 0;
        const response = await t.app.inject({ url: address, headers });
        expect(response.statusCode, address).toBe(200);
        runs.push({ body: response.body, calls: recorder.calls.filter((c) => !/\b(data_version|table_version|user_session|app_user|membership)\b/.test(c)).join('\n') });
      }
      expect(runs[0]!.calls.length, address).toBeGreaterThan(0);
      if (runs[0]!.body !== runs[1]!.body || runs[0]!.calls !== runs[1]!.calls) differing.push(address);
    }
    expect(differing).toEqual([]);
  });

  it('tells the tables a statement reads, the activity of conventions included', () => {
    const known = ['convention', 'action', 'theme', 'search_fts'];
    const withUpdatedAt = ['convention', 'action'];
    expect(tablesNamed('select "c"."id", "c"."updated_at" from "convention" as "c"', known, withUpdatedAt).sort()).toEqual(['convention', 'convention_activity']);
    expect(tablesNamed('select "a"."updated_at" from "action" as "a" where "a"."convention_id" in (select id from convention where caf_id in (?))', known, withUpdatedAt).sort()).toEqual(['action', 'convention']);
    expect(tablesNamed('select * from "convention" where "id" = ?', known, withUpdatedAt).sort()).toEqual(['convention', 'convention_activity']);
    expect(tablesNamed('select "title", "updated_at" from "convention" where "id" = ?', known, withUpdatedAt).sort()).toEqual(['convention', 'convention_activity']);
    expect(tablesNamed('select "title", "updated_at" from "action" where "convention_id" in (select id from convention)', known, withUpdatedAt).sort()).toEqual(['action', 'convention']);
    expect(tablesNamed('select theme_code from x join search_fts on 1', known, withUpdatedAt).sort()).toEqual(['action', 'action_note', 'convention']);
  });
});
