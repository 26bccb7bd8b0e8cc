import { INTERNAL_HEADER } from '../server/platform/http/auth.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { countTerritories } from '../server/territories/territories.repository.js';
import { loadTerritories } from '../server/territories/territories.loader.js';
import { textOfFile } from '../server/imports/file-text.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import type { ExtractedConvention, Extraction } from '../shared/api/imports.js';

function printConvention(c: ExtractedConvention, index: number): void {
  console.log(`Convention ${index + 1}${c.planned ? ' (signature annoncée)' : ''}`);
  console.log(`  Caf : ${c.caf ?? '—'}${c.cafInferred ? ' (déduite du territoire)' : ''}`);
  console.log(`  Territoires : ${c.territories.map((t) => `${t.name} (${t.code})`).join(', ') || '—'}`);
  if (c.otherParties.length) console.log(`  Autres parties : ${c.otherParties.join(', ')}`);
  console.log(`  Signature : ${c.signatureDate ?? '—'}${c.signatureDateInferred ? ' (année déduite)' : ''}${c.place ? ` — ${c.place}` : ''}`);
  console.log(`  Période : ${c.period ? `${c.period.start}–${c.period.end}` : '—'}`);
  for (const s of c.signatories) console.log(`  · ${s.name ?? '?'}${s.capacity ? `, ${s.capacity}` : ''}`);
  for (const p of c.projects) console.log(`  - ${p.title} [${p.themes.join(', ')}]`);
}

export function registerImportTextCommand(program: Command): void {
  program
    .command('import-text <file>')
    .description('Lit un texte (.txt, .html, .docx, .pdf) et en extrait les conventions, sans rien enregistrer')
    .option('--json', 'sortie JSON')
    .option('--with-text', 'inclure le texte normalisé (positions des extraits) dans le JSON')
    .action(async (file: string, options: { json?: boolean; withText?: boolean }) => {
      const content = await readFile(file).catch(() => {
        throw new Error(`fichier introuvable ou illisible : « ${file} »`);
      });
      const text = await textOfFile(basename(file), content);
      // Read through the API in-process (ADR 0005): same validation, messages and JSON as POST /imports/extract.
      const extraction = await withDatabase(async (database) => {
        if ((await countTerritories(database.db)) === 0) await loadTerritories(database.db);
        const app = await buildApp({ database, config: loadConfig(), logger: false });
        try {
          const response = await app.inject({ method: 'POST', url: '/api/v1/imports/extract', payload: { text }, headers: { [INTERNAL_HEADER]: app.internalSecret } });
          const body = response.json<Extraction & { error?: { message: string } }>();
          if (response.statusCode >= 400) throw new Error(body.error?.message ?? `HTTP ${response.statusCode}`);
          return body;
        } finally {
          await app.close();
        }
      });
      if (options.json) {
        const { text: normalized, ...rest } = extraction;
        return console.log(JSON.stringify(options.withText ? { ...rest, text: normalized } : rest, null, 2));
      }
      extraction.conventions.forEach(printConvention);
      if (extraction.conventions.length === 0) console.log('Aucune convention reconnue dans ce texte.');
    });
}
