import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { callApi, conventionIdOf, errorOf } from './office-api.js';

/** What each format exports for one convention, and from which API route. */
const FORMATS: Record<string, { what: string; url: (id: number) => string }> = {
  xlsx: { what: 'plan d’actions (classeur réimportable)', url: (id) => `/api/v1/conventions/${id}/plan.xlsx` },
  docx: { what: 'document de la convention (Word)', url: (id) => `/api/v1/conventions/${id}/convention.docx` },
  pdf: { what: 'synthèse d’une page (PDF)', url: (id) => `/api/v1/conventions/${id}/summary.pdf` },
  csv: { what: 'actions publiées, format des données ouvertes (CSV)', url: (id) => `/api/v1/open-data/actions.csv?convention=${id}` },
  json: { what: 'actions publiées, format des données ouvertes (JSON)', url: (id) => `/api/v1/open-data/actions.json?convention=${id}` },
};

export function registerExportCommand(program: Command): void {
  program
    .command('export <format>')
    .description(`Exporte une convention : ${Object.entries(FORMATS).map(([f, x]) => `${f} = ${x.what}`).join(' ; ')}`)
    .requiredOption('--convention <id>', 'identifiant de la convention')
    .requiredOption('--out <file>', 'fichier à écrire')
    .action(async (format: string, options: { convention: string; out: string }) => {
      const target = FORMATS[format];
      if (!target) throw new Error(`format inconnu : « ${format} » (xlsx, docx, pdf, csv ou json)`);
      const answer = await callApi({ method: 'GET', url: target.url(conventionIdOf(options.convention)) });
      if (answer.status >= 400) throw errorOf(answer);
      await writeFile(options.out, answer.body);
      console.log(`${target.what} écrit dans ${options.out} (${answer.body.length} octets)`);
    });
}
