/**
 * The demo's statistics compare like with like: its history holds two full years of services, so
 * the dashboard's "a year before" and the board's annual report read sane changes instead of a
 * year measured against one month (+995 %). The band is the demo's intent, not its arithmetic: a
 * network whose offices grow by a few percent a year while citizens move online — no month
 * doubling or halving against the same month a year before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

interface Month {
  month: string;
  office: number;
  online: number;
  previousRecords: number;
  changePercent: number | null;
}

describe("the demo's year before", () => {
  it('every month of the last complete year has its month a year before, each within −10 % … +40 %', async () => {
    const regulator = await t.signInStaff('regulator');
    // Today is 15 Ordibehesht 1405: Ordibehesht 1404 to Farvardin 1405 are the last twelve complete months.
    const res = await regulator.get('/api/v1/stats/services?fromMonth=1404-02&toMonth=1405-01');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      totals: { records: number; previousRecords: number; changePercent: number };
      byMonth: Month[];
    };
    expect(body.byMonth).toHaveLength(12);
    for (const m of body.byMonth) {
      expect(m.previousRecords, m.month).toBeGreaterThan(0);
      expect(m.changePercent, m.month).not.toBeNull();
      expect(m.changePercent!, m.month).toBeGreaterThanOrEqual(-10);
      expect(m.changePercent!, m.month).toBeLessThanOrEqual(40);
    }
    // The year as a whole: growth, but not a different network.
    expect(body.totals.changePercent).toBeGreaterThan(0);
    expect(body.totals.changePercent).toBeLessThan(30);
    // Every province with offices has its year before too.
    const provinces = (
      res.json().children as { records?: number; office: number; online: number; changePercent: number | null }[]
    ).filter((c) => c.office > 0);
    expect(provinces.length).toBeGreaterThan(0);
    for (const p of provinces) expect(p.changePercent).not.toBeNull();
  });

  it("the dashboard's default view (the twelve months to this one) reads within −15 % … +30 % of the year before", async () => {
    const regulator = await t.signInStaff('regulator');
    const body = (await regulator.get('/api/v1/stats/services')).json();
    expect(body.byMonth).toHaveLength(12);
    expect(body.totals.previousRecords).toBeGreaterThan(0);
    expect(body.totals.changePercent).toBeGreaterThan(-15);
    expect(body.totals.changePercent).toBeLessThan(30);
  });

  it("the board's annual report of 1404 compares every month with the same month of 1403", async () => {
    const regulator = await t.signInStaff('regulator');
    const made = await regulator.post('/api/v1/stats/board-reports/years', { year: 1404 });
    expect(made.statusCode).toBe(201);
    const [row] = await t.query<{
      figures: {
        nation: { current: { office: number; online: number }; previous: { office: number; online: number } };
        months: { month: string; previous: { office: number; online: number } }[];
      };
    }>('select figures from stats_board_annual_reports where year = 1404');
    const empty = row.figures.months.filter((m) => m.previous.office + m.previous.online === 0).map((m) => m.month);
    expect(empty).toEqual([]);
    const { current, previous } = row.figures.nation;
    const change = (current.office + current.online) / (previous.office + previous.online) - 1;
    expect(change).toBeGreaterThan(0);
    expect(change).toBeLessThan(0.3);
  });
});
