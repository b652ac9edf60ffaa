/**
 * The monthly service volume rollup (docs/decisions/0019): kept in step with service_records by
 * `recordService` in its transaction, rebuilt with one grouping statement after bulk loads.
 */
import { sql } from 'drizzle-orm';
import { jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { serviceRecords } from './tables';
import { serviceVolumeMonthly } from '#server/modules/tariffs/tables';

/** ISO first day of the Jalali month the Tehran day of this instant falls in: the rollup's month key. */
export function volumeMonthOf(at: Date): string {
  return jalaliMonthStartIso(jalaliMonthOfIso(tehranIsoDate(at)));
}

export interface VolumeIncrement {
  at: Date;
  provinceId: number;
  officeId: number | null;
  serviceCode: string;
  channel: 'office' | 'online';
  extraParties: number;
  extraPages: number;
  amountRials: number;
}

/** Stripes per key: enough that concurrent transactions rarely share one, few enough to read cheaply. */
export const VOLUME_SLOTS = 8;

/**
 * The statement adding one service record to its month's row (creating it), run inside the
 * record's own statement (`recordService`). The row lock lasts until the caller commits, so the
 * stripe is chosen by connection: two transactions running at once add to different rows unless
 * their backends share a stripe.
 */
export function serviceVolumeUpsert(tx: Executor, r: VolumeIncrement) {
  return tx
    .insert(serviceVolumeMonthly)
    .values({
      month: volumeMonthOf(r.at),
      provinceId: r.provinceId,
      officeId: r.officeId ?? 0,
      serviceCode: r.serviceCode,
      channel: r.channel,
      slot: sql`pg_backend_pid() % ${VOLUME_SLOTS}`,
      records: 1,
      extraParties: r.extraParties,
      extraPages: r.extraPages,
      amountRials: r.amountRials,
    })
    .onConflictDoUpdate({
      target: [
        serviceVolumeMonthly.month,
        serviceVolumeMonthly.provinceId,
        serviceVolumeMonthly.officeId,
        serviceVolumeMonthly.serviceCode,
        serviceVolumeMonthly.channel,
        serviceVolumeMonthly.slot,
      ],
      set: {
        records: sql`${serviceVolumeMonthly.records} + excluded.records`,
        extraParties: sql`${serviceVolumeMonthly.extraParties} + excluded.extra_parties`,
        extraPages: sql`${serviceVolumeMonthly.extraPages} + excluded.extra_pages`,
        amountRials: sql`${serviceVolumeMonthly.amountRials} + excluded.amount_rials`,
      },
    });
}

/** Every ISO day from one to another (both included) with the ISO first day of its Jalali month. */
export function daysWithMonth(fromIso: string, toIso: string): { day: string; month: string }[] {
  const out: { day: string; month: string }[] = [];
  for (let t = Date.parse(`${fromIso}T00:00:00Z`), end = Date.parse(`${toIso}T00:00:00Z`); t <= end; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, month: jalaliMonthStartIso(jalaliMonthOfIso(day)) });
  }
  return out;
}

/**
 * Recomputes the whole rollup from service_records (and with it, through its triggers, the
 * province and county sums the dashboard reads): one grouping statement, each record's Tehran
 * day joined (by equality, a hash join) to its Jalali month from a list computed here from the
 * data's first and last day.
 */
export async function rebuildServiceVolume(db: Executor): Promise<{ rows: number }> {
  const day = sql`(${serviceRecords.createdAt} at time zone 'Asia/Tehran')::date`;
  const [span] = await db
    .select({ first: sql<string | null>`min(${day})::text`, last: sql<string | null>`max(${day})::text` })
    .from(serviceRecords);
  await db.execute(sql`delete from ${serviceVolumeMonthly}`);
  // Its triggers brought the province and county sums to 0 (docs/decisions/0067); they start afresh with it.
  await db.execute(sql`delete from service_volume_province_monthly`);
  await db.execute(sql`delete from service_volume_county_monthly`);
  if (!span?.first || !span.last) return { rows: 0 };
  const days = daysWithMonth(span.first, span.last);
  const values = sql.join(
    days.map((d) => sql`(${d.day}::date, ${d.month}::date)`),
    sql`, `,
  );
  const inserted = await db.execute(sql`
    insert into service_volume_monthly (month, province_id, office_id, service_code, channel, records, extra_parties, extra_pages, amount_rials)
    select m.month, r.province_id, coalesce(r.office_id, 0), r.service_code, r.channel,
           count(*), coalesce(sum(r.extra_parties), 0), coalesce(sum(r.extra_pages), 0), coalesce(sum(r.amount_rials), 0)
    from service_records r
    join (values ${values}) as m(day, month) on m.day = (r.created_at at time zone 'Asia/Tehran')::date
    group by m.month, r.province_id, coalesce(r.office_id, 0), r.service_code, r.channel`);
  return { rows: inserted.rowCount ?? 0 };
}

/**
 * For installs that had service records before the rollup existed: rebuild once when the rollup
 * is empty but records are not (two cheap existence checks otherwise).
 */
export async function ensureServiceVolume(db: Executor): Promise<boolean> {
  const result = await db.execute(
    sql`select exists (select 1 from service_volume_monthly) as rolled, exists (select 1 from service_records) as recorded`,
  );
  const row = result.rows[0] as { rolled: boolean; recorded: boolean };
  if (row.rolled || !row.recorded) return false;
  await rebuildServiceVolume(db);
  return true;
}
