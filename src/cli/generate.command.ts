import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { generateDataset } from '../server/generate/generate.js';
import { countTerritories } from '../server/territories/territories.repository.js';
import { loadTerritories } from '../server/territories/territories.loader.js';
import { ensureDefaultThemes } from '../server/themes/themes.service.js';
import { startProgress } from './progress.js';

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('Génère un jeu de données synthétique déterministe (toutes les Caf, ou une seule)')
    .option('--scale <échelle>', 'national (une Caf par département) ou caf (un département)', 'national')
    .option('--seed <nombre>', 'graine : même graine, mêmes données', '42')
    .option('-d, --departement <code>', 'département de la Caf, avec --scale caf', '92')
    .action(async (options: { scale: string; seed: string; departement: string }) => {
      if (options.scale !== 'national' && options.scale !== 'caf') throw new Error(`échelle inconnue : « ${options.scale} » (national ou caf)`);
      await withDatabase(async ({ db }) => {
        if ((await countTerritories(db)) === 0) await loadTerritories(db);
        await ensureDefaultThemes(db);
        const progress = startProgress('Génération');
        const result = await generateDataset(db, {
          scale: options.scale as 'national' | 'caf',
          seed: Number.parseInt(options.seed, 10),
          departement: options.departement,
          onProgress: progress.update,
        });
        progress.stop();
        console.log(
          `${result.cafs} Caf, ${result.conventions} conventions, ${result.actions} actions, ${result.indicatorValues} valeurs d’indicateurs, ` +
            `${result.notes} notes, ${result.users} comptes, ${result.historyRecords} entrées d’historique, ${result.meetings} réunions en ${result.seconds.toFixed(1)} s.`,
        );
      });
    });
}
