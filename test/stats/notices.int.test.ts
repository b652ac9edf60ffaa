/**
 * Notices on the statistics dashboard: every addressee's copy issued, opened at an office or
 * online, still unopened, and the mean time from issue to opening, with the year before, as the
 * statistics job counts them; each caller within their scope; bad input named by its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { staffSignedInOnce } from '../support/stats';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
const as = staffSignedInOnce(() => t);
let office11001 = 0;

/** Mehr and Aban 1403 (22 September – 20 November 2024): months no other test's notice falls in. */
const Q = 'fromMonth=1403-07&toMonth=1403-08';

beforeAll(async () => {
  // No worker: the statistics job runs here at the test world's instant, never again later at the running clock's.
  t = await startTestServer({ env: { DAFTAR_RUN_JOBS: 'false' } });
  [{ id: office11001 }] = await t.query<{ id: number }>("select id from offices where code = '11001'");
  const [{ id: office13001 }] = await t.query<{ id: number }>("select id from offices where code = '13001'");
  const citizens = (await t.query<{ id: number }>('select id::int as id from citizens order by id limit 2')).map(
    (r) => r.id,
  );
  const [{ staff }] = await t.query<{ staff: number }>('select min(id) as staff from users');
  const hoursAfter = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();
  // [issued, kind, copies: [citizen, province, opened after hours, at office (id) or online (null)]]
  const notices: [string, string, [number, number, number | null, number | null][]][] = [
    // 10 Mehr 1403.
    [
      '2024-10-01T06:30:00Z',
      'summons',
      [
        [0, 1, 24, office11001],
        [1, 1, 6, null],
      ],
    ],
    // The same day, to one addressee who has not opened it yet.
    ['2024-10-01T06:30:00Z', 'notification', [[0, 1, null, null]]],
    // 4 Aban 1403.
    [
      '2024-10-25T06:30:00Z',
      'decision',
      [
        [0, 1, 48, office11001],
        [1, 3, 12, office13001], // an addressee of Isfahan
      ],
    ],
    // 13 Mehr 1402: the year before.
    ['2023-10-05T06:30:00Z', 'order', [[0, 1, 2, null]]],
  ];
  for (const [issued, kind, copies] of notices) {
    const [notice] = await t.query<{ id: number }>(
      `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
       values (1, (select min(id) from courts), 1, $1, 'ابلاغیه', 'متن ابلاغیه', $2, $3) returning id::int as id`,
      [kind, staff, issued],
    );
    for (const [citizen, province, after, officeId] of copies) {
      await t.query(
        `insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at, delivered_channel, delivered_office_id)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          notice.id,
          citizens[citizen],
          province,
          after == null ? null : hoursAfter(issued, after),
          after == null ? null : officeId ? 'office' : 'online',
          officeId,
        ],
      );
    }
  }
  await STATS_REFRESH_JOB.run(t.database, { now: () => TEST_NOW });
});
afterAll(async () => {
  await t?.stop();
});

describe('notices at the nation, a province and an office', () => {
  it('the regulator: issued, opened at an office and online, unopened, the mean delays and the year before', async () => {
    const res = await (await as('regulator')).get(`/api/v1/stats/notices?${Q}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.place).toMatchObject({ level: 'nation' });
    expect(body.previousMonths).toEqual(['1402-07', '1402-08']);
    // Five copies: three opened at offices (24, 48 and 12 hours), one online (6), one not yet.
    expect(body.totals).toEqual({
      issued: 5,
      openedAtOffice: 3,
      openedOnline: 1,
      unopened: 1,
      meanDelayHours: 22.5,
      meanOfficeDelayHours: 28,
      meanOnlineDelayHours: 6,
      previousIssued: 1,
      changePercent: 400,
    });
    expect(body.byMonth).toEqual([
      {
        month: '1403-07',
        issued: 3,
        openedAtOffice: 1,
        openedOnline: 1,
        unopened: 1,
        meanDelayHours: 15,
        meanOfficeDelayHours: 24,
        meanOnlineDelayHours: 6,
        previousIssued: 1,
        changePercent: 200,
      },
      {
        month: '1403-08',
        issued: 2,
        openedAtOffice: 2,
        openedOnline: 0,
        unopened: 0,
        meanDelayHours: 30,
        meanOfficeDelayHours: 30,
        meanOnlineDelayHours: null,
        previousIssued: 0,
        changePercent: null,
      },
    ]);
    const child = (id: number) => body.children.find((c: { id: number }) => c.id === id);
    expect(child(1)).toMatchObject({ issued: 4, openedAtOffice: 2, openedOnline: 1, unopened: 1 });
    expect(child(3)).toMatchObject({ issued: 1, openedAtOffice: 1, meanDelayHours: 12 });
  });

  it('the service and channel filters do not apply to notices', async () => {
    const body = (
      await (await as('regulator')).get(`/api/v1/stats/notices?${Q}&service=protest&channel=online`)
    ).json();
    expect(body.totals.issued).toBe(5);
  });

  it("an office manager: the copies opened at their office, and no other place's", async () => {
    const body = (await (await as('manager.11001')).get(`/api/v1/stats/notices?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'office', id: office11001 });
    expect(body.totals).toMatchObject({ issued: 2, openedAtOffice: 2, openedOnline: 0, meanOfficeDelayHours: 36 });
    await expectProblem(await (await as('manager.11001')).get('/api/v1/stats/notices?provinceId=1'), 403, 'forbidden');
  });

  it("Isfahan's association sees its province's addressees, with none of Tehran's", async () => {
    const body = (await (await as('association.isfahan')).get(`/api/v1/stats/notices?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'province', id: 3 });
    expect(body.totals).toMatchObject({ issued: 1, openedAtOffice: 1, meanDelayHours: 12 });
  });

  it('a figure changed in the records shows after the job runs again', async () => {
    await t.query(
      `update notice_deliveries set delivered_at = $1, delivered_channel = 'online'
       where delivered_at is null and notice_id in (select id from notices where issued_at = '2024-10-01T06:30:00Z')`,
      ['2024-10-01T16:30:00Z'],
    );
    await STATS_REFRESH_JOB.run(t.database, { now: () => TEST_NOW });
    const body = (await (await as('regulator')).get(`/api/v1/stats/notices?${Q}`)).json();
    // The last copy opened online after 10 hours: online (6 + 10) / 2.
    expect(body.totals).toMatchObject({ openedOnline: 2, unopened: 0, meanOnlineDelayHours: 8 });
  });

  it('bad input is named by its field', async () => {
    const regulator = await as('regulator');
    const unknown = await regulator.get('/api/v1/stats/notices?provinceId=99');
    await expectProblem(unknown, 400, 'validation_failed');
    expect(fieldErrors(unknown.json()).provinceId?.code).toBe('unknown_province');
    const inverted = await regulator.get('/api/v1/stats/notices?fromMonth=1405-02&toMonth=1405-01');
    expect(fieldErrors(inverted.json()).toMonth?.code).toBe('end_before_start');
    const tooLong = await regulator.get('/api/v1/stats/notices?fromMonth=1400-01&toMonth=1405-01');
    expect(fieldErrors(tooLong.json()).toMonth?.code).toBe('period_too_long');
    const month = await regulator.get('/api/v1/stats/notices?fromMonth=1405-13');
    expect(fieldErrors(month.json()).fromMonth).toBeDefined();
  });
});

describe('the open data of notices', () => {
  /** Dey 1403 (21 December 2024 – 19 January 2025), written as the job leaves it in the rollup. */
  const DEY = 'fromMonth=1403-10&toMonth=1403-10';
  beforeAll(async () => {
    // Tehran: 20 copies, 8 opened at 11001 (12 hours each), 10 online (3 hours each), 2 not yet.
    await t.query(
      `insert into stats_notices_monthly (month, province_id, office_id, kind, issued, opened_at_office, opened_online, office_delay_hours, online_delay_hours)
       values ('2024-12-21', 1, $1, 'summons', 8, 8, 0, 96, 0), ('2024-12-21', 1, 0, 'summons', 12, 0, 10, 0, 30)`,
      [office11001],
    );
  });

  const cells = (body: {
    rows: { provinceId: number; measure: string; value: number | null; suppressed: boolean }[];
  }) =>
    Object.fromEntries(
      body.rows.filter((r) => r.provinceId === 1).map((r) => [r.measure, r.suppressed ? 'hidden' : r.value]),
    );

  it('anyone: a province month by month, the small count and the one that would give it away hidden', async () => {
    const res = await t.anonymous().get(`/api/v1/stats/open/notices?${DEY}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(5);
    expect(body.months).toEqual(['1403-10']);
    // 2 unopened is under 5; 20 − 10 − 2 would give away the 8 opened at offices, so those are hidden too.
    // The mean delay: (8 × 12 + 10 × 3) / 18 = 7 hours.
    expect(cells(body)).toEqual({
      issued: 20,
      opened_at_office: 'hidden',
      opened_online: 10,
      unopened: 'hidden',
      mean_delay_hours: 7,
    });
    // A province with no notice: zeros are published, the mean is empty.
    const isfahan = body.rows.filter((r: { provinceId: number }) => r.provinceId === 3);
    expect(isfahan.map((r: { value: number | null }) => r.value)).toEqual([0, 0, 0, 0, null]);
  });

  it('a province with only a few notices shows every count and the mean suppressed', async () => {
    const body = (await t.anonymous().get(`/api/v1/stats/open/notices?${Q}&provinceId=1`)).json();
    expect(new Set(body.rows.map((r: { provinceId: number }) => r.provinceId))).toEqual(new Set([1]));
    // Mehr 1403 in Tehran: 3 copies — 1 at an office, 2 online (one of them opened late), none unopened.
    const mehr = body.rows.filter((r: { month: string }) => r.month === '1403-07');
    expect(mehr.map((r: { suppressed: boolean }) => r.suppressed)).toEqual([true, true, true, false, true]);
  });

  it('the CSV: one line per province, month and measure, a suppressed value empty, with the licence', async () => {
    const res = await t.anonymous().get(`/api/v1/stats/open/notices.csv?${DEY}&provinceId=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('daftar-notices-1403-10-1403-10-province-1.csv');
    expect(res.headers.link).toContain('rel="license"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('month,province_id,province_fa,province_en,measure,value,suppressed');
    expect(lines.slice(1).map((l: string) => l.split(',').slice(4).join(','))).toEqual([
      'issued,20,0',
      'opened_at_office,,1',
      'opened_online,10,0',
      'unopened,,1',
      'mean_delay_hours,7,0',
    ]);
  });

  it('bad input is named by its field', async () => {
    const unknown = await t.anonymous().get('/api/v1/stats/open/notices?provinceId=99');
    expect(fieldErrors(unknown.json()).provinceId?.code).toBe('unknown_province');
    const inverted = await t.anonymous().get('/api/v1/stats/open/notices.csv?fromMonth=1404-02&toMonth=1404-01');
    await expectProblem(inverted, 400, 'validation_failed');
    expect(fieldErrors(inverted.json()).toMonth?.code).toBe('end_before_start');
    const tooLong = await t.anonymous().get('/api/v1/stats/open/notices?fromMonth=1400-01&toMonth=1404-01');
    expect(fieldErrors(tooLong.json()).toMonth?.code).toBe('period_too_long');
  });
});
