/**
 * The filings rollups (stats_filings_monthly, stats_filings_pending), recomputed from the filings
 * by the statistics job every quarter of an hour (which refreshes the notices and service-standard rollups with them) and by `daftar stats rebuild`: one grouping
 * statement each, in one transaction, so a reader sees the old figures or the new ones, never half.
 */
import { sql } from 'drizzle-orm';
import { bandCutoffs } from '#core/age-bands';
import type { Database } from '#server/db/client';
import type { Executor } from '#server/db/transaction';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { daysWithMonth } from '#server/modules/records/volume';
import { refreshKpiRollups } from './kpi-rollups';
import { refreshNoticeRollups } from './notice-rollups';
import { lockStatsRollups } from './rollup-lock';

export async function refreshFilingRollups(tx: Executor, now: Date): Promise<{ monthly: number; pending: number }> {
  await lockStatsRollups(tx);
  await tx.execute(sql`delete from stats_filings_monthly`);
  await tx.execute(sql`delete from stats_filings_pending`);

  const day = sql`(submitted_at at time zone 'Asia/Tehran')::date`;
  const {
    rows: [span],
  } = await tx.execute<{ first: string | null; last: string | null }>(
    sql`select min(${day})::text as first, max(${day})::text as last from filings where submitted_at is not null`,
  );
  let monthly = 0;
  if (span?.first && span.last) {
    const months = sql.join(
      daysWithMonth(span.first, span.last).map((d) => sql`(${d.day}::date, ${d.month}::date)`),
      sql`, `,
    );
    const inserted = await tx.execute(sql`
      insert into stats_filings_monthly (month, province_id, office_id, service_code, channel, submitted, accepted, returned, response_hours)
      select m.month, f.province_id, coalesce(f.office_id, 0), f.service_code, f.channel, count(*),
             count(*) filter (where f.status = 'accepted'), count(*) filter (where f.status = 'returned'),
             coalesce(sum(round(extract(epoch from f.decided_at - f.submitted_at) / 3600))
               filter (where f.status in ('accepted', 'returned') and f.decided_at is not null), 0)
      from filings f
      join (values ${months}) as m(day, month) on m.day = (f.submitted_at at time zone 'Asia/Tehran')::date
      where f.submitted_at is not null
      group by m.month, f.province_id, coalesce(f.office_id, 0), f.service_code, f.channel`);
    monthly = inserted.rowCount ?? 0;
  }

  // Bands from the oldest: a filing falls in the first band whose cutoff it was submitted before.
  const cutoffs = bandCutoffs(now).reverse();
  const band = sql`case ${sql.join(
    cutoffs.map((c) => sql`when f.submitted_at <= ${c.submittedBefore.toISOString()}::timestamptz then ${c.band}`),
    sql` `,
  )} else 'under-1w' end`;
  const pending = await tx.execute(sql`
    insert into stats_filings_pending (province_id, office_id, service_code, channel, band, filings, as_of)
    select f.province_id, coalesce(f.office_id, 0), f.service_code, f.channel, ${band}, count(*), ${now.toISOString()}::timestamptz
    from filings f
    where f.status = 'submitted' and f.submitted_at is not null
    group by 1, 2, 3, 4, 5`);
  return { monthly, pending: pending.rowCount ?? 0 };
}

export const STATS_REFRESH_JOB: ScheduledJob = {
  queue: 'stats.refresh-filings',
  cron: '*/15 * * * *',
  atStart: true,
  run: (database: Database, clock) =>
    database.db.transaction(async (tx) => ({
      ...(await refreshFilingRollups(tx, clock.now())),
      notices: (await refreshNoticeRollups(tx)).monthly,
      kpis: (await refreshKpiRollups(tx)).monthly,
    })),
};
