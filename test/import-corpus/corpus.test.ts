import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { createDb } from '../../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { loadTerritories } from '../../src/server/territories/territories.loader.js';
import { databaseGazetteer } from '../../src/server/imports/imports.repository.js';
import { extractFromText } from '../../src/server/imports/extract.js';
import { textOfFile } from '../../src/server/imports/file-text.js';
import { emptyScores, FIELDS, precision, recall, scoreText, type ExpectedConvention } from '../../src/server/imports/evaluate.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;
const SEED = new URL('../../../shared/seed/000_57ebfbad31fc1392.txt', import.meta.url).pathname;
const CORPUS = new URL('.', import.meta.url).pathname;
/** Départements the corpus texts speak of. */
const DEPARTEMENTS = ['25', '33', '35', '38', '44', '59', '62', '67', '69', '71', '92', '93'];

describe.each(ENGINES)('text import corpus and CLI (%s)', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-import-'));
    if (engine === 'sqlite') {
      const sqlitePath = join(dir, 'import.sqlite');
      const handle = createDb({ sqlitePath });
      await migrateToLatest(handle.db);
      database = { ...handle, engine, url: sqlitePath, drop: () => handle.close() };
      env = { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' };
    } else {
      database = await createTestDatabase(engine);
      env = { ...process.env, DATABASE_URL: database.url };
    }
    await loadTerritories(database.db, { departements: DEPARTEMENTS });
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every field of the corpus at its measured precision and recall', async () => {
    const scores = emptyScores();
    const files = readdirSync(CORPUS).filter((f) => /\.(txt|html)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const expected = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as { conventions: ExpectedConvention[] };
      const text = await textOfFile(file, readFileSync(join(CORPUS, file)));
      scoreText(scores, expected.conventions, (await extractFromText(text, databaseGazetteer(database.db))).conventions);
    }
    for (const field of FIELDS) {
      expect.soft(precision(scores[field]), `${field} precision`).toBeGreaterThanOrEqual(0.8);
      expect.soft(recall(scores[field]), `${field} recall`).toBeGreaterThanOrEqual(0.8);
    }
    expect(recall(scores.territories)).toBe(1);
    expect(recall(scores.projects)).toBe(1);
  });

  it('npx pilote-ctg import-text FILE --json prints the conventions of the founding document', async () => {
    const { stdout } = await run('node', [BIN, 'import-text', SEED, '--json'], { env });
    const json = JSON.parse(stdout) as { conventions: { caf: string; territories: { code: string; kind: string }[]; signatureDate: string; signatories: unknown[] }[] };
    expect(json.conventions.map((c) => [c.territories[0]!.code, c.signatureDate, c.signatories.length, c.caf])).toEqual([
      ['92009', '2023-03-08', 3, 'Caf des Hauts-de-Seine'],
      ['92040', '2023-03-15', 3, 'Caf des Hauts-de-Seine'],
      ['92012', '2023-03-20', 3, 'Caf des Hauts-de-Seine'],
    ]);
    const failed = await run('node', [BIN, 'import-text', join(dir, 'absent.txt')], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('Erreur');
  });
});
