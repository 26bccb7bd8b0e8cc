import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import type { Coverage } from '../shared/api/coverage.js';
import { formatInteger, formatLongDate, formatPercent } from '../shared/format.js';

/** Asks the API itself, so the JSON printed is exactly GET /api/v1/coverage's. */
async function getCoverage(query: URLSearchParams): Promise<Coverage> {
  return withDatabase(async (database) => {
    const app = await buildApp({ database, config: loadConfig(), logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: `/api/v1/coverage?${query}` });
      const body = response.json() as Coverage & { error?: { message?: string } };
      if (response.statusCode >= 400) throw new Error(body.error?.message ?? `HTTP ${response.statusCode}`);
      return body;
    } finally {
      await app.close();
    }
  });
}

interface CoverageOptions {
  departement?: string;
  region?: string;
  france?: boolean;
  date?: string;
  communes?: string;
  json?: boolean;
}

export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description('Population couverte par une CTG en vigueur à une date (même JSON que GET /api/v1/coverage)')
    .option('--departement <code>', 'un département (code INSEE, ex. 92)')
    .option('--region <code>', 'une région (code INSEE, ex. 11)')
    .option('--france', 'toute la France')
    .option('--date <AAAA-MM-JJ>', 'date d’observation (aujourd’hui par défaut)')
    .option('--communes <liste>', 'communes listées : all, covered ou none (all pour un département, covered sinon)')
    .option('--json', 'sortie JSON')
    .action(async (options: CoverageOptions) => {
      const scopes = [options.departement, options.region, options.france].filter(Boolean).length;
      if (scopes !== 1) throw new Error('précisez un seul territoire : --departement <code>, --region <code> ou --france.');
      const query = new URLSearchParams();
      if (options.departement) query.set('departement', options.departement);
      if (options.region) query.set('region', options.region);
      if (options.date) query.set('date', options.date);
      if (options.communes) query.set('communes', options.communes);
      const coverage = await getCoverage(query);
      if (options.json) return console.log(JSON.stringify(coverage, null, 2));
      printCoverage(coverage);
    });
}

function printCoverage(c: Coverage): void {
  console.log(`${c.scope.name} au ${formatLongDate(c.date)} : ${formatInteger(c.coveredPopulation)} habitants couverts par une CTG en vigueur sur ${formatInteger(c.population)} (${formatPercent(c.rate)}).`);
  console.log(`Communes couvertes : ${formatInteger(c.coveredCommuneCount)} sur ${formatInteger(c.communeCount)} ; conventions en vigueur : ${c.conventionIds.length}.`);
  for (const commune of c.communes.filter((x) => x.covered)) {
    console.log(`  · ${commune.name} (${commune.code}) — ${formatInteger(commune.population)} hab. — convention(s) ${commune.conventionIds.map((id) => `#${id}`).join(', ')}`);
  }
}
