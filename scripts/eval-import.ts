/**
 * Per-field precision and recall of the text import on the corpus in test/import-corpus/.
 * Runs on a temporary SQLite database loaded with the whole Code officiel géographique.
 *   npx tsx scripts/eval-import.ts [--verbose]
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDb } from '../src/server/platform/db/create-db.js';
import { migrateToLatest } from '../src/server/platform/db/migrate.js';
import { loadTerritories } from '../src/server/territories/territories.loader.js';
import { databaseGazetteer } from '../src/server/imports/imports.repository.js';
import { extractFromText } from '../src/server/imports/extract.js';
import { textOfFile } from '../src/server/imports/file-text.js';
import { emptyScores, FIELDS, precision, recall, scoreText, type ExpectedConvention } from '../src/server/imports/evaluate.js';

const corpus = resolve(import.meta.dirname, '../test/import-corpus');
const verbose = process.argv.includes('--verbose');
const path = join(tmpdir(), `pilote-eval-import-${process.pid}.sqlite`);
const database = createDb({ sqlitePath: path });
try {
  await migrateToLatest(database.db);
  await loadTerritories(database.db);
  const gazetteer = databaseGazetteer(database.db);
  const scores = emptyScores();
  const files = readdirSync(corpus).filter((f) => /\.(txt|html|docx|pdf)$/.test(f)).sort();
  for (const file of files) {
    const expected = JSON.parse(readFileSync(join(corpus, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as { conventions: ExpectedConvention[] };
    const text = await textOfFile(file, readFileSync(join(corpus, file)));
    const { conventions } = await extractFromText(text, gazetteer, { today: new Date('2026-11-28T12:00:00Z') });
    const own = emptyScores();
    scoreText(own, expected.conventions, conventions);
    scoreText(scores, expected.conventions, conventions);
    if (verbose) {
      const misses = FIELDS.filter((f) => own[f].falsePositives + own[f].falseNegatives > 0);
      console.log(`${file}: ${conventions.length}/${expected.conventions.length} convention(s)${misses.length ? ` — écarts : ${misses.join(', ')}` : ''}`);
    }
  }
  const pct = (n: number) => `${(100 * n).toFixed(1).padStart(6)} %`;
  console.log(`Corpus : ${files.length} textes (test/import-corpus)\n`);
  console.log(`${'champ'.padEnd(24)}${'précision'.padStart(10)}${'rappel'.padStart(10)}   VP / FP / FN`);
  for (const field of FIELDS) {
    const s = scores[field];
    console.log(`${field.padEnd(24)}${pct(precision(s)).padStart(10)}${pct(recall(s)).padStart(10)}   ${s.truePositives} / ${s.falsePositives} / ${s.falseNegatives}`);
  }
} finally {
  await database.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}
