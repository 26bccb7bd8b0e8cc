import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './schema.js';
import { migrations } from './migrations/index.js';

export class MigrationError extends Error {}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  await refuseNewerDatabase(db);
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(`Échec de la migration ${failed?.migrationName ?? ''} : ${String(result.error)}`);
  }
  return result;
}

async function refuseNewerDatabase(db: Db): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new MigrationError(
      `La base de données a été migrée par une version plus récente de Pilote CTG (${unknown.join(', ')}). ` +
        'Mettez l’application à jour avant de la démarrer sur cette base.',
    );
  }
}
