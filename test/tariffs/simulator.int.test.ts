/**
 * Service volume and the revision simulator through the HTTP API: a filing's submission adds its
 * record with extra parties and pages to the monthly rollup, a rebuild gives the same rollup, runs
 * of a 10% revision over the demo year (national, a province's association for its province),
 * saved runs by scope, the office cost model edited by the right people, and bad input refused
 * with problems naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJalaliMonths, jalaliMonthOfIso } from '#core/jalali';
import { TARIFF_1403 } from '#core/tariff-1403';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { multipart, pdf } from '../filings/files';
import { expectProblem } from '../support/problems';
import { TEST_TODAY } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client, tehran: Client, isfahan: Client, inspector: Client, regulator: Client, operator: Client;
let draftId: number;

const thisMonth = jalaliMonthOfIso(TEST_TODAY);
const fromMonth = addJalaliMonths(thisMonth, -12);
const toMonth = addJalaliMonths(thisMonth, -1);

async function rollup() {
  return t.query<{
    month: string;
    province_id: number;
    office_id: number;
    service_code: string;
    channel: string;
    records: number;
    extra_parties: number;
    extra_pages: number;
    amount_rials: number;
  }>(
    `select month::text, province_id, office_id, service_code, channel, sum(records)::int as records, sum(extra_parties)::int as extra_parties,
       sum(extra_pages)::int as extra_pages, sum(amount_rials)::bigint as amount_rials
     from service_volume_monthly group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
}

beforeAll(async () => {
  t = await startTestServer();
  [association, tehran, isfahan, inspector, regulator, operator] = await Promise.all([
    t.signInStaff('association'),
    t.signInStaff('association.tehran'),
    t.signInStaff('association.isfahan'),
    t.signInStaff('inspector.tehran'),
    t.signInStaff('regulator'),
    t.signInStaff('operator.11001'),
  ]);
  // A draft indexed 10% from the 1403 tariff (rounded to 5,000 Rials; extras to 1,000).
  const [row] = await t.query<{ id: number }>(
    "insert into tariff_schedules (code, title_fa, title_en, effective_from, status, source) values ('sim-1404', 'پیش‌نویس ۱۴۰۴', 'Draft 1404', '2099-03-21', 'draft', 'test') returning id",
  );
  draftId = row.id;
  for (const l of TARIFF_1403.lines) {
    const step = l.amountRials < 100_000 ? 1_000 : 5_000;
    await t.query(
      'insert into tariff_lines (schedule_id, code, title_fa, title_en, amount_rials) values ($1, $2, $3, $4, $5)',
      [draftId, l.code, l.titleFa, l.titleEn, Math.round((l.amountRials * 1.1) / step) * step],
    );
  }
});

afterAll(async () => {
  await t?.stop();
});

describe('service volume', () => {
  it('holds the demo year before this month', async () => {
    const [first] = await t.query<{ n: number; months: number }>(
      'select count(*)::int as n, count(distinct month)::int as months from service_volume_monthly',
    );
    expect(first.months).toBeGreaterThanOrEqual(12);
    expect(first.n).toBeGreaterThan(100);
  });

  it('adds a submitted filing with 4 parties and 5 pages to its month: one record, 2 extra parties, 3 extra pages', async () => {
    const before = await t.query<{ records: number; extra_parties: number; extra_pages: number }>(
      "select coalesce(sum(records), 0)::int as records, coalesce(sum(extra_parties), 0)::int as extra_parties, coalesce(sum(extra_pages), 0)::int as extra_pages from service_volume_monthly where office_id = 1 and service_code = 'petition' and channel = 'office'",
    );
    const created = await operator.post('/api/v1/filings', {
      service: 'petition',
      applicantCitizenId: 1,
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
        { kind: 'named', role: 'defendant', name: 'کامران بدهکار', address: 'تهران، خیابان آزادی، پلاک ۲' },
        { kind: 'named', role: 'defendant', name: 'شیرین بدهکار', address: 'تهران، خیابان آزادی، پلاک ۳' },
      ],
      courtId: 1,
      branch: 3,
      subject: 'مطالبهٔ وجه چک',
      facts: 'خواندگان وجه چک را نپرداخته‌اند.',
      claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const { payload, headers } = multipart({ name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(5) }, 'چک');
    expect(
      (await operator.request({ method: 'POST', url: `/api/v1/filings/${id}/attachments`, payload, headers }))
        .statusCode,
    ).toBe(201);
    const confirmed = await operator.post(`/api/v1/filings/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const total = confirmed.json().quote.totalRials as number;
    // 770,000 + 2 × 70,000 + 3 × 70,000 under 1403.
    expect(total).toBe(1_120_000);
    await t.server.ctx.db.transaction((tx) =>
      t.server.ctx.ports.onPaymentCredited.filing(tx, {
        id: 990_001,
        purpose: 'filing',
        filingId: id,
        serviceRecordId: null,
        amountRials: total,
        receiptNumber: 'R-sim',
        createdBy: 1,
        paidAt: t.now(),
      }),
    );
    const submitted = await operator.request({
      method: 'POST',
      url: `/api/v1/filings/${id}/submit`,
      headers: { 'idempotency-key': `sim-${id}` },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const [record] = await t.query<{ extra_parties: number; extra_pages: number }>(
      'select extra_parties, extra_pages from service_records where filing_id = $1',
      [id],
    );
    expect(record).toEqual({ extra_parties: 2, extra_pages: 3 });
    const after = await t.query<{ records: number; extra_parties: number; extra_pages: number }>(
      "select sum(records)::int as records, sum(extra_parties)::int as extra_parties, sum(extra_pages)::int as extra_pages from service_volume_monthly where office_id = 1 and service_code = 'petition' and channel = 'office'",
    );
    expect(after[0]).toEqual({
      records: before[0].records + 1,
      extra_parties: before[0].extra_parties + 2,
      extra_pages: before[0].extra_pages + 3,
    });
  });

  it('rebuilt from the records, the rollup is the one kept in step', async () => {
    const incremental = await rollup();
    await rebuildServiceVolume(t.server.ctx.db);
    expect(await rollup()).toEqual(incremental);
  });
});

describe('simulations', () => {
  const body = (extra: Record<string, unknown> = {}) => ({ scheduleId: draftId, fromMonth, toMonth, ...extra });

  it('runs a 10% revision over the demo year nationally: of the first seven offices two below break-even before, none after', async () => {
    const res = await association.post('/api/v1/tariffs/simulations', body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.id).toBeGreaterThan(0);
    expect(r.provinceId).toBeNull();
    expect(r.months).toBe(12);
    expect(r.baseline.code).toBe('1403');
    expect(r.schedule).toMatchObject({ id: draftId, status: 'draft' });
    // The first seven offices, and the demo's small offices in every province (decision 0077): each of
    // those does at most about 600 services a month at the office, under half what any of the first
    // seven needs to break even, so no 10 % lifts one of them.
    const firstSeven = ['11001', '11002', '11003', '13001', '13002', '14001', '12001'];
    const small = r.offices.filter((o: { officeNumber: string }) => !firstSeven.includes(o.officeNumber));
    expect(r.offices.length - small.length).toBe(7);
    expect(r.totals.offices).toBe(r.offices.length);
    expect(small.every((o: { viableAfter: boolean }) => !o.viableAfter)).toBe(true);
    expect(r.totals.belowBreakEvenBefore).toBe(2 + small.length);
    expect(r.totals.belowBreakEvenAfter).toBe(small.length);
    const change = r.totals.citizenCostAfterRials / r.totals.citizenCostBeforeRials - 1;
    expect(change).toBeGreaterThan(0.08);
    expect(change).toBeLessThan(0.12);
    expect(r.offices.map((o: { revenueChangeRials: number }) => o.revenueChangeRials)).toEqual(
      [...r.offices.map((o: { revenueChangeRials: number }) => o.revenueChangeRials)].sort((a, b) => a - b),
    );
    const petition = r.services.find((s: { service: string }) => s.service === 'petition');
    expect(petition).toMatchObject({ titleFa: 'ثبت دادخواست', unitBeforeRials: 770_000, unitAfterRials: 845_000 });
    expect(r.provinces.map((p: { provinceId: number }) => p.provinceId)).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    expect(r.assumptions.map((a: { key: string }) => a.key)).toContain('wage');
    expect(r.createdBy.name).toBe('زهرا کریمی');

    const saved = await association.get(`/api/v1/tariffs/simulations/${r.id}`);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(r);
  });

  it('shows a channel move among the assumptions and its effect on offices', async () => {
    const res = await association.post(
      '/api/v1/tariffs/simulations',
      body({ save: false, channelMoves: [{ service: 'petition', to: 'online', sharePercent: 30, lostPercent: 10 }] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.id).toBeNull();
    expect(r.totals.belowBreakEvenAfter).toBeGreaterThan(0);
    expect(r.assumptions.find((a: { key: string }) => a.key === 'move-1').fa).toContain('ثبت دادخواست');
  });

  it("gives a province's association its own province and refuses another", async () => {
    const res = await tehran.post('/api/v1/tariffs/simulations', body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.provinceId).toBe(1);
    expect(r.offices.every((o: { provinceId: number }) => o.provinceId === 1)).toBe(true);
    expect(r.totals.offices).toBe(3);
    expectProblem(await tehran.post('/api/v1/tariffs/simulations', body({ provinceId: 3 })), 403, 'forbidden');
    expect((await isfahan.post('/api/v1/tariffs/simulations', body({ provinceId: 3 }))).statusCode).toBe(201);

    // Tehran's inspector reads Tehran's runs, not the nation's nor Isfahan's.
    const list = await inspector.get('/api/v1/tariffs/simulations');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: number; provinceId: number | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.provinceId === 1)).toBe(true);
    // Asking for another province's runs is refused, not answered empty.
    expectProblem(await inspector.get('/api/v1/tariffs/simulations?provinceId=3'), 403, 'forbidden');
    expect((await inspector.get('/api/v1/tariffs/simulations?provinceId=1')).statusCode).toBe(200);
    expectProblem(
      await inspector.get(
        `/api/v1/tariffs/simulations/${(await association.get('/api/v1/tariffs/simulations?provinceId=3')).json().items[0].id}`,
      ),
      403,
      'forbidden',
    );
    const national = (await association.get('/api/v1/tariffs/simulations')).json();
    expect(national.items.some((i: { provinceId: number | null }) => i.provinceId === null)).toBe(true);
    expect(national.items[0]).toMatchObject({ scheduleCode: 'sim-1404', baselineCode: '1403', fromMonth, toMonth });
    expectProblem(
      await inspector.get(
        `/api/v1/tariffs/simulations/${national.items.find((i: { provinceId: number | null }) => i.provinceId === null).id}`,
      ),
      403,
      'forbidden',
    );
  });

  it('refuses those without the grant', async () => {
    expectProblem(await inspector.post('/api/v1/tariffs/simulations', body()), 403, 'forbidden');
    expectProblem(await operator.post('/api/v1/tariffs/simulations', body()), 403, 'forbidden');
    expectProblem(await operator.get('/api/v1/tariffs/simulations'), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/tariffs/simulations'), 401);
    expectProblem(await association.get('/api/v1/tariffs/simulations/999999'), 404, 'not_found');
  });

  it('refuses bad input naming the field', async () => {
    const field = async (b: unknown, status: number, name: string, code?: string) => {
      const p = expectProblem(await association.post('/api/v1/tariffs/simulations', b), status);
      expect(p.errors?.map((e) => e.field)).toContain(name);
      if (code) expect(p.errors?.find((e) => e.field === name)?.code).toBe(code);
    };
    await field(body({ fromMonth: toMonth, toMonth: fromMonth }), 400, 'toMonth', 'end_before_start');
    await field(body({ fromMonth: '1400-01', toMonth: '1402-06' }), 400, 'toMonth', 'period_too_long');
    await field(body({ scheduleId: 999_999 }), 400, 'scheduleId');
    await field(body({ baselineScheduleId: 999_999 }), 400, 'baselineScheduleId');
    await field(body({ fromMonth: '1403-13' }), 400, 'fromMonth');
    await field(
      body({ channelMoves: [{ service: 'nothing', to: 'online', sharePercent: 10 }] }),
      400,
      'channelMoves.0.service',
    );
    await field(
      body({ channelMoves: [{ service: 'petition', to: 'online', sharePercent: 120 }] }),
      400,
      'channelMoves.0.sharePercent',
    );
    expectProblem(
      await association.post('/api/v1/tariffs/simulations', body({ fromMonth: '1390-01', toMonth: '1390-12' })),
      422,
      'simulation_no_volume',
    );
  });
});

describe('office cost model', () => {
  const figures = {
    operatorWageRials: 130_000_000,
    insurancePercent: 23,
    operatorsPerOffice: 3,
    rentRials: 260_000_000,
    otherRials: 70_000_000,
  };

  it('lists the provinces in scope with the monthly cost', async () => {
    const all = (await association.get('/api/v1/tariffs/cost-model')).json().items;
    expect(all).toHaveLength(31);
    expect(all[0]).toMatchObject({
      provinceId: 1,
      name: { fa: 'تهران' },
      operatorWageRials: 120_000_000,
      insurancePercent: 23,
      monthlyCostRials: 762_800_000,
    });
    const mine = (await inspector.get('/api/v1/tariffs/cost-model')).json().items;
    expect(mine.map((c: { provinceId: number }) => c.provinceId)).toEqual([1]);
    expectProblem(await operator.get('/api/v1/tariffs/cost-model'), 403, 'forbidden');
  });

  it("lets a province's association edit its own province, audited, and no other", async () => {
    const res = await tehran.request({ method: 'PUT', url: '/api/v1/tariffs/cost-model/1', body: figures });
    expect(res.statusCode, res.body).toBe(200);
    // 3 × 130M × 1.23 + 260M + 70M.
    expect(res.json()).toMatchObject({
      provinceId: 1,
      operatorWageRials: 130_000_000,
      monthlyCostRials: 809_700_000,
      updatedBy: 'علی محمدی',
    });
    const [audit] = await t.query<{ action: string; data: { after: { rentRials: number } } }>(
      "select action, data from audit_events where action = 'tariffs.cost-model.update' order by seq desc limit 1",
    );
    expect(audit.data.after.rentRials).toBe(260_000_000);
    expectProblem(
      await tehran.request({ method: 'PUT', url: '/api/v1/tariffs/cost-model/3', body: figures }),
      403,
      'forbidden',
    );
    expectProblem(
      await inspector.request({ method: 'PUT', url: '/api/v1/tariffs/cost-model/1', body: figures }),
      403,
      'forbidden',
    );
    expect(
      (await regulator.request({ method: 'PUT', url: '/api/v1/tariffs/cost-model/3', body: figures })).statusCode,
    ).toBe(200);
  });

  it('refuses bad figures naming the fields, changing nothing', async () => {
    const p = expectProblem(
      await tehran.request({
        method: 'PUT',
        url: '/api/v1/tariffs/cost-model/1',
        body: { ...figures, operatorWageRials: -5, insurancePercent: 99, operatorsPerOffice: 0 },
      }),
      400,
    );
    expect(p.errors?.map((e) => e.field).sort()).toEqual([
      'insurancePercent',
      'operatorWageRials',
      'operatorsPerOffice',
    ]);
    const missing = expectProblem(
      await tehran.request({
        method: 'PUT',
        url: '/api/v1/tariffs/cost-model/1',
        body: { operatorWageRials: 130_000_000 },
      }),
      400,
    );
    expect(missing.errors?.map((e) => e.field)).toContain('rentRials');
    expectProblem(
      await association.request({ method: 'PUT', url: '/api/v1/tariffs/cost-model/99', body: figures }),
      404,
      'not_found',
    );
    const [row] = await t.query<{ operator_wage_rials: number }>(
      'select operator_wage_rials from office_cost_defaults where province_id = 1',
    );
    expect(row.operator_wage_rials).toBe(130_000_000);
  });
});
