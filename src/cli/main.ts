import { Command } from 'commander';
import { registerServe } from './serve.command.js';
import { registerAdminCommand } from './admin.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerGenerateCommand } from './generate.command.js';
import { registerDatabaseCommands } from './database.command.js';
import { registerConventionCommands } from './conventions.command.js';
import { registerCoverageCommand } from './coverage.command.js';
import { registerNewsCommands } from './news.command.js';
import { registerImportTextCommand } from './import-text.command.js';
import { registerExportCommand } from './export.command.js';
import { registerImportXlsxCommand } from './import-xlsx.command.js';

const program = new Command()
  .name('pilote-ctg')
  .description('Pilote CTG — conventions territoriales globales. Base : SQLITE_PATH (défaut data/pilote-ctg.sqlite) ou DATABASE_URL (PostgreSQL).')
  .showHelpAfterError();

registerServe(program);
registerDatabaseCommands(program);
registerAdminCommand(program);
registerBackupCommands(program);
registerGenerateCommand(program);
registerConventionCommands(program);
registerCoverageCommand(program);
registerNewsCommands(program);
registerImportTextCommand(program);
registerExportCommand(program);
registerImportXlsxCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
