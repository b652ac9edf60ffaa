/**
 * The monthly service rollup the dashboard reads equals the records it sums: after a random mix
 * of services (a fixed seed), some recorded in parallel transactions and some rolled back, and
 * again after `daftar stats rebuild` recomputes it from the records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jalaliMonthOfIso, jalaliMonthStartIso } from '#core/jalali';
import { recordService } from '#server/modules/records/service-records';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;

/** mulberry32: a small seeded generator, so the mix is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Key = string;
/** The rollup's rows summed over their stripes. */
async function rollup(): Promise<Map<Key, string>> {
  const rows = await t.query<{ k: string; v: string }>(
    `select concat_ws('|', month::text, province_id, office_id, service_code, channel) as k,
            concat_ws('|', sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)) as v
     from service_volume_monthly group by 1`,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
}

/** The same figures counted from the records, each one's Tehran day placed in its Jalali month here. */
async function fromRecords(): Promise<Map<Key, string>> {
  const rows = await t.query<{
    day: string;
    province_id: number;
    office_id: number;
    service_code: string;
    channel: string;
    n: string;
    parties: string;
    pages: string;
    amount: string;
  }>(
    `select ((created_at at time zone 'Asia/Tehran')::date)::text as day, province_id, coalesce(office_id, 0) as office_id,
            service_code, channel, count(*) as n, sum(extra_parties) as parties, sum(extra_pages) as pages, sum(amount_rials) as amount
     from service_records group by 1, 2, 3, 4, 5`,
  );
  const sums = new Map<Key, number[]>();
  for (const r of rows) {
    const k = [
      jalaliMonthStartIso(jalaliMonthOfIso(r.day)),
      r.province_id,
      r.office_id,
      r.service_code,
      r.channel,
    ].join('|');
    const s = sums.get(k) ?? [0, 0, 0, 0];
    [r.n, r.parties, r.pages, r.amount].forEach((v, i) => {
      s[i] += Number(v);
    });
    sums.set(k, s);
  }
  return new Map([...sums].map(([k, s]) => [k, s.join('|')]));
}

beforeAll(async () => {
  t = await startTestServer();
  const offices = await t.query<{ id: number; province_id: number }>('select id, province_id from offices order by id');
  const random = seeded(19);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const services = ['petition', 'complaint', 'brief', 'legal-notice', 'follow-up'];
  // Around the turn of the Jalali months and the year: 1404-12 / 1405-01 and 1405-01 / 1405-02.
  const start = Date.parse('2026-03-01T00:00:00Z');
  const span = Date.parse('2026-05-05T00:00:00Z') - start;
  const one = () => {
    const online = random() < 0.3;
    const o = pick(offices);
    return {
      input: {
        serviceCode: pick(services),
        channel: online ? ('online' as const) : ('office' as const),
        officeId: online ? null : o.id,
        provinceId: online ? 1 + Math.floor(random() * 31) : o.province_id,
        operatorUserId: null,
        citizenId: null,
        scheduleId: null,
        amountRials: 10_000 * (1 + Math.floor(random() * 50)),
        extraParties: Math.floor(random() * 3),
        extraPages: Math.floor(random() * 5),
      },
      at: new Date(start + Math.floor(random() * span)),
      rolledBack: random() < 0.1,
    };
  };
  for (let batch = 0; batch < 30; batch++) {
    // Eight at once, so concurrent transactions add to the same keys through different stripes.
    const writes = Array.from({ length: 8 }, one);
    await Promise.all(
      writes.map((w) =>
        t.server.ctx.db
          .transaction(async (tx) => {
            await recordService(tx, w.input, w.at);
            if (w.rolledBack) throw new Error('rolled back');
          })
          .catch((error: Error) => {
            if (error.message !== 'rolled back') throw error;
          }),
      ),
    );
  }
});
afterAll(async () => {
  await t?.stop();
});

describe('the rollup equals the records', () => {
  it('after a random mix of services, some in parallel and some rolled back', async () => {
    const expected = await fromRecords();
    expect(expected.size).toBeGreaterThan(100);
    expect(await rollup()).toEqual(expected);
  });

  it('after the rebuild (`daftar stats rebuild`), row for row, and the dashboard reads the same', async () => {
    const before = await rollup();
    await t.server.ctx.db.transaction((tx) => rebuildServiceVolume(tx));
    expect(await rollup()).toEqual(before);
    expect(await rollup()).toEqual(await fromRecords());
    const [{ n }] = await t.query<{ n: string }>(
      `select count(*) as n from service_records
       where created_at >= '2026-02-19T20:30:00Z' and created_at < '2026-05-21T20:30:00Z'`,
    );
    const client = await t.signInStaff('regulator');
    const body = (await client.get('/api/v1/stats/services?fromMonth=1404-12&toMonth=1405-02')).json();
    expect(body.totals.records).toBe(Number(n));
  });
});
