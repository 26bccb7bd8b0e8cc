import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../server/platform/config.js';

const run = promisify(execFile);

/** SQLite: the online backup API, safe while the server runs. PostgreSQL: pg_dump's custom format. */
export async function backupDatabase(out: string): Promise<void> {
  const { database } = loadConfig();
  if ('databaseUrl' in database) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${database.databaseUrl}`]);
    return;
  }
  if (!existsSync(database.sqlitePath)) throw new Error(`aucune base SQLite à ${database.sqlitePath}`);
  const source = new SQLite(database.sqlitePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(out);
  } finally {
    source.close();
  }
}

/** Restores into the configured database, which must not be in use (stop the server first). */
export async function restoreDatabase(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`fichier de sauvegarde introuvable : ${file}`);
  const { database } = loadConfig();
  if ('databaseUrl' in database) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${database.databaseUrl}`, file]);
    return;
  }
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    // The backup API copies page by page into the target file, replacing what was there.
    await backup.backup(database.sqlitePath);
  } finally {
    backup.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Sauvegarde la base (SQLite : copie à chaud ; PostgreSQL : format pg_dump)')
    .requiredOption('-o, --out <fichier>', 'fichier de sauvegarde à écrire')
    .action(async (options: { out: string }) => {
      await backupDatabase(options.out);
      console.log(`Sauvegarde écrite : ${options.out}`);
    });
  program
    .command('restore <fichier>')
    .description('Restaure une sauvegarde dans la base configurée (arrêtez d’abord le serveur)')
    .action(async (file: string) => {
      await restoreDatabase(file);
      console.log(`Base restaurée depuis ${file}`);
    });
}
