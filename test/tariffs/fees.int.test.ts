/** Fee quotes from the tariff in force, and the court-cost rule set kept apart from them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/problems';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

const quote = (body: Record<string, unknown>) => t.anonymous().post('/api/v1/fees/quote', body);

describe('fee quotes', () => {
  it('quotes a petition with extra parties and pages from the 1403 schedule, dates in Persian digits', async () => {
    const res = await quote({ service: 'petition', date: '۱۴۰۳/۰۵/۰۱', parties: 4, pages: 7 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schedule).toMatchObject({ code: '1403', effectiveFromJalali: '1403-01-01' });
    expect(body.lines.map((l: { code: string; quantity: number }) => [l.code, l.quantity])).toEqual([
      ['petition', 1],
      ['extra-party', 2],
      ['extra-page', 5],
    ]);
    expect(body.totalRials).toBe(1_260_000);
  });
  it('answers 422 no_tariff_in_force for a day before any schedule', async () => {
    const res = await quote({ service: 'petition', date: '1402-05-01' });
    expectProblem(res, 422, 'no_tariff_in_force');
    expect(res.json().date).toBe('1402-05-01');
  });
  it('names the field for an unknown service, impossible counts and an impossible date', async () => {
    expect(expectProblem(await quote({ service: 'divorce' }), 400, 'unknown_service').errors![0].field).toBe('service');
    expect(
      expectProblem(await quote({ service: 'petition', parties: -1 }), 400, 'validation_failed').errors![0].field,
    ).toBe('parties');
    expect(
      expectProblem(await quote({ service: 'petition', pages: 2.5 }), 400, 'validation_failed').errors![0].field,
    ).toBe('pages');
    expect(
      expectProblem(await quote({ service: 'petition', date: '1403-07-31' }), 400, 'validation_failed').errors![0].code,
    ).toBe('invalid_jalali_date');
  });
});

describe('court costs', () => {
  it('are reported as not configured — unknown, not zero — while no rule is in force', async () => {
    const res = await quote({ service: 'petition', date: '1404-02-01' });
    expect(res.json().courtCosts).toEqual({ configured: false, lines: [], totalRials: 0 });
  });

  it('a regulator adds a percentage rule with its source, and quotes then show it apart from the office fee', async () => {
    const regulator = await t.signInStaff('regulator');
    const added = await regulator.post('/api/v1/tariffs/court-cost-rules', {
      serviceCode: 'petition',
      titleFa: 'هزینهٔ دادرسی دعاوی مالی',
      titleEn: 'Court costs of money claims',
      basis: 'percent-of-claim',
      percent: 2.5,
      minRials: 100_000,
      effectiveFrom: '1404-01-01',
      source: 'An approved court-cost regulation entered for this test',
    });
    expect(added.statusCode, added.body).toBe(201);
    const res = await quote({ service: 'petition', date: '1404-02-01', claimValueRials: 10_000_000 });
    expect(res.json().totalRials).toBe(770_000);
    expect(res.json().courtCosts).toMatchObject({ configured: true, totalRials: 250_000 });
    expect(res.json().courtCosts.lines[0].source).toContain('regulation');
    // The rule is not in force before its start.
    expect(
      (await quote({ service: 'petition', date: '1403-12-01', claimValueRials: 10_000_000 })).json().courtCosts
        .configured,
    ).toBe(false);
    const removed = await regulator.request({
      method: 'DELETE',
      url: `/api/v1/tariffs/court-cost-rules/${added.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
  });

  it('refuses a rule without its figure, with an end before its start, or for an unknown service, writing nothing', async () => {
    const regulator = await t.signInStaff('regulator');
    const base = {
      serviceCode: 'petition',
      titleFa: 'ق',
      titleEn: 'R',
      basis: 'fixed',
      effectiveFrom: '1404-01-01',
      source: 'some regulation',
    };
    const before = await t.count('court_cost_rules');
    expect(
      expectProblem(await regulator.post('/api/v1/tariffs/court-cost-rules', base), 400, 'validation_failed').errors![0]
        .field,
    ).toBe('amountRials');
    expect(
      expectProblem(
        await regulator.post('/api/v1/tariffs/court-cost-rules', {
          ...base,
          amountRials: 1,
          effectiveTo: '1403-01-01',
        }),
        400,
        'validation_failed',
      ).errors![0].field,
    ).toBe('effectiveTo');
    expect(
      expectProblem(
        await regulator.post('/api/v1/tariffs/court-cost-rules', { ...base, amountRials: 1, serviceCode: 'divorce' }),
        400,
        'validation_failed',
      ).errors![0].field,
    ).toBe('serviceCode');
    expect(
      expectProblem(
        await regulator.post('/api/v1/tariffs/court-cost-rules', { ...base, amountRials: 1, source: '' }),
        400,
        'validation_failed',
      ).errors![0].field,
    ).toBe('source');
    expect(await t.count('court_cost_rules')).toBe(before);
  });
});
