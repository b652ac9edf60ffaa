/** `daftar migrate`: applies pending migrations and says which. */
import type { Command } from 'commander';
import { readMigrations, runMigrations } from '#server/db/migrate';
import { withDatabase } from './common';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations / اعمال مهاجرت‌های پایگاه داده')
    .action(async () => {
      await withDatabase(async (database, where) => {
        console.log(`Database: ${where}`);
        const applied = await runMigrations(database);
        const total = readMigrations().length;
        if (applied.length === 0)
          console.log(`Nothing to apply: all ${total} migrations are in place. / همهٔ مهاجرت‌ها اعمال شده‌اند.`);
        else {
          for (const tag of applied) console.log(`  applied ${tag}`);
          console.log(`Applied ${applied.length} of ${total} migrations. / ${applied.length} مهاجرت اعمال شد.`);
        }
      });
    });
}
