/**
 * The statistics dashboard's services: by month, service and channel at the nation, a province, a
 * county and an office, with the places one level down and the same months a year before, each
 * caller within their scope; bad input named by its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import {
  recordServices,
  type ServicePlace,
  type StatsServer,
  staffSignedInOnce,
  startStatsServer,
} from '../support/stats';
import type { TestServer } from '../support/test-server';

let t: TestServer;
let world: StatsServer;
const as = staffSignedInOnce(() => t);
const office: Record<string, number> = {};
let tehranCounty = 0;

const record = (at: string, where: ServicePlace, serviceCode: string, amountRials: number, times = 1) =>
  recordServices(world, at, where, { serviceCode, amountRials }, times);

beforeAll(async () => {
  // Only the services below: the demo's year of volume is cleared, so every figure is counted by hand.
  world = await startStatsServer({ rollups: false, jobs: true });
  ({ t } = world);
  Object.assign(office, world.office);
  [{ county: tehranCounty }] = await t.query<{ county: number }>(
    "select c.county_id as county from offices o join cities c on c.id = o.city_id where o.code = '11001'",
  );
  // Ordibehesht 1405 (2026-04-21 … 2026-05-21).
  await record('2026-04-25T08:00:00Z', { office: '11001', provinceId: 1 }, 'petition', 100_000, 3);
  await record('2026-04-26T08:00:00Z', { office: '11001', provinceId: 1 }, 'complaint', 50_000);
  await record('2026-04-27T08:00:00Z', { office: '11002', provinceId: 1 }, 'petition', 100_000, 2);
  await record('2026-04-28T08:00:00Z', { office: '13001', provinceId: 3 }, 'petition', 100_000);
  await record('2026-04-29T08:00:00Z', { provinceId: 1 }, 'petition', 80_000, 4);
  // Farvardin 1405 (12 Farvardin).
  await record('2026-04-01T08:00:00Z', { office: '11001', provinceId: 1 }, 'petition', 100_000);
  // Ordibehesht 1404, a year before.
  await record('2025-04-25T08:00:00Z', { office: '11001', provinceId: 1 }, 'petition', 100_000, 2);
  await record('2025-04-26T08:00:00Z', { provinceId: 1 }, 'petition', 80_000);
});
afterAll(async () => {
  await t?.stop();
});

const PERIOD = 'fromMonth=1405-01&toMonth=1405-02';

describe('the regulator drills from the nation down to an office', () => {
  it('the nation: totals, months, the year before and every province', async () => {
    const res = await (await as('regulator')).get(`/api/v1/stats/services?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.place).toEqual({ level: 'nation', id: null, name: { fa: 'کل کشور', en: 'Nationwide' } });
    expect(body.childLevel).toBe('province');
    expect(body.months).toEqual(['1405-01', '1405-02']);
    expect(body.previousMonths).toEqual(['1404-01', '1404-02']);
    expect(body.totals).toEqual({
      office: 8,
      online: 4,
      records: 12,
      amountRials: 1_070_000,
      previousRecords: 3,
      previousAmountRials: 280_000,
      changePercent: 300,
      digitalTakeUpPercent: 33.3,
    });
    expect(body.byMonth).toEqual([
      { month: '1405-01', office: 1, online: 0, amountRials: 100_000, previousRecords: 0, changePercent: null },
      { month: '1405-02', office: 7, online: 4, amountRials: 970_000, previousRecords: 3, changePercent: 266.7 },
    ]);
    expect(body.children).toHaveLength(31);
    const tehran = body.children.find((c: { id: number }) => c.id === 1);
    expect(tehran).toEqual({
      id: 1,
      name: { fa: 'تهران', en: 'Tehran' },
      office: 7,
      online: 4,
      amountRials: 970_000,
      previousRecords: 3,
      changePercent: 266.7,
      digitalTakeUpPercent: 36.4,
    });
    expect(body.children.find((c: { id: number }) => c.id === 3)).toMatchObject({
      office: 1,
      online: 0,
      previousRecords: 0,
      changePercent: null,
      digitalTakeUpPercent: 0,
    });
    const petition = body.byService.find((s: { service: string }) => s.service === 'petition');
    expect(petition).toMatchObject({ office: 7, online: 4, amountRials: 1_020_000, previousRecords: 3 });
  });

  it('a province: its counties with offices, online services counted only in its totals', async () => {
    const body = (await (await as('regulator')).get(`/api/v1/stats/services?provinceId=1&${PERIOD}`)).json();
    expect(body.place).toMatchObject({ level: 'province', id: 1 });
    expect(body.path.map((p: { level: string }) => p.level)).toEqual(['nation', 'province']);
    expect(body.childLevel).toBe('county');
    expect(body.childrenCover).toBe('office');
    expect(body.totals).toMatchObject({ office: 7, online: 4, records: 11 });
    expect(body.children).toEqual([
      expect.objectContaining({ id: tehranCounty, office: 7, online: 0, amountRials: 650_000, previousRecords: 2 }),
    ]);
  });

  it('a county: its offices, the one without services at zero', async () => {
    const body = (
      await (await as('regulator')).get(`/api/v1/stats/services?countyId=${tehranCounty}&${PERIOD}`)
    ).json();
    expect(body.path.map((p: { level: string }) => p.level)).toEqual(['nation', 'province', 'county']);
    expect(body.childLevel).toBe('office');
    expect(
      body.children.map((c: { id: number; office: number; amountRials: number; changePercent: number | null }) => [
        c.id,
        c.office,
        c.amountRials,
        c.changePercent,
      ]),
    ).toEqual([
      [office['11001'], 5, 450_000, 150],
      [office['11002'], 2, 200_000, null],
      [office['11003'], 0, 0, null],
    ]);
  });

  it('an office: the way back up names every level, and a filter by service keeps to it', async () => {
    const body = (
      await (
        await as('regulator')
      ).get(`/api/v1/stats/services?officeId=${office['11001']}&${PERIOD}&service=complaint`)
    ).json();
    expect(body.path.map((p: { level: string; id: number | null }) => [p.level, p.id])).toEqual([
      ['nation', null],
      ['province', 1],
      ['county', tehranCounty],
      ['office', office['11001']],
    ]);
    expect(body.childLevel).toBeNull();
    expect(body.children).toEqual([]);
    expect(body.totals).toMatchObject({ office: 1, online: 0, amountRials: 50_000, previousRecords: 0 });
    expect(body.byService.map((s: { service: string }) => s.service)).toEqual(['complaint']);
  });

  it('the online channel alone', async () => {
    const body = (await (await as('regulator')).get(`/api/v1/stats/services?${PERIOD}&channel=online`)).json();
    expect(body.totals).toMatchObject({ office: 0, online: 4, amountRials: 320_000, previousRecords: 1 });
  });
});

describe('each caller within their scope', () => {
  it("a province's association opens its province by default and cannot see the nation above it", async () => {
    const client = await as('association.tehran');
    const body = (await client.get(`/api/v1/stats/services?${PERIOD}`)).json();
    expect(body.place).toMatchObject({ level: 'province', id: 1 });
    expect(body.path.map((p: { level: string }) => p.level)).toEqual(['province']);
    await expectProblem(await client.get('/api/v1/stats/services?provinceId=3'), 403, 'forbidden');
    await expectProblem(await client.get(`/api/v1/stats/services?officeId=${office['13001']}`), 403, 'forbidden');
  });

  it('an office manager sees only their office', async () => {
    const client = await as('manager.11001');
    const body = (await client.get(`/api/v1/stats/services?${PERIOD}`)).json();
    expect(body.place).toMatchObject({ level: 'office', id: office['11001'] });
    expect(body.path.map((p: { level: string }) => p.level)).toEqual(['office']);
    expect(body.totals).toMatchObject({ office: 5, online: 0, amountRials: 450_000 });
    await expectProblem(await client.get('/api/v1/stats/services?provinceId=1'), 403, 'forbidden');
    await expectProblem(await client.get(`/api/v1/stats/services?countyId=${tehranCounty}`), 403, 'forbidden');
    await expectProblem(await client.get(`/api/v1/stats/services?officeId=${office['11002']}`), 403, 'forbidden');
  });

  it('an operator and a court clerk have no dashboard of services', async () => {
    await expectProblem(await (await as('operator.11001')).get('/api/v1/stats/services'), 403, 'forbidden');
    await expectProblem(await (await as('clerk.tehran')).get('/api/v1/stats/services'), 403, 'forbidden');
    await expectProblem(await t.anonymous().get('/api/v1/stats/services'), 401, 'unauthenticated');
  });
});

describe('bad input is named by its field', () => {
  const cases: [string, string, string][] = [
    ['provinceId=99', 'provinceId', 'unknown_province'],
    ['countyId=987654', 'countyId', 'unknown_county'],
    ['officeId=987654', 'officeId', 'office_not_found'],
    ['fromMonth=1405-03&toMonth=1405-01', 'toMonth', 'end_before_start'],
    ['fromMonth=1402-01&toMonth=1405-01', 'toMonth', 'period_too_long'],
    ['fromMonth=1405-13', 'fromMonth', 'invalid_format'],
    ['service=no-such-service', 'service', 'unknown_service'],
    ['channel=fax', 'channel', 'invalid_value'],
    ['provinceId=-1', 'provinceId', 'too_small'],
  ];
  it.each(cases)('%s → %s: %s', async (qs, field, code) => {
    const res = await (await as('regulator')).get(`/api/v1/stats/services?${qs}`);
    await expectProblem(res, 400, 'validation_failed');
    expect(fieldErrors(res.json())[field]?.code).toBe(code);
  });
});
