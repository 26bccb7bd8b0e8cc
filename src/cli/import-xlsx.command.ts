import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { PlanImportReport } from '../shared/api/office.js';
import { callApi, conventionIdOf, errorOf } from './office-api.js';

const BOUNDARY = '----pilote-ctg-import';
const OPERATION_LABELS = { create: 'à créer', update: 'à mettre à jour', unchanged: 'inchangée' } as const;
const DONE_LABELS = { create: 'créée', update: 'mise à jour', unchanged: 'inchangée' } as const;

export function printReport(report: PlanImportReport): void {
  const s = report.summary;
  const labels = report.applied ? DONE_LABELS : OPERATION_LABELS;
  console.log(report.dryRun ? 'Import à blanc : rien n’a été enregistré.' : report.applied ? 'Import appliqué.' : 'Rien n’a été importé.');
  console.log(`Actions : ${s.actionsCreated} ${labels.create}, ${s.actionsUpdated} ${labels.update}, ${s.actionsUnchanged} inchangée(s) ; axes ${labels.create} : ${s.axesCreated} ; lignes budgétaires : ${s.budgetLines}`);
  for (const axis of report.axesCreated) console.log(`  + axe « ${axis} »`);
  for (const a of report.actions) console.log(`  ligne ${a.row} [${a.ref}] ${a.title} — ${labels[a.operation]}`);
  if (report.errors.length) {
    console.log(`${report.errors.length} erreur(s) :`);
    for (const e of report.errors) console.log(`  · ${[e.sheet, e.row ? `ligne ${e.row}` : null, e.column ? `colonne ${e.column}` : null].filter(Boolean).join(', ')} : ${e.message}`);
  }
}

export function registerImportXlsxCommand(program: Command): void {
  const command = program.command('import').description('Importer des fichiers');
  command
    .command('xlsx <file>')
    .description('Importe un plan d’actions (.xlsx) dans une convention : tout ou rien ; --dry-run affiche le rapport sans rien enregistrer')
    .requiredOption('--convention <id>', 'identifiant de la convention')
    .option('--dry-run', 'contrôler et décrire l’import sans rien enregistrer')
    .action(async (file: string, options: { convention: string; dryRun?: boolean }) => {
      const content = await readFile(file).catch(() => {
        throw new Error(`fichier introuvable ou illisible : « ${file} »`);
      });
      const payload = Buffer.concat([
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file).replace(/"/g, '')}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]);
      const answer = await callApi({
        method: 'POST',
        url: `/api/v1/conventions/${conventionIdOf(options.convention)}/plan-import${options.dryRun ? '?dryRun=true' : ''}`,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      });
      if (answer.status >= 400) throw errorOf(answer);
      const report = answer.json<PlanImportReport>();
      printReport(report);
      if (report.errors.length) process.exitCode = 1;
    });
}
