/**
 * Channel balance: the channel policy of each service with its fee per channel, the regulator's
 * changes to it (audited, in force at once), and the channel share read from the monthly rollup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jalaliMonthStartIso } from '#core/jalali';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
const clients = new Map<string, Client>();
async function as(who: string): Promise<Client> {
  if (!clients.has(who)) clients.set(who, who.startsWith('09') ? await t.signInCitizen(who) : await t.signInStaff(who));
  return clients.get(who)!;
}

beforeAll(async () => {
  t = await startTestServer();
  // A distinct online fee for briefs, so the policy shows the two fees apart.
  await t.query("update tariff_lines set online_amount_rials = 500000 where code = 'brief'");
  // Volume far before any seeded history: hand-checked figures below.
  const rows: [string, number, number, string, 'office' | 'online', number][] = [
    ['1399-01', 1, 1, 'brief', 'office', 30],
    ['1399-01', 1, 0, 'brief', 'online', 10],
    ['1399-01', 3, 4, 'brief', 'office', 20],
    ['1399-01', 3, 0, 'brief', 'online', 40],
    ['1399-02', 1, 2, 'petition', 'office', 7],
    ['1399-03', 1, 0, 'brief', 'online', 5],
    ['1398-12', 1, 1, 'brief', 'office', 1000], // the month before the period asked for
  ];
  for (const [month, provinceId, officeId, service, channel, records] of rows) {
    await t.query(
      `insert into service_volume_monthly (month, province_id, office_id, service_code, channel, records, extra_parties, extra_pages, amount_rials)
      values ($1, $2, $3, $4, $5, $6, 0, 0, $7)`,
      [jalaliMonthStartIso(month), provinceId, officeId, service, channel, records, records * 630_000],
    );
  }
});
afterAll(async () => {
  await t?.stop();
});

type Policy = { code: string; channels: string; officeFeeRials: number | null; onlineFeeRials: number | null };
const policies = async () => (await t.anonymous().get('/api/v1/tariffs/channel-policies')).json().items as Policy[];
const policyOf = async (code: string) => (await policies()).find((p) => p.code === code)!;
/** The audit events of changes (sign-ins, written as the test's people sign in, are events too). */
const auditCount = async () =>
  (await t.query<{ n: number }>("select count(*)::int as n from audit_events where action not like 'auth.%'"))[0].n;

describe('channel policies', () => {
  it("anyone can read every active service's policy with its fees per channel, from the schedule in force", async () => {
    const res = await t.anonymous().get('/api/v1/tariffs/channel-policies');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Policy[];
    const catalog = (await t.anonymous().get('/api/v1/catalog/services')).json().items as {
      code: string;
      channels: string;
    }[];
    expect(items.map((p) => [p.code, p.channels])).toEqual(catalog.map((s) => [s.code, s.channels]));

    const officeFee = async (service: string, channel: 'office' | 'online') =>
      (await t.anonymous().post('/api/v1/fees/quote', { service, channel })).json().lines[0].unitRials as number;
    // Office only: no online fee is offered.
    expect(items.find((p) => p.code === 'petition')).toMatchObject({
      channels: 'office',
      officeFeeRials: await officeFee('petition', 'office'),
      onlineFeeRials: null,
    });
    // Both: each channel its own fee.
    expect(items.find((p) => p.code === 'brief')).toMatchObject({
      channels: 'both',
      officeFeeRials: await officeFee('brief', 'office'),
      onlineFeeRials: 500_000,
    });
    // Both, without an online fee of its own: the office fee online too.
    const followUp = items.find((p) => p.code === 'follow-up')!;
    expect(followUp.onlineFeeRials).toBe(followUp.officeFeeRials);
  });

  it('the regulator switches SANA registration to office only: audited, and online self-registration is refused at once', async () => {
    expect((await t.anonymous().post('/api/v1/eaccounts/self/mobile-code', { mobile: '09125550001' })).statusCode).toBe(
      202,
    );
    const before = await auditCount();

    const res = await (await as('regulator')).request({
      method: 'PUT',
      url: '/api/v1/tariffs/channel-policies/sana-registration',
      body: { channels: 'office', reason: 'ثبت‌نام فقط با احراز هویت حضوری' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'sana-registration', channels: 'office', onlineFeeRials: null });
    expect(res.json().officeFeeRials).toBeGreaterThan(0);

    expect(await auditCount()).toBe(before + 1);
    const [event] = await t.query<{
      action: string;
      entity_type: string;
      entity_id: string;
      data: Record<string, unknown>;
    }>('select action, entity_type, entity_id, data from audit_events order by seq desc limit 1');
    expect(event).toMatchObject({
      action: 'catalog.channel-policy.change',
      entity_type: 'catalog_service',
      entity_id: 'sana-registration',
    });
    expect(event.data).toEqual({ old: 'both', new: 'office', reason: 'ثبت‌نام فقط با احراز هویت حضوری' });

    const catalog = (await t.anonymous().get('/api/v1/catalog/services')).json().items as {
      code: string;
      channels: string;
    }[];
    expect(catalog.find((s) => s.code === 'sana-registration')!.channels).toBe('office');
    expect((await policyOf('sana-registration')).channels).toBe('office');
    expectProblem(
      await t.anonymous().post('/api/v1/eaccounts/self/mobile-code', { mobile: '09125550002' }),
      403,
      'channel_not_allowed',
    );

    const back = await (await as('regulator')).request({
      method: 'PUT',
      url: '/api/v1/tariffs/channel-policies/sana-registration',
      body: { channels: 'both', reason: 'احراز هویت برخط فراهم شد' },
    });
    expect(back.statusCode).toBe(200);
    expect((await t.anonymous().post('/api/v1/eaccounts/self/mobile-code', { mobile: '09125550003' })).statusCode).toBe(
      202,
    );
  });

  it('moving a service online only drops its office fee from the policy', async () => {
    const res = await (await as('regulator')).request({
      method: 'PUT',
      url: '/api/v1/tariffs/channel-policies/case-report',
      body: { channels: 'online', reason: 'گزارش وضعیت پرونده برخط کافی است' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ channels: 'online', officeFeeRials: null });
    expect(res.json().onlineFeeRials).toBeGreaterThan(0);
  });

  it('setting the policy a service already has is a 409 naming the channels field, and writes nothing', async () => {
    const before = await auditCount();
    const res = await (await as('regulator')).request({
      method: 'PUT',
      url: '/api/v1/tariffs/channel-policies/petition',
      body: { channels: 'office', reason: 'بدون تغییر واقعی' },
    });
    const problem = expectProblem(res, 409, 'channel_policy_unchanged');
    expect(problem.errors?.[0]).toMatchObject({ field: 'channels', code: 'channel_policy_unchanged' });
    expect(problem.errors?.[0].message.fa).toMatch(/سیاست/);
    expect(await auditCount()).toBe(before);
  });

  it('bad input: an unknown service is 404, a missing or short reason and an unknown policy name their field', async () => {
    const regulator = await as('regulator');
    const put = (code: string, body: unknown) =>
      regulator.request({ method: 'PUT', url: `/api/v1/tariffs/channel-policies/${code}`, body });
    expectProblem(await put('divorce', { channels: 'office', reason: 'خدمت ناموجود' }), 404, 'not_found');
    expect(
      expectProblem(await put('brief', { channels: 'office', reason: 'کم' }), 400, 'validation_failed').errors![0]
        .field,
    ).toBe('reason');
    expect(expectProblem(await put('brief', { channels: 'office' }), 400, 'validation_failed').errors![0].field).toBe(
      'reason',
    );
    expect(
      expectProblem(await put('brief', { channels: 'kiosk', reason: 'مسیر ناموجود' }), 400, 'validation_failed')
        .errors![0].field,
    ).toBe('channels');
    expect((await policyOf('brief')).channels).toBe('both');
  });

  it('only the regulator may change a policy: the association, an operator and a citizen get 403, nobody signed in 401', async () => {
    const before = await auditCount();
    const body = { channels: 'office', reason: 'تغییر بدون اختیار' };
    for (const who of [
      'association',
      'association.tehran',
      'manager.11001',
      'operator.11001',
      'inspector.tehran',
      '09120000001',
    ]) {
      expectProblem(
        await (await as(who)).request({ method: 'PUT', url: '/api/v1/tariffs/channel-policies/brief', body }),
        403,
        'forbidden',
      );
    }
    expectProblem(
      await t.anonymous().request({ method: 'PUT', url: '/api/v1/tariffs/channel-policies/brief', body }),
      401,
      'unauthenticated',
    );
    expect((await policyOf('brief')).channels).toBe('both');
    expect(await auditCount()).toBe(before);
  });
});

describe('channel share', () => {
  const share = async (who: string, query: string) => (await as(who)).get(`/api/v1/stats/channel-share?${query}`);
  const period = 'fromMonth=1399-01&toMonth=1399-03';

  it('counts office and online records per month and service, and per province, from the rollup (hand-checked)', async () => {
    const res = await share('regulator', period);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months).toEqual(['1399-01', '1399-02', '1399-03']);
    const brief = body.series.find((s: { service: string }) => s.service === 'brief');
    expect(brief).toMatchObject({
      titleFa: 'ثبت لایحه',
      office: [50, 0, 0],
      online: [50, 0, 5],
      onlineSharePercent: [50, null, 100],
    });
    expect(body.series.find((s: { service: string }) => s.service === 'petition')).toMatchObject({
      office: [0, 7, 0],
      online: [0, 0, 0],
      onlineSharePercent: [null, 0, null],
    });
    // Every active service has a series, in catalog order.
    expect(body.series).toHaveLength((await policies()).length);
    expect(body.byProvince).toHaveLength(31);
    expect(body.byProvince.find((p: { provinceId: number }) => p.provinceId === 1)).toMatchObject({
      office: 37,
      online: 15,
      onlineSharePercent: 28.8,
    });
    expect(body.byProvince.find((p: { provinceId: number }) => p.provinceId === 3)).toMatchObject({
      name: { fa: 'اصفهان' },
      office: 20,
      online: 40,
      onlineSharePercent: 66.7,
    });
    expect(body.byProvince.find((p: { provinceId: number }) => p.provinceId === 8)).toMatchObject({
      office: 0,
      online: 0,
      onlineSharePercent: null,
    });
  });

  it('one service, one province, months in Persian digits', async () => {
    const res = await share('association', 'fromMonth=۱۳۹۹/۰۱&toMonth=۱۳۹۹/۰۳&service=brief&provinceId=3');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().series).toEqual([
      {
        service: 'brief',
        titleFa: 'ثبت لایحه',
        titleEn: 'Brief',
        office: [20, 0, 0],
        online: [40, 0, 0],
        onlineSharePercent: [66.7, null, null],
      },
    ]);
    expect(res.json().byProvince).toEqual([
      {
        provinceId: 3,
        name: { fa: 'اصفهان', en: expect.any(String) },
        office: 20,
        online: 40,
        onlineSharePercent: 66.7,
      },
    ]);
  });

  it('without a period: the last twelve months, oldest first', async () => {
    const res = await share('regulator', '');
    expect(res.statusCode).toBe(200);
    const months = res.json().months as string[];
    expect(months).toHaveLength(12);
    expect([...months].sort()).toEqual(months);
  });

  it("a province's association and inspector see only their province, and asking for another is refused", async () => {
    for (const who of ['association.tehran', 'inspector.tehran']) {
      const res = await share(who, period);
      expect(res.statusCode).toBe(200);
      expect(res.json().byProvince.map((p: { provinceId: number }) => p.provinceId)).toEqual([1]);
      expect(res.json().series.find((s: { service: string }) => s.service === 'brief')).toMatchObject({
        office: [30, 0, 0],
        online: [10, 0, 5],
        onlineSharePercent: [25, null, 100],
      });
      expect((await share(who, `${period}&provinceId=1`)).statusCode).toBe(200);
      expectProblem(await share(who, `${period}&provinceId=3`), 403, 'forbidden');
    }
    const isfahan = await share('association.isfahan', period);
    expect(isfahan.json().byProvince).toEqual([expect.objectContaining({ provinceId: 3, office: 20, online: 40 })]);
  });

  it('offices, courts and citizens may not read channel statistics; nobody signed in gets 401', async () => {
    for (const who of ['operator.11001', 'manager.11001', 'clerk.tehran', '09120000001'])
      expectProblem(await share(who, period), 403, 'forbidden');
    expectProblem(await t.anonymous().get(`/api/v1/stats/channel-share?${period}`), 401, 'unauthenticated');
  });

  it('bad input names its field: an impossible month, an end before the start, over 24 months, an unknown service or province', async () => {
    const field = async (query: string) => expectProblem(await share('regulator', query), 400).errors![0];
    expect(await field('fromMonth=1399-13')).toMatchObject({ field: 'fromMonth' });
    expect(await field('fromMonth=1399-03&toMonth=1399-01')).toMatchObject({
      field: 'toMonth',
      code: 'end_before_start',
    });
    expect(await field('fromMonth=1397-01&toMonth=1399-01')).toMatchObject({
      field: 'toMonth',
      code: 'period_too_long',
    });
    expect(await field(`${period}&service=divorce`)).toMatchObject({ field: 'service', code: 'unknown_service' });
    expect(await field(`${period}&provinceId=99`)).toMatchObject({ field: 'provinceId', code: 'invalid_value' });
    expect(await field(`${period}&provinceId=abc`)).toMatchObject({ field: 'provinceId' });
  });
});
