/**
 * The `daftar` command: migrate, seed, users, audit verify and checkpoint, db grant-runtime, backup, restore, stats rebuild. It uses the same configuration as the
 * server (DATABASE_URL, else PGlite in DAFTAR_DATA_DIR).
 */
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit';
import { registerBackup } from './commands/backup';
import { registerDb } from './commands/db';
import { CliError } from './commands/common';
import { registerMigrate } from './commands/migrate';
import { registerSeed } from './commands/seed';
import { registerStats } from './commands/stats';
import { registerUsers } from './commands/users';

const program = new Command('daftar')
  .description('Daftar, the platform of the judicial electronic services offices: administration commands')
  .version(process.env.npm_package_version ?? '0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerMigrate(program);
registerSeed(program);
registerUsers(program);
registerAudit(program);
registerDb(program);
registerBackup(program);
registerStats(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its own message (or the help / version).
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    console.error(`✗ ${error.fa}`);
    console.error(`✗ ${error.en}`);
    for (const line of error.details) console.error(`  - ${line}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(`✗ خطای پیش‌بینی‌نشده / Unexpected error: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
