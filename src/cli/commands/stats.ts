/**
 * `daftar stats rebuild`: recomputes the statistics rollups from the facts (the monthly
 * service volume of docs/decisions/0019, and the filings' month and pending rollups, the notices' and the service standard's month rollups), exactly, in one transaction: after a bulk load, a restore
 * or a correction made by hand in the database.
 */
import type { Command } from 'commander';
import { rebuildStatsRollups } from '#server/modules/stats/rebuild';
import { systemClock } from '#server/platform/clock/clock';
import { withDatabase } from './common';

export function registerStats(program: Command): void {
  const stats = program.command('stats').description('statistics rollups / جمع‌بندی‌های آماری');
  stats
    .command('rebuild')
    .description('recompute the statistics rollups from the records / بازسازی جمع‌بندی‌های آماری از سوابق')
    .action(async () => {
      await withDatabase(async (database, where) => {
        const started = Date.now();
        const { rows, filings, notices, kpis } = await database.db.transaction((tx) =>
          rebuildStatsRollups(tx, systemClock.now()),
        );
        console.log(`service_volume_monthly: ${rows} rows`);
        console.log(`stats_filings_monthly: ${filings.monthly} rows, stats_filings_pending: ${filings.pending} rows`);
        console.log(`stats_notices_monthly: ${notices.monthly} rows`);
        console.log(`stats_kpi_monthly: ${kpis.monthly} rows`);
        console.log(`rebuilt on ${where} in ${Date.now() - started} ms / جمع‌بندی‌های آماری بازسازی شد.`);
      });
    });
}
