/**
 * The service standard's rollup (stats_kpi_monthly), recomputed by the statistics job with the
 * other rollups and by `daftar stats rebuild`: filings started and finished by month of starting,
 * and counter surveys answered and satisfied by month of answer; one grouping statement inside the
 * caller's transaction, so a reader sees the old figures or the new ones.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { daysWithMonth } from '#server/modules/records/volume';
import { lockStatsRollups } from './rollup-lock';

export async function refreshKpiRollups(tx: Executor): Promise<{ monthly: number }> {
  await lockStatsRollups(tx);
  await tx.execute(sql`delete from stats_kpi_monthly`);
  const tehran = (column: string) => sql.raw(`(${column} at time zone 'Asia/Tehran')::date`);
  const {
    rows: [span],
  } = await tx.execute<{ first: string | null; last: string | null }>(sql`
    select least((select min(${tehran('created_at')}) from filings), (select min(${tehran('answered_at')}) from quality_surveys))::text as first,
           greatest((select max(${tehran('created_at')}) from filings), (select max(${tehran('answered_at')}) from quality_surveys))::text as last`);
  if (!span?.first || !span.last) return { monthly: 0 };
  const months = sql.join(
    daysWithMonth(span.first, span.last).map((d) => sql`(${d.day}::date, ${d.month}::date)`),
    sql`, `,
  );
  const inserted = await tx.execute(sql`
    insert into stats_kpi_monthly (month, province_id, office_id, service_code, channel, filings_started, filings_finished, surveys_answered, surveys_satisfied)
    select month, province_id, office_id, service_code, channel, sum(started), sum(finished), sum(answered), sum(satisfied)
    from (
      select m.month, f.province_id, coalesce(f.office_id, 0) as office_id, f.service_code, f.channel,
             count(*) as started, count(*) filter (where f.submitted_at is not null) as finished, 0 as answered, 0 as satisfied
      from filings f
      join (values ${months}) as m(day, month) on m.day = ${tehran('f.created_at')}
      group by 1, 2, 3, 4, 5
      union all
      select m.month, s.province_id, s.office_id, coalesce(s.service_code, ''), 'office',
             0, 0, count(*), count(*) filter (where s.satisfaction >= 4)
      from quality_surveys s
      join (values ${months}) as m(day, month) on m.day = ${tehran('s.answered_at')}
      where s.answered_at is not null and s.satisfaction is not null
      group by 1, 2, 3, 4, 5
    ) x
    group by 1, 2, 3, 4, 5`);
  return { monthly: inserted.rowCount ?? 0 };
}
