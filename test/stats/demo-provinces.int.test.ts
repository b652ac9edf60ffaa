/**
 * The demo network spans the country: after seeding, every one of Iran's 31 provinces has active
 * offices and a year of services, and the provinces' services rank as their populations do. The
 * ranking expected is the 1395 census's (Statistical Centre of Iran, the published provincial
 * totals written out below), not anything the seed computes: Tehran 13,267,637 > Razavi Khorasan
 * 6,434,501 > Isfahan 5,120,850 > … > Ilam 580,158.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/** The 1395 (2016) census population of each province, by the provinces' ids. */
const CENSUS_1395: Record<number, number> = {
  1: 13_267_637,
  2: 6_434_501,
  3: 5_120_850,
  4: 4_851_274,
  5: 4_710_509,
  6: 3_909_652,
  7: 3_283_582,
  8: 3_265_219,
  9: 3_164_718,
  10: 2_775_014,
  11: 2_712_400,
  12: 2_530_696,
  13: 1_952_434,
  14: 1_868_819,
  15: 1_760_649,
  16: 1_738_234,
  17: 1_603_011,
  18: 1_776_415,
  19: 1_429_475,
  20: 1_270_420,
  21: 1_273_761,
  22: 1_292_283,
  23: 1_138_533,
  24: 1_057_461,
  25: 1_163_400,
  26: 947_763,
  27: 863_092,
  28: 713_052,
  29: 768_898,
  30: 702_360,
  31: 580_158,
};
const KHUZESTAN = 5;

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

interface Child {
  id: number;
  office: number;
  online: number;
}

describe('the demo network in every province', () => {
  it('each of the 31 provinces has active offices that take petitions', async () => {
    for (const provinceId of Object.keys(CENSUS_1395).map(Number)) {
      const res = await t.anonymous().get(`/api/v1/offices?provinceId=${provinceId}&service=petition&pageSize=50`);
      expect(res.statusCode, `province ${provinceId}`).toBe(200);
      const page = res.json() as { items: { province: { id: number }; status: string }[]; total: number };
      expect(page.total, `province ${provinceId}`).toBeGreaterThanOrEqual(1);
      for (const o of page.items) expect(o).toMatchObject({ province: { id: provinceId }, status: 'active' });
    }
  });

  it('each province has services at its offices in every month of the last year, ranked as its population', async () => {
    const regulator = await t.signInStaff('regulator');
    // Today is 15 Ordibehesht 1405: Ordibehesht 1404 to Farvardin 1405 are the last twelve complete months.
    const months = [
      '1404-02',
      '1404-03',
      '1404-04',
      '1404-05',
      '1404-06',
      '1404-07',
      '1404-08',
      '1404-09',
      '1404-10',
      '1404-11',
      '1404-12',
      '1405-01',
    ];
    for (const month of months) {
      const res = await regulator.get(`/api/v1/stats/services?fromMonth=${month}&toMonth=${month}`);
      expect(res.statusCode).toBe(200);
      const children = res.json().children as Child[];
      for (const id of Object.keys(CENSUS_1395).map(Number))
        expect(children.find((c) => c.id === id)?.office ?? 0, `province ${id} in ${month}`).toBeGreaterThan(0);
    }

    const year = await regulator.get('/api/v1/stats/services?fromMonth=1404-02&toMonth=1405-01');
    const children = year.json().children as Child[];
    const services = (id: number) => {
      const c = children.find((x) => x.id === id)!;
      return c.office + c.online;
    };
    const byPopulation = Object.keys(CENSUS_1395)
      .map(Number)
      .sort((a, b) => CENSUS_1395[b] - CENSUS_1395[a]);
    expect(byPopulation.slice(0, 3)).toEqual([1, 2, 3]);
    expect(byPopulation.at(-1)).toBe(31);
    for (let i = 1; i < byPopulation.length; i++) {
      const [larger, smaller] = [byPopulation[i - 1], byPopulation[i]];
      expect(services(larger), `province ${larger} before ${smaller}`).toBeGreaterThan(services(smaller));
    }
  });

  it("Khuzestan, with no office among the first demo offices, shows its year of services in the province's dashboard", async () => {
    const regulator = await t.signInStaff('regulator');
    const res = await regulator.get(`/api/v1/stats/services?provinceId=${KHUZESTAN}&fromMonth=1404-02&toMonth=1405-01`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { totals: { office: number; online: number }; children: Child[] };
    expect(body.totals.office).toBeGreaterThan(0);
    expect(body.totals.online).toBeGreaterThan(0);
    // Its counties with offices show theirs (Ahvaz; Abadan and Khorramshahr count in one county).
    expect(body.children.filter((c) => c.office > 0).length).toBeGreaterThanOrEqual(2);
  });
});
