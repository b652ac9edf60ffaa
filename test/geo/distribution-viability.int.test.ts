/**
 * Office viability as a function: the demo's seven offices over the last 12 complete Jalali
 * months, priced with the schedule in force, agree with the revision simulator on who is below
 * break-even (Shahr-e Rey 11003 and Zand 14001); filters by province and office; demand rates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJalaliMonths, jalaliMonthOfIso } from '#core/jalali';
import {
  officeViabilities,
  provinceDemandRates,
  viabilityPeriod,
} from '#server/modules/network/distribution/viability';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('officeViabilities', () => {
  it('covers the last 12 complete Jalali months', () => {
    const current = jalaliMonthOfIso(t.today());
    const p = viabilityPeriod(t.today());
    expect(p.fromMonth).toBe(addJalaliMonths(current, -12));
    expect(p.toMonth).toBe(addJalaliMonths(current, -1));
    expect(p.months).toBe(12);
  });

  it('gives the demo offices demand, revenue, cost and break-even, and agrees with the simulator', async () => {
    const all = await officeViabilities(t.server.ctx.db, {}, t.today());
    // The first seven, and the demo's small offices in every other province (decision 0077).
    const firstSeven = ['11001', '11002', '11003', '12001', '13001', '13002', '14001'];
    expect(all.filter((o) => firstSeven.includes(o.code)).map((o) => o.code)).toEqual(firstSeven);
    expect(new Set(all.map((o) => o.provinceId)).size).toBe(31);
    const below = all
      .filter((o) => firstSeven.includes(o.code) && o.viability === 'below')
      .map((o) => o.code)
      .sort();
    expect(below).toEqual(['11003', '14001']);
    for (const o of all) {
      expect(o.demandMonthly).toBeGreaterThan(0);
      expect(o.revenueMonthlyRials).toBeGreaterThan(0);
      expect(o.costMonthlyRials).toBeGreaterThan(0);
      // Demand is rounded to a tenth of a service, so the quotient matches to within half a tenth of
      // the demand (a thousandth at the first seven's volumes; more at the small offices' few services).
      expect(Math.abs(o.revenuePerServiceRials / (o.revenueMonthlyRials / o.demandMonthly) - 1)).toBeLessThanOrEqual(
        0.001 + 0.05 / (o.demandMonthly - 0.05),
      );
      expect(
        Math.abs(o.breakEvenVolume - Math.ceil(o.costMonthlyRials / o.revenuePerServiceRials)),
      ).toBeLessThanOrEqual(1);
      // Below break-even exactly when demand falls short of the break-even volume (up to rounding).
      if (o.viability === 'below') expect(o.demandMonthly).toBeLessThanOrEqual(o.breakEvenVolume);
      else expect(o.demandMonthly).toBeGreaterThanOrEqual(o.breakEvenVolume - 1);
    }

    // The simulator, run with the schedule in force against itself over the same months, says the same.
    const association = await t.signInStaff('association');
    const [inForce] = await t.query<{ id: number }>(
      "select id from tariff_schedules where status = 'approved' and effective_from <= $1::date order by effective_from desc limit 1",
      [t.today()],
    );
    const p = viabilityPeriod(t.today());
    const sim = await association.post('/api/v1/tariffs/simulations', {
      scheduleId: inForce.id,
      baselineScheduleId: inForce.id,
      fromMonth: p.fromMonth,
      toMonth: p.toMonth,
      channelMoves: [],
      save: false,
    });
    expect(sim.statusCode).toBe(200);
    const offices = (
      sim.json() as {
        offices: {
          officeId: number;
          revenueBeforeRials: number;
          costRials: number;
          viableBefore: boolean;
          records: number;
        }[];
      }
    ).offices;
    for (const o of all) {
      const s = offices.find((x) => x.officeId === o.officeId)!;
      expect(o.viability === 'below').toBe(!s.viableBefore);
      expect(o.revenueMonthlyRials).toBe(Math.round(s.revenueBeforeRials / 12));
      expect(o.costMonthlyRials).toBe(Math.round(s.costRials / 12));
    }
  });

  it('filters by province and by office; an empty list selects nothing', async () => {
    const db = t.server.ctx.db;
    expect((await officeViabilities(db, { provinceIds: [1] }, t.today())).map((o) => o.code)).toEqual([
      '11001',
      '11002',
      '11003',
    ]);
    expect((await officeViabilities(db, { provinceIds: [1, 4] }, t.today())).map((o) => o.code)).toEqual([
      '11001',
      '11002',
      '11003',
      '14001',
    ]);
    expect((await officeViabilities(db, { officeIds: [6] }, t.today())).map((o) => o.code)).toEqual(['14001']);
    expect(await officeViabilities(db, { provinceIds: [] }, t.today())).toEqual([]);
    // Kerman (3.2 million people) has the demo's three offices of its series (decision 0077).
    expect((await officeViabilities(db, { provinceIds: [9] }, t.today())).map((o) => o.code)).toEqual([
      '19001',
      '19002',
      '19003',
    ]);
  });

  it("an office with no volume has demand 0, its province's revenue per service, and is below break-even", async () => {
    const [o] = await t.query<{ id: number }>(
      "insert into offices (code, name_fa, name_en, province_id, city_id, address, status) select '13999', 'دفتر آزمایشی', 'Test office', 3, city_id, 'x', 'active' from offices where id = 4 returning id",
    );
    const list = await officeViabilities(t.server.ctx.db, { provinceIds: [3] }, t.today());
    const fresh = list.find((x) => x.officeId === o.id)!;
    const others = list.filter((x) => x.officeId !== o.id);
    expect(fresh.demandMonthly).toBe(0);
    expect(fresh.revenueMonthlyRials).toBe(0);
    expect(fresh.viability).toBe('below');
    const rate =
      others.reduce((a, x) => a + x.revenueMonthlyRials, 0) / others.reduce((a, x) => a + x.demandMonthly, 0);
    expect(Math.abs(fresh.revenuePerServiceRials - rate) / rate).toBeLessThan(0.001);
    expect(fresh.breakEvenVolume).toBeGreaterThan(0);
    await t.query('delete from offices where id = $1', [o.id]);
  });

  it('demand rates: office services a month per person, in every province from its own offices', async () => {
    const rates = await provinceDemandRates(t.server.ctx.db, t.today());
    expect(rates.size).toBe(31);
    const [tehran] = await t.query<{ population: number }>('select population from provinces where id = 1');
    const [v] = await t.query<{ n: string }>(
      `select sum(records)::bigint as n from service_volume_monthly where channel = 'office' and office_id <> 0 and province_id = 1 and month >= $1::date and month <= $2::date`,
      [viabilityPeriod(t.today()).fromIso, viabilityPeriod(t.today()).toIso],
    );
    expect(rates.get(1)).toBeCloseTo(Number(v.n) / 12 / tehran.population, 12);
    // Kerman has offices of its own now (decision 0077): its rate is its own, far below Tehran's.
    const [kerman] = await t.query<{ population: number }>('select population from provinces where id = 9');
    const [k] = await t.query<{ n: string }>(
      `select sum(records)::bigint as n from service_volume_monthly where channel = 'office' and office_id <> 0 and province_id = 9 and month >= $1::date and month <= $2::date`,
      [viabilityPeriod(t.today()).fromIso, viabilityPeriod(t.today()).toIso],
    );
    expect(rates.get(9)).toBeCloseTo(Number(k.n) / 12 / kerman.population, 12);
    expect(rates.get(9)!).toBeLessThan(rates.get(1)!);
  });
});
