/**
 * Service records at national volume, made by the database itself: `INSERT … SELECT` over
 * `generate_series`, a chunk per statement, each chunk's random stream fixed by `setseed` so the
 * same seed gives the same rows. Hundreds of millions of rows cannot go through the history
 * generator (a filing with its parties, case and notices per record) in any reasonable time; these
 * are the counter's other services and the online self-service, priced by the fee engine.
 *
 * Every row draws, from uniform numbers: a service from the mix below, an office (offices are
 * already placed by population), the channel (services citizens may do themselves go online with a
 * share rising over the period, from 15% to 30%), extra parties and pages on filings, and an
 * instant uniform over the period. The fee is the schedule in force that day quoting exactly that
 * (`quoteService`, computed here for every schedule × service × channel × extras and looked up by
 * position). The caller rebuilds the rollups afterwards (`rebuildServiceVolume`).
 */
import { sql } from 'drizzle-orm';
import { INCLUDED_PAGES, INCLUDED_PARTIES, isFilingService, quoteService } from '#core/fees';
import { tehranIsoDate } from '#core/jalali';
import type { Tx } from '#server/db/transaction';
import { approvedSchedules } from '#server/modules/tariffs/store';

/** Share of the services (weights), as the tariff work's national bench mixes them. */
export const SERVICE_MIX: readonly (readonly [string, number])[] = [
  ['petition', 18],
  ['complaint', 9],
  ['appeal', 3],
  ['objection', 1.5],
  ['legal-notice', 6],
  ['brief', 8],
  ['expert-opinion', 1],
  ['protest', 1],
  ['contract', 3],
  ['sana-registration', 10],
  ['sana-edit', 2],
  ['notice-page', 10],
  ['password-delivery', 2],
  ['follow-up', 14],
  ['case-report', 6],
  ['no-criminal-record', 4],
  ['licence-renewal', 1.5],
];

/** Extra parties 0–3 and extra pages 0–5 on a filing: the fee table's extent. */
const PARTY_STEPS = 4;
const PAGE_STEPS = 6;
/** Resolution of the weighted draws (service, province of an online record). */
const SLOTS = 1000;

/**
 * `SLOTS` positions (1-based values) filled in proportion to the weights: drawing a uniform
 * position draws by weight. Each weight gets at least one position.
 */
export function weightedSlots(weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  const out: number[] = [];
  let acc = 0;
  for (const [i, w] of weights.entries()) {
    acc += w;
    const upto = i === weights.length - 1 ? SLOTS : Math.max(out.length + 1, Math.round((acc / total) * SLOTS));
    while (out.length < upto) out.push(i + 1);
  }
  return out;
}

export interface ServiceRecordsOptions {
  count: number;
  seed: number;
  /** The period, as instants: from (included) to (excluded). */
  fromMs: number;
  toMs: number;
  /** Services citizens may also do online (the catalogue's `both`). */
  onlineServices: ReadonlySet<string>;
  /** Rows per statement. */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

const intArray = (xs: readonly number[]) => `'{${xs.join(',')}}'::int[]`;
const bigArray = (xs: readonly number[]) => `'{${xs.join(',')}}'::bigint[]`;
const textArray = (xs: readonly string[]) => `'{${xs.map((x) => `"${x}"`).join(',')}}'::text[]`;

/** Inserts `count` service records (ids from the table's sequence, moved past the rows already there); returns how many. */
export async function insertServiceRecords(tx: Tx, o: ServiceRecordsOptions): Promise<number> {
  if (o.count <= 0) return 0;
  const chunk = o.chunk ?? 2_000_000;
  const schedules = await approvedSchedules(tx);
  const codes = SERVICE_MIX.map(([code]) => code);
  // The schedules that are in force at some point of the period, with the instant each starts.
  const first = tehranIsoDate(new Date(o.fromMs));
  const inForce = schedules
    .filter((s) => s.effectiveFrom > first || s === schedules.filter((x) => x.effectiveFrom <= first).at(-1))
    .filter((s) => Date.parse(`${s.effectiveFrom}T00:00:00+03:30`) < o.toMs);
  if (!inForce.length) throw new Error('service records need an approved tariff schedule in force over the period');
  // fee[((((k * services + s) * 2 + online) * PARTY_STEPS + parties) * PAGE_STEPS + pages) + 1]
  const fees: number[] = [];
  for (const schedule of inForce)
    for (const code of codes)
      for (const channel of ['office', 'online'] as const)
        for (let parties = 0; parties < PARTY_STEPS; parties++)
          for (let pages = 0; pages < PAGE_STEPS; pages++) {
            const q = quoteService(schedule, {
              service: code,
              channel,
              parties: INCLUDED_PARTIES + parties,
              pages: INCLUDED_PAGES + pages,
            });
            if (!q.ok) throw new Error(`no fee for ${code} in schedule ${schedule.code}: ${q.problem.kind}`);
            fees.push(q.quote.totalRials);
          }
  const scheduleStarts = inForce.map((s, k) =>
    k === 0 ? Number.NEGATIVE_INFINITY : Date.parse(`${s.effectiveFrom}T00:00:00+03:30`),
  );
  // Which schedule (0-based) an instant falls under: the last that started by then.
  const scheduleIndex = inForce
    .map((_, k) => k)
    .slice(1)
    .reverse()
    .reduce(
      (otherwise, k) => `case when at >= to_timestamp(${scheduleStarts[k] / 1000}) then ${k} else ${otherwise} end`,
      '0',
    );
  const { rows: provinces } = await tx.execute<{ id: number; population: number | null }>(
    sql`select id, population from provinces order by id`,
  );
  const provinceSlots = weightedSlots(provinces.map((p) => Number(p.population ?? 1))).map((i) =>
    Number(provinces[i - 1].id),
  );

  await tx.execute(
    sql`select setval(pg_get_serial_sequence('service_records', 'id'), (select coalesce(max(id), 0) + 1 from service_records), false)`,
  );
  const serviceSlots = weightedSlots(SERVICE_MIX.map(([, w]) => w));
  const filing = codes.map((c) => (isFilingService(c) ? 1 : 0));
  const online = codes.map((c) => (o.onlineServices.has(c) ? 1 : 0));
  const spanSeconds = (o.toMs - o.fromMs) / 1000;
  const statement = (n: number) => `
    with office as (select array_agg(id order by id) as ids, array_agg(province_id::int order by id) as provinces, count(*)::int as n from offices),
    r as (
      select (${intArray(serviceSlots)})[1 + floor(random() * ${SLOTS})::int] as svc,
             random() as c, random() as o, random() as t, random() as x, random() as y
      from generate_series(1, ${n})),
    d as (
      select r.svc, r.o, r.t,
             (${intArray(online)})[r.svc] = 1 and r.c < 0.15 + 0.15 * r.t as is_online,
             case when (${intArray(filing)})[r.svc] = 1 then floor(r.x * r.x * ${PARTY_STEPS})::int else 0 end as parties,
             case when (${intArray(filing)})[r.svc] = 1 then floor(r.y * ${PAGE_STEPS})::int else 0 end as pages,
             to_timestamp(${o.fromMs / 1000} + r.t * ${spanSeconds}) as at
      from r),
    e as (select d.*, ${scheduleIndex} as k, 1 + floor(d.o * office.n)::int as pick from d, office)
    insert into service_records (service_code, channel, office_id, province_id, schedule_id, amount_rials, extra_parties, extra_pages, created_at)
    select (${textArray(codes)})[e.svc],
           case when e.is_online then 'online' else 'office' end,
           case when e.is_online then null else office.ids[e.pick] end,
           case when e.is_online then (${intArray(provinceSlots)})[1 + floor(e.o * ${SLOTS})::int] else office.provinces[e.pick] end,
           (${intArray(inForce.map((s) => s.id))})[e.k + 1],
           (${bigArray(fees)})[(((e.k * ${codes.length} + e.svc - 1) * 2 + e.is_online::int) * ${PARTY_STEPS} + e.parties) * ${PAGE_STEPS} + e.pages + 1],
           e.parties, e.pages, e.at
    from e, office`;
  let done = 0;
  o.onProgress?.(0, o.count);
  for (let part = 0; done < o.count; part++) {
    const n = Math.min(chunk, o.count - done);
    // setseed takes -1…1: each chunk's stream is fixed by the seed and the chunk's number.
    await tx.execute(sql.raw(`select setseed(${(((o.seed % 1_000_003) * 7_919 + part) % 2_000_000) / 1_000_000 - 1})`));
    await tx.execute(sql.raw(statement(n)));
    done += n;
    o.onProgress?.(done, o.count);
  }
  return done;
}
