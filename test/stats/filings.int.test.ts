/**
 * Filings on the statistics dashboard: submitted, accepted and returned with the court's mean time
 * to decide and the year before, and those awaiting the court by age band, as the statistics job
 * counts them; each caller within their scope.
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

beforeAll(async () => {
  // No worker: the statistics job runs here at the test world's instant, never again later at the running clock's.
  t = await startTestServer({ env: { DAFTAR_RUN_JOBS: 'false' } });
  [{ id: office11001 }] = await t.query<{ id: number }>("select id from offices where code = '11001'");
  const [{ citizen }] = await t.query<{ citizen: number }>('select min(id) as citizen from citizens');
  const [{ staff }] = await t.query<{ staff: number }>('select min(id) as staff from users');
  // Protests only (no other test's filing is one): [status, office?, submitted, decided].
  const filings: [string, boolean, string, string | null][] = [
    ['accepted', true, '2026-04-25T08:00:00Z', '2026-04-26T08:00:00Z'], // decided in 24 hours
    ['returned', true, '2026-04-25T08:00:00Z', '2026-04-27T20:00:00Z'], // in 60 hours
    ['submitted', true, '2026-04-25T08:00:00Z', null], // waiting 9.9 days
    ['submitted', false, '2026-05-04T08:00:00Z', null], // online, waiting under a day
    ['submitted', true, '2026-04-01T08:00:00Z', null], // 12 Farvardin 1405, waiting 34 days
    ['submitted', true, '2026-01-10T08:00:00Z', null], // Dey 1404, waiting 115 days
    ['accepted', true, '2025-04-25T08:00:00Z', '2025-04-25T20:00:00Z'], // a year before
    ['draft', true, '2026-04-25T08:00:00Z', null], // never submitted: not counted
  ];
  for (const [status, atOffice, submitted, decided] of filings) {
    await t.query(
      `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject, submitted_at, decided_at)
       values ('protest', $1, $2, $3, 1, $4, $5, 'اعتراض', $6, $7)`,
      [
        status,
        atOffice ? 'office' : 'online',
        atOffice ? office11001 : null,
        citizen,
        staff,
        status === 'draft' ? null : submitted,
        decided,
      ],
    );
  }
  // The job counts at the test world's instant (the running clock has moved on a little since).
  await STATS_REFRESH_JOB.run(t.database, { now: () => TEST_NOW });
});
afterAll(async () => {
  await t?.stop();
});

const Q = 'fromMonth=1405-01&toMonth=1405-02&service=protest';

describe('filings at the nation and at an office', () => {
  it('the regulator: submitted, decided, the mean time to decide, the year before and every age band', async () => {
    const res = await (await as('regulator')).get(`/api/v1/stats/filings?${Q}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({
      submitted: 5,
      accepted: 1,
      returned: 1,
      meanResponseHours: 42,
      previousSubmitted: 1,
      changePercent: 400,
    });
    expect(body.byMonth).toEqual([
      {
        month: '1405-01',
        submitted: 1,
        accepted: 0,
        returned: 0,
        meanResponseHours: null,
        previousSubmitted: 0,
        changePercent: null,
      },
      {
        month: '1405-02',
        submitted: 4,
        accepted: 1,
        returned: 1,
        meanResponseHours: 42,
        previousSubmitted: 1,
        changePercent: 300,
      },
    ]);
    expect(body.children.find((c: { id: number }) => c.id === 1)).toMatchObject({ submitted: 5, accepted: 1 });
    expect(body.pending).toEqual({
      asOf: '2026-05-05T06:30:00.000Z',
      bands: [
        { band: 'under-1w', filings: 1 },
        { band: '1w-4w', filings: 1 },
        { band: '4w-3m', filings: 1 },
        { band: 'over-3m', filings: 1 },
      ],
    });
  });

  it("an office manager: their office's filings, none of the online one", async () => {
    const body = (await (await as('manager.11001')).get(`/api/v1/stats/filings?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'office', id: office11001 });
    expect(body.totals).toMatchObject({ submitted: 4, accepted: 1, returned: 1 });
    expect(body.pending.bands.map((b: { filings: number }) => b.filings)).toEqual([0, 1, 1, 1]);
    await expectProblem(await (await as('manager.11001')).get('/api/v1/stats/filings?provinceId=1'), 403, 'forbidden');
  });

  it("Isfahan's association sees its province, with none of Tehran's filings", async () => {
    const body = (await (await as('association.isfahan')).get(`/api/v1/stats/filings?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'province', id: 3 });
    expect(body.totals.submitted).toBe(0);
    expect(body.pending.bands.map((b: { filings: number }) => b.filings)).toEqual([0, 0, 0, 0]);
  });

  it('bad input is named by its field', async () => {
    const res = await (await as('regulator')).get('/api/v1/stats/filings?provinceId=99');
    await expectProblem(res, 400, 'validation_failed');
    expect(fieldErrors(res.json()).provinceId?.code).toBe('unknown_province');
    const inverted = await (await as('regulator')).get('/api/v1/stats/filings?fromMonth=1405-02&toMonth=1405-01');
    expect(fieldErrors(inverted.json()).toMonth?.code).toBe('end_before_start');
  });
});
