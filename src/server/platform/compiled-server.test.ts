import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, prepareSqliteFile, spawnServer, type ServerProcess } from '../../../test/helpers/server-process.js';
import { projectRoot } from './project-root.js';

const COMPILED = join(projectRoot(), 'dist/server/pilote-ctg.mjs');
const DOCUMENT_LIBRARIES = ['exceljs', 'pdfkit', 'docx'];

/** Every module the compiled server loads at start: the entry and the chunks it imports statically. */
function modulesLoadedAtStart(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, path] of readFileSync(entry, 'utf8').matchAll(/^import .*?from "(\.{1,2}\/[^"]+)";$/gms)) modulesLoadedAtStart(join(dirname(entry), path!), seen);
  return seen;
}

describe('the compiled server (npm start, ADR 0024)', () => {
  it('loads no document library at start: they come with the first export', () => {
    const atStart = [...modulesLoadedAtStart(COMPILED)];
    expect(atStart.length).toBeGreaterThan(1);
    const imported = atStart.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^import .*?from "([^".][^"]*)";$/gms)].map((m) => m[1]!));
    expect(imported).toEqual(expect.arrayContaining(['fastify', 'kysely', 'better-sqlite3']));
    expect(imported.filter((name) => DOCUMENT_LIBRARIES.includes(name))).toEqual([]);
  });

  describe('started on the demo', () => {
    let dir: string;
    let server: ServerProcess;
    let token: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pilote-compile-'));
      const prepared = await prepareSqliteFile(dir);
      token = prepared.token;
      server = await spawnServer({ port: await freePort(), env: { SQLITE_PATH: prepared.sqlitePath } });
    });
    afterAll(async () => {
      server?.child.kill('SIGTERM');
      await server?.exited;
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers from its own files: health, the open data schema read from docs/', async () => {
      expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toMatchObject({ status: 'ok', database: 'sqlite' });
      const schema = (await (await fetch(`${server.url}/api/v1/open-data/schemas/conventions.json`)).json()) as { name: string; fields: unknown[] };
      const onDisk = JSON.parse(readFileSync(join(projectRoot(), 'docs/open-data/conventions.schema.json'), 'utf8')) as { name: string; fields: unknown[] };
      expect(schema).toEqual(onDisk);
    });

    it('loads a document library when a document is first asked for', async () => {
      const headers = { authorization: `Bearer ${token}` };
      const { items } = (await (await fetch(`${server.url}/api/v1/conventions?limit=1`, { headers })).json()) as { items: { id: number }[] };
      const first = items[0];
      const pdf = await fetch(`${server.url}/api/v1/conventions/${first!.id}/summary.pdf`, { headers });
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      const workbook = await fetch(`${server.url}/api/v1/conventions/${first!.id}/plan.xlsx`, { headers });
      expect(workbook.status).toBe(200);
      expect(Buffer.from(await workbook.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    });
  });
});
