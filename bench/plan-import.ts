/**
 * Imports a 200-action plan workbook (with two budget lines each) into a new convention on each
 * engine and prints the time of the dry run and of the import. Run: npx tsx bench/plan-import.ts
 */
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../test/helpers/app.js';
import { ENGINES } from '../test/helpers/databases.js';
import { multipartFile } from '../test/helpers/xlsx.js';
import { addSheet, newWorkbook, toBuffer } from '../src/server/office/plan-workbook.js';
import { ACTION_COLUMNS, BUDGET_COLUMNS, SHEETS } from '../src/server/office/plan-sheets.js';

const ACTIONS = 200;
const THEMES = ['Petite enfance', 'Enfance', 'Jeunesse', 'Parentalité', 'Animation de la vie sociale', 'Accès aux droits'];

async function workbook(): Promise<Buffer> {
  const book = newWorkbook();
  const actions = Array.from({ length: ACTIONS }, (_, i) => [
    `B${i + 1}`, `Axe ${(i % 5) + 1}`, `Action numéro ${i + 1} du plan de test`, null, THEMES[i % THEMES.length]!, 'Ville', 'Caf ; Département', 'Familles', null,
    'En cours', null, 'Moyenne', i % 100, new Date(Date.UTC(2025, i % 12, 1)), new Date(Date.UTC(2027, i % 12, 28)), i % 7 === 0 ? 'oui' : 'non', 'Description de l’action.', null,
  ]);
  addSheet(book, SHEETS.actions, ACTION_COLUMNS, actions);
  addSheet(book, SHEETS.budget, BUDGET_COLUMNS, Array.from({ length: ACTIONS * 2 }, (_, i) => [`B${(i % ACTIONS) + 1}`, 2025 + (i % 2), 'Caf', 'Fonctionnement', 1000 + i, null]));
  return toBuffer(book);
}

const content = await workbook();
for (const engine of ENGINES) {
  const t = await createTestApp(engine);
  const cafs = await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' });
  const created = await t.request<{ id: number }>({
    method: 'POST',
    url: '/api/v1/conventions',
    payload: { title: 'Convention du banc d’essai', cafId: cafs.body[0]!.id, startYear: 2025, endYear: 2029, territoryCodes: ['92002'] },
  });
  const body = multipartFile(content, 'plan.xlsx');
  const timed = async (dryRun: boolean) => {
    const start = performance.now();
    const response = await t.request<{ summary: Record<string, number> }>({ method: 'POST', url: `/api/v1/conventions/${created.body.id}/plan-import${dryRun ? '?dryRun=true' : ''}`, ...body });
    if (response.status !== 200) throw new Error(`import refusé : ${JSON.stringify(response.body)}`);
    return { ms: Math.round(performance.now() - start), summary: response.body.summary };
  };
  const dry = await timed(true);
  const applied = await timed(false);
  const again = await timed(false);
  console.log(`${engine}: ${ACTIONS} actions, ${ACTIONS * 2} lignes budgétaires — contrôle ${dry.ms} ms, import ${applied.ms} ms (${applied.summary.actionsCreated} créées), réimport ${again.ms} ms (${again.summary.actionsUnchanged} inchangées)`);
  await t.close();
}
