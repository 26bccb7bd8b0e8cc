import { buildApp } from './app.js';
import { createDb } from './platform/db/create-db.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { describeDatabase, loadConfig, type AppConfig } from './platform/config.js';
import { prepareDatabase } from './demo/prepare.js';
import { ensurePlatformAdmin } from './accounts/bootstrap.js';
import { scheduleScan } from './notifications/scans.js';

/** config → database → migrations → reference data (and demo data on an empty base) → listen. */
export async function startServer(config: AppConfig = loadConfig(), options: { demo?: boolean } = {}) {
  const database = createDb(config.database, { backgroundCheckpoints: true });
  await migrateToLatest(database.db);
  const prepared = await prepareDatabase(database, { loadDemoIfEmpty: options.demo ?? true });
  const admin = await ensurePlatformAdmin(database.db);
  const app = await buildApp({ database, config });
  await app.listen({ port: config.port, host: config.host });
  await scheduleScan(database.db);
  app.jobs.start(config.jobPollMs);
  app.log.info(`Pilote CTG prêt sur http://localhost:${config.port} — ${describeDatabase(config.database)}${prepared.demoLoaded ? ' — données de démonstration chargées' : ''}`);
  if (admin) {
    // Printed once, on purpose outside the structured log: nothing stores this password in clear.
    console.log(`\nCompte administrateur créé — identifiant : ${admin.email} — mot de passe : ${admin.password}\n(affiché une seule fois ; changez-le après la première connexion)\n`);
  }
  // The database closes after app.close() has drained requests and jobs: as an onClose hook it ran
  // before the job worker's own hook, and a job in flight could not record that it was done.
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown());
  return app;
}
