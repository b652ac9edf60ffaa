/**
 * The four service KPIs on the statistics dashboard with their CDDO "great" thresholds (take-up
 * > 79 %, completion > 80 %, satisfaction > 78 %): digital take-up from the services rollup,
 * completion from filings started and submitted, satisfaction from the counter surveys, as the
 * statistics job counts them; cost per transaction not available; each caller within their scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { officeIds, staffSignedInOnce } from '../support/stats';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
const as = staffSignedInOnce(() => t);
const office: Record<string, number> = {};

/** Mehr and Aban 1402 (23 September – 21 November 2023): months no other figure of the test world falls in (the demo's services start in 1403). */
const Q = 'fromMonth=1402-07&toMonth=1402-08';
const MEHR = '2023-09-23';

beforeAll(async () => {
  // No worker: the statistics job runs here at the test world's instant, never again later at the running clock's.
  t = await startTestServer({ env: { DAFTAR_RUN_JOBS: 'false' } });
  Object.assign(office, await officeIds(t));
  const [{ citizen }] = await t.query<{ citizen: number }>('select min(id) as citizen from citizens');
  const [{ staff }] = await t.query<{ staff: number }>('select min(id) as staff from users');
  // Services in Mehr, as the services rollup holds them: Tehran 20 at 11001 and 80 online, Isfahan 10 at 13001.
  await t.query(
    `insert into service_volume_monthly (month, province_id, office_id, service_code, channel, records, extra_parties, extra_pages, amount_rials)
     values ($1, 1, $2, 'petition', 'office', 20, 0, 0, 0), ($1, 1, 0, 'petition', 'online', 80, 0, 0, 0),
            ($1, 3, $3, 'petition', 'office', 10, 0, 0, 0)`,
    [MEHR, office['11001'], office['13001']],
  );
  // Filings started on 10 Mehr 1402: Tehran 5 at 11001 of which 4 submitted; Isfahan 2 at 13001 of which 1.
  const filing = (officeCode: string, province: number, submitted: boolean) =>
    t.query(
      `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject, created_at, submitted_at)
       values ('protest', $1, 'office', $2, $3, $4, $5, 'اعتراض', '2023-10-02T06:30:00Z', $6)`,
      [
        submitted ? 'submitted' : 'draft',
        office[officeCode],
        province,
        citizen,
        staff,
        submitted ? '2023-10-02T08:00:00Z' : null,
      ],
    );
  for (const submitted of [true, true, true, true, false]) await filing('11001', 1, submitted);
  for (const submitted of [true, false]) await filing('13001', 3, submitted);
  // Surveys answered on 11 Mehr 1402 at 11001: 5, 4, 3 and 5 of 5 (three satisfied); one unanswered.
  const answers = [5, 4, 3, 5, null];
  for (const [i, satisfaction] of answers.entries()) {
    await t.query(
      `insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, service_code, token_hash, sent_at, expires_at, answered_at, satisfaction)
       values ($1, $2, 1, $3, 'petition', $4, '2023-10-03T06:00:00Z', '2023-10-10T06:00:00Z', $5, $6)`,
      [
        900_000 + i,
        office['11001'],
        citizen,
        `kpi-test-${i}`,
        satisfaction == null ? null : '2023-10-03T07:00:00Z',
        satisfaction,
      ],
    );
  }
  await STATS_REFRESH_JOB.run(t.database, { now: () => TEST_NOW });
});
afterAll(async () => {
  await t?.stop();
});

describe('the service KPIs', () => {
  it('the regulator: each KPI of the nation with its threshold, by month and province', async () => {
    const res = await (await as('regulator')).get(`/api/v1/stats/kpis?${Q}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kpis).toEqual([
      { kpi: 'digitalTakeUp', targetPercent: 79, available: true, note: null },
      { kpi: 'completionRate', targetPercent: 80, available: true, note: null },
      { kpi: 'costPerTransaction', targetPercent: null, available: false, note: expect.any(Object) },
      { kpi: 'userSatisfaction', targetPercent: 78, available: true, note: null },
    ]);
    // Take-up 80 of 110 = 72.7 %; completion 5 of 7 = 71.4 %; satisfaction 3 of 4 = 75 %.
    expect(body.totals).toEqual({
      servicesOnline: 80,
      servicesAll: 110,
      digitalTakeUpPercent: 72.7,
      filingsStarted: 7,
      filingsFinished: 5,
      completionRatePercent: 71.4,
      costPerTransactionRials: null,
      surveysAnswered: 4,
      surveysSatisfied: 3,
      userSatisfactionPercent: 75,
    });
    expect(body.byMonth.map((m: { month: string; servicesAll: number }) => [m.month, m.servicesAll])).toEqual([
      ['1402-07', 110],
      ['1402-08', 0],
    ]);
    expect(body.byMonth[1]).toMatchObject({ digitalTakeUpPercent: null, completionRatePercent: null });
    const province = (id: number) => body.children.find((c: { id: number }) => c.id === id);
    // Tehran: 80 of 100 online (above 79 %), 4 of 5 finished (80 %, not above), 3 of 4 satisfied.
    expect(province(1)).toMatchObject({
      digitalTakeUpPercent: 80,
      completionRatePercent: 80,
      userSatisfactionPercent: 75,
    });
    expect(province(3)).toMatchObject({
      digitalTakeUpPercent: 0,
      completionRatePercent: 50,
      userSatisfactionPercent: null,
    });
    const petition = body.byService.find((s: { service: string }) => s.service === 'petition');
    expect(petition).toMatchObject({ digitalTakeUpPercent: 72.7, userSatisfactionPercent: 75 });
    expect(body.byService.find((s: { service: string }) => s.service === 'protest')).toMatchObject({
      completionRatePercent: 71.4,
    });
  });

  it('a service filter keeps to the service', async () => {
    const body = (await (await as('regulator')).get(`/api/v1/stats/kpis?${Q}&service=protest`)).json();
    expect(body.totals).toMatchObject({ servicesAll: 0, digitalTakeUpPercent: null, completionRatePercent: 71.4 });
    expect(body.totals.surveysAnswered).toBe(0);
  });

  it('an office manager: their office, with take-up not available there', async () => {
    const body = (await (await as('manager.11001')).get(`/api/v1/stats/kpis?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'office', id: office['11001'] });
    expect(body.kpis[0]).toMatchObject({ kpi: 'digitalTakeUp', available: false });
    expect(body.kpis[0].note.en).toContain('below a province');
    expect(body.totals).toMatchObject({
      servicesAll: 20,
      digitalTakeUpPercent: null,
      completionRatePercent: 80,
      userSatisfactionPercent: 75,
    });
    await expectProblem(await (await as('manager.11001')).get('/api/v1/stats/kpis?provinceId=3'), 403, 'forbidden');
  });

  it("Isfahan's association sees its province", async () => {
    const body = (await (await as('association.isfahan')).get(`/api/v1/stats/kpis?${Q}`)).json();
    expect(body.place).toMatchObject({ level: 'province', id: 3 });
    expect(body.totals).toMatchObject({ digitalTakeUpPercent: 0, completionRatePercent: 50 });
  });

  it('bad input is named by its field', async () => {
    const regulator = await as('regulator');
    const unknown = await regulator.get('/api/v1/stats/kpis?provinceId=99');
    await expectProblem(unknown, 400, 'validation_failed');
    expect(fieldErrors(unknown.json()).provinceId?.code).toBe('unknown_province');
    const inverted = await regulator.get('/api/v1/stats/kpis?fromMonth=1405-02&toMonth=1405-01');
    expect(fieldErrors(inverted.json()).toMonth?.code).toBe('end_before_start');
    const tooLong = await regulator.get('/api/v1/stats/kpis?fromMonth=1400-01&toMonth=1405-01');
    expect(fieldErrors(tooLong.json()).toMonth?.code).toBe('period_too_long');
    const service = await regulator.get('/api/v1/stats/kpis?service=nothing');
    expect(fieldErrors(service.json()).service?.code).toBe('unknown_service');
  });
});
