import type { Command } from 'commander';
import { startServer } from '../server/main.js';
import { loadConfig } from '../server/platform/config.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Démarre le serveur (migre la base, charge le référentiel et, sur une base vide, la démonstration)')
    .option('-p, --port <port>', 'port d’écoute (sinon PORT, défaut 3000)')
    .option('--no-demo', 'ne pas charger les données de démonstration sur une base vide')
    .action(async (options: { port?: string; demo: boolean }) => {
      const config = loadConfig();
      if (options.port) config.port = Number.parseInt(options.port, 10);
      await startServer(config, { demo: options.demo });
    });
}
