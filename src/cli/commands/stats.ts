/**
 * `daftar stats rebuild`: recomputes the statistics rollups from the facts (today the monthly
 * service volume, docs/decisions/0019), exactly, in one transaction: after a bulk load, a restore
 * or a correction made by hand in the database.
 */
import type { Command } from 'commander';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { withDatabase } from './common';

export function registerStats(program: Command): void {
  const stats = program.command('stats').description('statistics rollups / جمع‌بندی‌های آماری');
  stats
    .command('rebuild')
    .description('recompute the statistics rollups from the records / بازسازی جمع‌بندی‌های آماری از سوابق')
    .action(async () => {
      await withDatabase(async (database, where) => {
        const started = Date.now();
        const { rows } = await database.db.transaction((tx) => rebuildServiceVolume(tx));
        console.log(
          `service_volume_monthly: ${rows} rows rebuilt on ${where} in ${Date.now() - started} ms / جمع‌بندی ماهانهٔ خدمات بازسازی شد.`,
        );
      });
    });
}
