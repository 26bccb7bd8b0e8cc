import type { Command } from 'commander';
import { withDatabase } from './database.js';
import { loadTerritories } from '../server/territories/territories.loader.js';
import { ensureDefaultThemes } from '../server/themes/themes.service.js';
import { countTerritories } from '../server/territories/territories.repository.js';
import { clearBusinessData, DEMO_ACTOR, loadDemo } from '../server/demo/demo.loader.js';
import { describeDatabase, loadConfig } from '../server/platform/config.js';
import { startProgress } from './progress.js';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('Applique les migrations en attente')
    .action(async () => {
      await withDatabase(async () => undefined);
      console.log(`Base à jour : ${describeDatabase(loadConfig().database)}`);
    });

  program
    .command('demo')
    .description('(Re)charge les données de démonstration (trois CTG des Hauts-de-Seine signées en mars 2023)')
    .option('--force', 'remplacer aussi des conventions qui ne viennent pas de la démonstration')
    .action(async (options: { force?: boolean }) => {
      await withDatabase(async (database) => {
        const others = await database.db
          .selectFrom('convention_status_change')
          .select('convention_id')
          .where('from_status', 'is', null)
          .where('actor', '!=', DEMO_ACTOR)
          .execute();
        if (others.length > 0 && !options.force) {
          throw new Error(`la base contient ${others.length} convention(s) saisie(s) hors démonstration ; relancez avec --force pour tout remplacer.`);
        }
        if ((await countTerritories(database.db)) === 0) await loadTerritories(database.db);
        await ensureDefaultThemes(database.db);
        await clearBusinessData(database.db);
        const { conventionIds } = await loadDemo({ db: database.db, dialect: database.dialect, actor: DEMO_ACTOR });
        console.log(`Démonstration chargée : ${conventionIds.length} conventions (identifiants ${conventionIds.join(', ')}).`);
      });
    });

  const territories = program.command('territories').description('Référentiel des territoires (Code officiel géographique)');
  territories
    .command('load')
    .description('Charge ou met à jour communes, EPCI, EPT et départements (idempotent)')
    .option('-d, --departement <codes>', 'seulement ces départements, séparés par des virgules (ex. 92,93)')
    .action(async (options: { departement?: string }) => {
      await withDatabase(async (database) => {
        const started = Date.now();
        const progress = startProgress('Territoires');
        const result = await loadTerritories(database.db, {
          departements: options.departement?.split(',').map((d) => d.trim()),
          onProgress: progress.update,
        });
        progress.stop();
        console.log(
          `${result.communes} communes, ${result.groups} EPCI et EPT, ${result.departements} départements, ` +
            `${result.memberships} appartenances chargés en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      });
    });
}
