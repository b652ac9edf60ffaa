/**
 * Legal consultation through the API, on the test world's Tuesday 15 Ordibehesht 1405, 10:00 in
 * Tehran: the registry and its fee ranges, sittings only at competent offices, free slots,
 * booking paid at the bank (a failed payment frees the slot, twenty parallel bookings of one slot
 * give one booking), cancelling with and without a refund, moving, the consultant's day, the note
 * the citizen reads, attendance and the one rating.
 *
 * The demo's consultant.11001 (Kaveh Sharifi) sits at office 11001, room 1, Saturday to Wednesday
 * 09:00–12:00, and by video Saturday to Tuesday 16:00–18:00, in sessions of 60 minutes with a
 * 24-hour cut-off and a fee of 3,000,000 Rials; Maryam Rezvani (labour, family, inheritance) sits
 * at 11002 and by video Sunday and Tuesday 17:00–19:00, 45 minutes, 12-hour cut-off, 2,000,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let citizen1: Client;
let citizen2: Client;
let consultant: Client;
let operator: Client;
let isfahanOperator: Client;
let tehranAssociation: Client;
let isfahanAssociation: Client;
let regulator: Client;
let kaveh: number;
let maryam: number;
let lapsed: number;
let keySerial = 0;

const CARD = { ...SANDBOX_TEST_CARD };

beforeAll(async () => {
  t = await startTestServer();
  [consultant, operator, isfahanOperator, tehranAssociation, isfahanAssociation, regulator] = await Promise.all(
    [
      'consultant.11001',
      'operator.11001',
      'operator.13001',
      'association.tehran',
      'association.isfahan',
      'regulator',
    ].map((u) => t.signInStaff(u)),
  );
  citizen1 = await t.signInCitizen('09120000001');
  citizen2 = await t.signInCitizen('09130000002');
  const ids = await t.query<{ id: number; licence_number: string }>(
    'select id, licence_number from consultants order by id',
  );
  const byLicence = (n: string) => ids.find((r) => r.licence_number === n)!.id;
  [kaveh, maryam, lapsed] = [byLicence('11-4821'), byLicence('M-30517'), byLicence('11-1207')];
});
afterAll(async () => {
  await t?.stop();
});

const book = (client: Client, body: Record<string, unknown>, key = `c-${++keySerial}`) =>
  client.request({ method: 'POST', url: '/api/v1/consultation/bookings', body, headers: { 'idempotency-key': key } });

/** Presses a button on the sandbox bank's page and posts its answer to our callback, as the browser would. */
async function atBank(redirectUrl: string, action: 'pay' | 'decline') {
  const page = await t.inject({
    method: 'POST',
    url: redirectUrl,
    payload: new URLSearchParams({ ...CARD, action }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const fields = Object.fromEntries(
    [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/payments/callback/sandbox',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode, res.body).toBe(303);
}

const slotTimes = async (id: number, query: string) => {
  const res = await t.anonymous().get(`/api/v1/consultation/consultants/${id}/slots?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((s: { day: string; time: string }) => `${s.day} ${s.time}`);
};

const bookingStatus = async (id: number) =>
  (await t.query<{ status: string }>('select status from consultation_bookings where id = $1', [id]))[0].status;

describe('finding a consultant', () => {
  it('lists only bookable consultants, by field; a lapsed licence is neither listed nor bookable', async () => {
    const labour = (await t.anonymous().get('/api/v1/consultation/consultants?field=labour')).json().items;
    expect(labour.map((c: { name: string }) => c.name)).toEqual(['مریم رضوانی']);
    const all = (await t.anonymous().get('/api/v1/consultation/consultants')).json().items;
    expect(all.map((c: { id: number }) => c.id)).not.toContain(lapsed);
    expectProblem(
      await t.anonymous().get(`/api/v1/consultation/consultants/${lapsed}/slots?mode=office&officeId=1`),
      409,
      'consultant_not_bookable',
    );
  });

  it("shows free office slots on Tehran's clock: none left today, none on Thursday and Friday", async () => {
    // Today 09:00 and 10:00 have begun, 11:00 is booked; Thursday is not one of his days; Friday is closed.
    expect(await slotTimes(kaveh, 'mode=office&officeId=1&from=1405-02-15&days=5')).toEqual([
      '1405-02-16 09:00',
      '1405-02-16 10:00',
      '1405-02-16 11:00',
      '1405-02-19 09:00',
      '1405-02-19 10:00',
      '1405-02-19 11:00',
    ]);
    expect(await slotTimes(kaveh, 'mode=video&from=1405-02-15&days=1')).toEqual([
      '1405-02-15 16:00',
      '1405-02-15 17:00',
    ]);
  });
});

describe('the registry and the fee ranges', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'legal-adviser',
    firstName: 'رضا',
    lastName: 'مختاری',
    licenceNumber: `R-${++keySerial}`,
    licenceExpiresOn: '1406-01-15',
    provinceId: 1,
    fields: ['labour'],
    languages: ['fa'],
    feeRials: 1_500_000,
    sessionMinutes: 30,
    cutoffHours: 6,
    ...over,
  });

  it("registers a consultant within the province's fee range, and refuses a fee outside it", async () => {
    const res = await tehranAssociation.post('/api/v1/consultation/registry', body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ bookable: true, licenceExpiresOn: '1406-01-15', feeRials: 1_500_000 });
    const p = expectProblem(
      await tehranAssociation.post('/api/v1/consultation/registry', body({ feeRials: 6_000_000 })),
      422,
      'consultant_fee_out_of_range',
    );
    expect(p).toMatchObject({ minRials: 1_000_000, maxRials: 5_000_000 });
    expect(fieldErrors(p).feeRials.code).toBe('too_big');
    // Fars has no range yet.
    expectProblem(
      await regulator.post('/api/v1/consultation/registry', body({ provinceId: 4 })),
      422,
      'consultation_fee_range_missing',
    );
    // Isfahan's association keeps Isfahan's registry only.
    expectProblem(await isfahanAssociation.post('/api/v1/consultation/registry', body()), 403, 'forbidden');
  });

  it("sets a province's range: its own association, not another's, and never a minimum above the maximum", async () => {
    const res = await isfahanAssociation.request({
      method: 'PUT',
      url: '/api/v1/consultation/fee-ranges/3',
      body: { minRials: 900_000, maxRials: 4_500_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ provinceId: 3, province: { fa: 'اصفهان' }, minRials: 900_000 });
    const other = await isfahanAssociation.request({
      method: 'PUT',
      url: '/api/v1/consultation/fee-ranges/1',
      body: { minRials: 1, maxRials: 2 },
    });
    expectProblem(other, 403, 'forbidden');
    const p = expectProblem(
      await regulator.request({
        method: 'PUT',
        url: '/api/v1/consultation/fee-ranges/4',
        body: { minRials: 5, maxRials: 4 },
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p).minRials.code).toBe('min_above_max');
    const ranges = (await tehranAssociation.get('/api/v1/consultation/fee-ranges')).json().items;
    expect(ranges.map((r: { provinceId: number }) => r.provinceId)).toEqual([1]);
  });

  it('lets consultants sit only at offices holding the consultation competency; the consultant edits their own hours', async () => {
    const p = expectProblem(
      await consultant.request({
        method: 'PUT',
        url: `/api/v1/consultation/registry/${kaveh}/sittings`,
        body: {
          sittings: [{ mode: 'office', officeId: 3, room: 1, hours: [{ day: 0, opens: '09:00', closes: '12:00' }] }],
        },
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(p)['sittings.0.officeId'].code).toBe('office_lacks_consultation');
    const same = await consultant.request({
      method: 'PUT',
      url: `/api/v1/consultation/registry/${kaveh}/sittings`,
      body: {
        sittings: [
          {
            mode: 'office',
            officeId: 1,
            room: 1,
            hours: [0, 1, 2, 3, 4].map((day) => ({ day, opens: '09:00', closes: '12:00' })),
          },
          { mode: 'video', hours: [0, 1, 2, 3].map((day) => ({ day, opens: '16:00', closes: '18:00' })) },
        ],
      },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().sittings).toHaveLength(2);
    // Not someone else's.
    expectProblem(
      await consultant.request({
        method: 'PUT',
        url: `/api/v1/consultation/registry/${maryam}/sittings`,
        body: { sittings: [] },
      }),
      403,
      'forbidden',
    );
  });
});

describe('booking and paying', () => {
  it('holds the slot while the citizen is at the bank, confirms it when paid and sends the SMS with time and place', async () => {
    const res = await book(citizen1, {
      consultantId: kaveh,
      mode: 'office',
      officeId: 1,
      startsAt: '2026-05-09T05:30:00Z',
      field: 'property',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { booking, payment } = res.json();
    expect(booking).toMatchObject({
      status: 'pending-payment',
      totalRials: 3_000_000,
      consultantFeeRials: 3_000_000,
      officeFeeRials: 0,
      office: { code: '11001' },
      room: 1,
      channel: 'online',
      // By the server's clock (Tuesday 10:00), not the caller's: the page decides what to offer from these.
      started: false,
      beforeCutoff: true,
    });
    expect(payment.amountRials).toBe(3_000_000);
    expect(await slotTimes(kaveh, 'mode=office&officeId=1&from=1405-02-19&days=1')).toEqual([
      '1405-02-19 10:00',
      '1405-02-19 11:00',
    ]);
    await atBank(payment.redirectUrl, 'pay');
    expect(await bookingStatus(booking.id)).toBe('confirmed');
    const [sms] = await t.query<{ body: string; template: string }>(
      "select body, template from notifier_outbox where recipient = '09120000001' order by id desc limit 1",
    );
    expect(sms.template).toBe('consultation.confirmed');
    expect(sms.body).toContain('کاوه شریفی');
    expect(sms.body).toContain('۱۹ اردیبهشت ۱۴۰۵');
    expect(sms.body).toContain('۰۹:۰۰');
    expect(sms.body).toContain('اتاق مشاورهٔ ۱');

    // Moved to 10:00 the same Saturday (more than 24 hours ahead), then cancelled: a full refund.
    const moved = await citizen1.post(`/api/v1/consultation/bookings/${booking.id}/reschedule`, {
      startsAt: '2026-05-09T06:30:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startsAt).toBe('2026-05-09T06:30:00.000Z');
    const cancelled = await citizen1.post(`/api/v1/consultation/bookings/${booking.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', refundRials: 3_000_000 });
    const [paid] = await t.query<{ status: string }>('select status from payments where id = $1', [payment.paymentId]);
    expect(paid.status).toBe('refunded');
  });

  it('a declined payment leaves no confirmed booking and frees the slot', async () => {
    const res = await book(citizen1, {
      consultantId: kaveh,
      mode: 'office',
      officeId: 1,
      startsAt: '2026-05-09T07:30:00Z',
      field: 'family',
    });
    expect(res.statusCode, res.body).toBe(201);
    await atBank(res.json().payment.redirectUrl, 'decline');
    expect(await bookingStatus(res.json().booking.id)).toBe('pending-payment');
    expect(await slotTimes(kaveh, 'mode=office&officeId=1&from=1405-02-19&days=1')).toContain('1405-02-19 11:00');
    // Booked again by someone else: the stale hold expires.
    const again = await book(operator, {
      consultantId: kaveh,
      mode: 'office',
      officeId: 1,
      startsAt: '2026-05-09T07:30:00Z',
      field: 'family',
      citizenId: 2,
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().booking).toMatchObject({ channel: 'office', citizen: { id: 2 } });
    expect(await bookingStatus(res.json().booking.id)).toBe('expired');
  });

  it('twenty parallel bookings of one slot: exactly one is made, the others are told the slot is taken', async () => {
    const body = { consultantId: kaveh, mode: 'video', startsAt: '2026-05-05T13:30:00Z', field: 'commercial' };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => book(i % 2 ? citizen1 : citizen2, body)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    for (const r of answers.filter((a) => a.statusCode !== 201)) expectProblem(r, 409, 'consultation_slot_taken');
    const [n] = await t.query<{ n: number }>(
      "select count(*)::int as n from consultation_bookings where consultant_id = $1 and starts_at = '2026-05-05T13:30:00Z' and status <> 'expired'",
      [kaveh],
    );
    expect(n.n).toBe(1);
  });

  it('a retried booking with the same key answers the first answer; a time off the grid is refused', async () => {
    const body = { consultantId: maryam, mode: 'video', startsAt: '2026-05-10T13:30:00Z', field: 'labour' };
    const first = await book(citizen2, body, 'same-key');
    expect(first.statusCode, first.body).toBe(201);
    const replay = await book(citizen2, body, 'same-key');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().booking.id).toBe(first.json().booking.id);
    expectProblem(
      await book(citizen2, { ...body, startsAt: '2026-05-10T13:40:00Z' }),
      422,
      'consultation_slot_unavailable',
    );
    const p = expectProblem(await book(citizen2, { ...body, field: 'criminal' }), 400, 'validation_failed');
    expect(fieldErrors(p).field.code).toBe('field_not_offered');
    // A citizen books for themself only.
    expectProblem(await book(citizen2, { ...body, citizenId: 1 }), 403, 'forbidden');
  });

  it('after the cut-off a booking cannot be moved and a cancellation refunds nothing', async () => {
    // Maryam's 17:00 video session today is seven hours away; her cut-off is twelve.
    const res = await book(citizen2, {
      consultantId: maryam,
      mode: 'video',
      startsAt: '2026-05-05T13:30:00Z',
      field: 'family',
    });
    expect(res.statusCode, res.body).toBe(201);
    await atBank(res.json().payment.redirectUrl, 'pay');
    const id = res.json().booking.id;
    expect(res.json().booking).toMatchObject({ started: false, beforeCutoff: false });
    expectProblem(
      await citizen2.post(`/api/v1/consultation/bookings/${id}/reschedule`, { startsAt: '2026-05-05T14:15:00Z' }),
      409,
      'consultation_cutoff_passed',
    );
    // Not another citizen's to cancel.
    expectProblem(await citizen1.post(`/api/v1/consultation/bookings/${id}/cancel`), 404, 'not_found');
    expectProblem(await isfahanOperator.post(`/api/v1/consultation/bookings/${id}/cancel`), 404, 'not_found');
    const cancelled = await citizen2.post(`/api/v1/consultation/bookings/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', refundRials: 0 });
    const [paid] = await t.query<{ status: string }>('select status from payments where id = $1', [
      res.json().payment.paymentId,
    ]);
    expect(paid.status).toBe('paid');
    expectProblem(
      await citizen2.post(`/api/v1/consultation/bookings/${id}/cancel`),
      409,
      'consultation_status_conflict',
    );
  });
});

describe('the session', () => {
  it("lists the consultant's day, takes their note, and the citizen reads it and rates the session once", async () => {
    const day = (await consultant.get('/api/v1/consultation/sessions')).json().items;
    expect(day.map((b: { startsAt: string; citizen: { name: string } }) => [b.startsAt, b.citizen.name])).toEqual([
      ['2026-05-05T05:30:00.000Z', 'امیر تهرانی'],
      ['2026-05-05T07:30:00.000Z', 'نازنین اصفهانی'],
    ]);
    const [morning, later] = day;
    // 09:00 has begun at 10:00 on the server's clock; 11:00 has not.
    expect([morning.started, later.started]).toEqual([true, false]);
    const note = await consultant.request({
      method: 'PUT',
      url: `/api/v1/consultation/bookings/${morning.id}/note`,
      body: { advice: 'برای مطالبهٔ وجه، اظهارنامه بفرستید.', documentsToBring: 'قرارداد', nextStep: 'legal-notice' },
    });
    expect(note.statusCode, note.body).toBe(200);
    expectProblem(
      await consultant.post(`/api/v1/consultation/bookings/${later.id}/attendance`, { outcome: 'held' }),
      409,
      'consultation_status_conflict',
    );
    const held = await consultant.post(`/api/v1/consultation/bookings/${morning.id}/attendance`, { outcome: 'held' });
    expect(held.json().status).toBe('held');

    const mine = (await citizen1.get('/api/v1/consultation/bookings/mine')).json().items;
    const read = mine.find((b: { id: number }) => b.id === morning.id);
    expect(read.note).toMatchObject({ advice: 'برای مطالبهٔ وجه، اظهارنامه بفرستید.', nextStep: 'legal-notice' });
    const others = (await citizen2.get('/api/v1/consultation/bookings/mine')).json().items;
    expect(others.map((b: { id: number }) => b.id)).not.toContain(morning.id);

    expectProblem(
      await citizen2.post(`/api/v1/consultation/bookings/${morning.id}/rating`, { stars: 1 }),
      404,
      'not_found',
    );
    const rated = await citizen1.post(`/api/v1/consultation/bookings/${morning.id}/rating`, { stars: 4, text: 'خوب' });
    expect(rated.json().rating).toMatchObject({ stars: 4, text: 'خوب' });
    expectProblem(
      await citizen1.post(`/api/v1/consultation/bookings/${morning.id}/rating`, { stars: 5 }),
      409,
      'consultation_already_rated',
    );
    const p = expectProblem(
      await citizen1.post(`/api/v1/consultation/bookings/${morning.id}/rating`, { stars: 6 }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(p))).toEqual(['stars']);
  });
});
