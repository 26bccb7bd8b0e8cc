import { INTERNAL_HEADER } from '../server/platform/http/auth.js';
import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import type { NewsDraft } from '../shared/api/news.js';

/** Asks the API for the draft, so the CLI prints exactly the text the web app shows. */
async function apiPost(path: string, payload: unknown): Promise<unknown> {
  return withDatabase(async (database) => {
    const app = await buildApp({ database, config: loadConfig(), logger: false });
    try {
      const response = await app.inject({ method: 'POST', url: `/api/v1${path}`, payload: payload as Record<string, unknown>, headers: { [INTERNAL_HEADER]: app.internalSecret } });
      const body: unknown = response.json();
      if (response.statusCode >= 400) {
        const error = (body as { error?: { message?: string; fields?: { path: string; message: string }[] } }).error;
        const details = error?.fields?.length && response.statusCode === 400 ? ` (${error.fields.map((f) => `${f.path} : ${f.message}`).join(' ; ')})` : '';
        throw new Error(`${error?.message ?? `HTTP ${response.statusCode}`}${details}`);
      }
      return body;
    } finally {
      await app.close();
    }
  });
}

const parseIds = (value: string): number[] =>
  value.split(',').map((part) => {
    if (!/^\d{1,12}$/.test(part.trim())) throw new Error(`identifiant de signature invalide : « ${part} »`);
    return Number(part.trim());
  });

export function registerNewsCommands(program: Command): void {
  const news = program.command('news').description('Actualités des partenaires (« Retour Partenaires »)');
  news
    .command('draft')
    .description('Imprime en Markdown le brouillon d’article des signatures d’une période (même texte que l’application)')
    .option('--from <date>', 'premier jour de la période (AAAA-MM-JJ)')
    .option('--to <date>', 'dernier jour de la période (AAAA-MM-JJ)')
    .option('--signatures <ids>', 'ou des signatures choisies, par identifiant (ex. 1,3)')
    .option('--json', 'sortie JSON (celle de POST /api/v1/news/draft)')
    .action(async (options: { from?: string; to?: string; signatures?: string; json?: boolean }) => {
      const payload = options.signatures ? { signatureEventIds: parseIds(options.signatures) } : { from: options.from, to: options.to };
      const draft = (await apiPost('/news/draft', payload)) as NewsDraft;
      if (options.json) return console.log(JSON.stringify(draft, null, 2));
      process.stdout.write(draft.markdown);
    });
}
