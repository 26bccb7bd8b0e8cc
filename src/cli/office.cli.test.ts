import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.js';
import { openCliDatabase } from '../../test/helpers/cli.js';
import { snapshotCounts } from '../../test/helpers/app.js';
import { readWorkbook, columnOf, workbookBuffer } from '../../test/helpers/xlsx.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;

describe.each(ENGINES)('pilote-ctg export and import xlsx (%s)', (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let issyId: number;
  let emptyId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-office-cli-'));
    ({ database, env } = await openCliDatabase(engine, dir));
    const issy = await database.db.selectFrom('convention').select(['id', 'caf_id']).where('title', 'like', '%Issy%').executeTakeFirstOrThrow();
    issyId = issy.id;
    const now = new Date().toISOString();
    const inserted = await database.db
      .insertInto('convention')
      .values({ title: 'CTG vide pour l’import', caf_id: issy.caf_id, status: 'en_preparation', start_year: 2026, end_year: 2030, predecessor_id: null, summary: null, search_text: 'ctg vide', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    emptyId = inserted.id;
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => run(process.execPath, [BIN, ...args], { env });

  it('exports a convention in every format', async () => {
    for (const format of ['xlsx', 'docx', 'pdf', 'csv', 'json']) {
      const out = join(dir, `issy.${format}`);
      const { stdout } = await cli('export', format, '--convention', String(issyId), '--out', out);
      expect(stdout).toContain(out);
      expect(readFileSync(out).length).toBeGreaterThan(100);
    }
    expect(readFileSync(join(dir, 'issy.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await mammoth.extractRawText({ path: join(dir, 'issy.docx') })).value).toContain('Issy-les-Moulineaux');
    expect(readFileSync(join(dir, 'issy.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,convention_id,titre,/);
    expect(JSON.parse(readFileSync(join(dir, 'issy.json'), 'utf8')).data.every((a: { convention_id: number }) => a.convention_id === issyId)).toBe(true);
    // Five processes in a row, each opening the database and building the app: slow on a busy machine.
  }, 180_000);

  it('imports the exported plan: the dry run prints the report and writes nothing, then the import writes it all', async () => {
    const file = join(dir, 'issy.xlsx');
    const before = await snapshotCounts(database);
    const dry = await cli('import', 'xlsx', file, '--convention', String(emptyId), '--dry-run');
    expect(dry.stdout).toContain('Import à blanc : rien n’a été enregistré.');
    expect(dry.stdout).toMatch(/Actions : 7 à créer, 0 à mettre à jour/);
    expect(await snapshotCounts(database)).toEqual(before);
    const applied = await cli('import', 'xlsx', file, '--convention', String(emptyId));
    expect(applied.stdout).toContain('Import appliqué.');
    const titles = async (id: number) => (await database.db.selectFrom('action').select('title').where('convention_id', '=', id).orderBy('position').execute()).map((r) => r.title);
    expect(await titles(emptyId)).toEqual(await titles(issyId));
  });

  it('names the bad cells and fails without writing anything', async () => {
    const workbook = await readWorkbook(readFileSync(join(dir, 'issy.xlsx')));
    const sheet = workbook.getWorksheet('Actions')!;
    sheet.getRow(2).getCell(columnOf(sheet, 'Avancement (%)')).value = 250;
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, await workbookBuffer(workbook));
    const before = await snapshotCounts(database);
    const failure = await cli('import', 'xlsx', bad, '--convention', String(emptyId)).catch((error: { stderr: string; code: number }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('Le classeur contient 1 erreur : rien n’a été importé.');
    expect((failure as { stderr: string }).stderr).toMatch(/Actions, ligne 2, colonne [A-Z]+ \(Avancement \(%\)\)/);
    expect(await snapshotCounts(database)).toEqual(before);
    // The dry run prints the whole report, the bad cell included, and fails too.
    const dry = await cli('import', 'xlsx', bad, '--convention', String(emptyId), '--dry-run').catch((error: { stdout: string; code: number }) => error);
    expect('code' in dry && dry.code).toBe(1);
    expect((dry as { stdout: string }).stdout).toContain('Import à blanc : rien n’a été enregistré.');
    expect((dry as { stdout: string }).stdout).toMatch(/1 erreur\(s\) :\n {2}· Actions, ligne 2, colonne [A-Z]+ \(Avancement \(%\)\) : « 250 »/);
    expect(await snapshotCounts(database)).toEqual(before);
  });

  it('refuses an unknown format and a malformed convention id in French', async () => {
    const format = await cli('export', 'odt', '--convention', String(issyId), '--out', join(dir, 'x.odt')).catch((error: { stderr: string }) => error);
    expect((format as { stderr: string }).stderr).toContain('format inconnu : « odt » (xlsx, docx, pdf, csv ou json)');
    const id = await cli('import', 'xlsx', join(dir, 'issy.xlsx'), '--convention', 'douze', '--dry-run').catch((error: { stderr: string }) => error);
    expect((id as { stderr: string }).stderr).toContain('identifiant de convention invalide : « douze »');
  });
});
