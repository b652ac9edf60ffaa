/**
 * The notices rollup (stats_notices_monthly), recomputed from the notices and their addressees'
 * copies by the statistics job with the filings rollups, and by `daftar stats rebuild`: one grouping
 * statement, inside the caller's transaction, so a reader sees the old figures or the new ones.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { daysWithMonth } from '#server/modules/records/volume';
import { lockStatsRollups } from './rollup-lock';

export async function refreshNoticeRollups(tx: Executor): Promise<{ monthly: number }> {
  await lockStatsRollups(tx);
  await tx.execute(sql`delete from stats_notices_monthly`);
  const day = sql`(issued_at at time zone 'Asia/Tehran')::date`;
  const {
    rows: [span],
  } = await tx.execute<{ first: string | null; last: string | null }>(
    sql`select min(${day})::text as first, max(${day})::text as last from notices`,
  );
  if (!span?.first || !span.last) return { monthly: 0 };
  const months = sql.join(
    daysWithMonth(span.first, span.last).map((d) => sql`(${d.day}::date, ${d.month}::date)`),
    sql`, `,
  );
  const hours = sql`round(extract(epoch from d.delivered_at - n.issued_at) / 3600)`;
  const inserted = await tx.execute(sql`
    insert into stats_notices_monthly (month, province_id, office_id, kind, issued, opened_at_office, opened_online, office_delay_hours, online_delay_hours)
    select m.month, d.province_id, coalesce(d.delivered_office_id, 0), n.kind, count(*),
           count(*) filter (where d.delivered_at is not null and d.delivered_channel = 'office'),
           count(*) filter (where d.delivered_at is not null and d.delivered_channel = 'online'),
           coalesce(sum(${hours}) filter (where d.delivered_at is not null and d.delivered_channel = 'office'), 0),
           coalesce(sum(${hours}) filter (where d.delivered_at is not null and d.delivered_channel = 'online'), 0)
    from notice_deliveries d
    join notices n on n.id = d.notice_id
    join (values ${months}) as m(day, month) on m.day = (n.issued_at at time zone 'Asia/Tehran')::date
    group by m.month, d.province_id, coalesce(d.delivered_office_id, 0), n.kind`);
  return { monthly: inserted.rowCount ?? 0 };
}
