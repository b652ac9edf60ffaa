/**
 * Every statistics rollup recomputed from the facts, in the caller's transaction: the monthly
 * service volume (docs/decisions/0019), the filings' month and pending rollups, and the notices'
 * and the service standard's month rollups (docs/decisions/0059). What `daftar stats rebuild` runs.
 */
import type { Executor } from '#server/db/transaction';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { refreshFilingRollups } from './filing-rollups';
import { refreshKpiRollups } from './kpi-rollups';
import { refreshNoticeRollups } from './notice-rollups';
import { lockStatsRollups } from './rollup-lock';

export async function rebuildStatsRollups(tx: Executor, now: Date) {
  await lockStatsRollups(tx);
  return {
    ...(await rebuildServiceVolume(tx)),
    filings: await refreshFilingRollups(tx, now),
    notices: await refreshNoticeRollups(tx),
    kpis: await refreshKpiRollups(tx),
  };
}
