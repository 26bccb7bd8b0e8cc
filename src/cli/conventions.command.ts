import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { buildApp } from '../server/app.js';
import { INTERNAL_HEADER } from '../server/platform/http/auth.js';
import { loadConfig } from '../server/platform/config.js';
import type { ConventionDetail, ConventionSummary } from '../shared/api/conventions.js';
import type { Page } from '../shared/api/common.js';
import { CONVENTION_STATUS_LABELS } from '../shared/enums.js';
import { formatInteger, formatLongDate, formatPeriod } from '../shared/format.js';

/** The CLI asks the API itself, as the system (it runs on the server), so its JSON is exactly the API's. */
async function apiGet(path: string): Promise<unknown> {
  return withDatabase(async (database) => {
    const app = await buildApp({ database, config: loadConfig(), logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { [INTERNAL_HEADER]: app.internalSecret } });
      const body: unknown = response.json();
      if (response.statusCode >= 400) {
        const message = (body as { error?: { message?: string } }).error?.message ?? `HTTP ${response.statusCode}`;
        throw new Error(message);
      }
      return body;
    } finally {
      await app.close();
    }
  });
}

const LIST_FILTERS = ['status', 'theme', 'territory', 'caf', 'year', 'q', 'limit', 'cursor'] as const;

function printSummary(c: ConventionSummary): void {
  const territories = c.territories.map((t) => t.name).join(', ');
  const signed = c.firstSignatureDate ? `, signée le ${formatLongDate(c.firstSignatureDate)}` : '';
  console.log(`#${c.id}  ${c.title} — ${territories} — ${formatPeriod(c.startYear, c.endYear)} — ${CONVENTION_STATUS_LABELS[c.status]}${signed}`);
}

function printDetail(c: ConventionDetail): void {
  printSummary(c);
  console.log(`Population couverte : ${formatInteger(c.population)} habitants`);
  console.log(`Parties : ${c.parties.map((p) => p.organisation.name).join(' ; ')}`);
  for (const event of c.signatureEvents) {
    console.log(`Signature du ${formatLongDate(event.date)}${event.place ? ` — ${event.place}` : ''}`);
    for (const s of event.signatories) console.log(`  · ${s.person.fullName}, ${s.capacity}${s.organisationName ? ` (${s.organisationName})` : ''}`);
  }
  console.log(`Actions (${c.actions.length}) :`);
  for (const a of c.actions) console.log(`  · ${a.title} [${a.themes.join(', ')}]`);
}

export function registerConventionCommands(program: Command): void {
  const conventions = program.command('conventions').description('Consulter les conventions');
  const list = conventions
    .command('list')
    .description('Liste les conventions (même JSON que GET /api/v1/conventions)')
    .option('--json', 'sortie JSON');
  for (const filter of LIST_FILTERS) list.option(`--${filter} <value>`, `filtre ${filter}`);
  list.action(async (options: Record<string, string | boolean | undefined>) => {
    const query = new URLSearchParams();
    for (const filter of LIST_FILTERS) {
      const value = options[filter];
      if (typeof value === 'string') query.set(filter, value);
    }
    const page = (await apiGet(`/conventions${query.size ? `?${query}` : ''}`)) as Page<ConventionSummary>;
    if (options.json) return console.log(JSON.stringify(page, null, 2));
    page.items.forEach(printSummary);
    console.log(`${page.items.length} sur ${page.total} convention(s)${page.nextCursor ? ` — suite : --cursor ${page.nextCursor}` : ''}`);
  });

  conventions
    .command('show <id>')
    .description('Affiche une convention (même JSON que GET /api/v1/conventions/<id>)')
    .option('--json', 'sortie JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new Error(`identifiant de convention invalide : « ${id} »`);
      const detail = (await apiGet(`/conventions/${id}`)) as ConventionDetail;
      if (options.json) return console.log(JSON.stringify(detail, null, 2));
      printDetail(detail);
    });
}
