/**
 * The filing's end at the counter, through the HTTP API: the history records only real changes
 * (the wizard saves at every step), a citizen reads a short history without the office's edits,
 * submission is idempotent and leaves one "submitted" entry, the filing carries what its
 * submission slip prints, the bank sends the operator back to the wizard, and the counter learns
 * of paid filings not yet sent to court, with a warning in the last hours of the office's day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { onlineLegalNoticeBody } from '../support/fixtures';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

const CITIZEN1 = { nationalId: '0499370899', mobile: '09120000001' };

let t: TestServer;
let operator: Client; // office 1 (Tehran)
let otherOffice: Client; // manager of office 2 (Tehran)
let citizen1: Client;
let regulator: Client; // keeps the holiday calendar

const content = (overrides: Record<string, unknown> = {}) => ({
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId, address: 'تهران، خیابان ولیعصر' },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان آزادی، پلاک ۱' },
  ],
  courtId: 1,
  branch: 3,
  subject: 'مطالبهٔ وجه چک',
  facts: 'خوانده وجه چک را نپرداخته است.',
  claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
  ...overrides,
});

type Detail = { id: number; status: string; events: { action: string }[]; [k: string]: unknown };

async function createDraft(): Promise<Detail> {
  const res = await operator.post('/api/v1/filings', {
    service: 'petition',
    applicantNationalId: CITIZEN1.nationalId,
    ...content(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const save = (id: number, body: Record<string, unknown>, client = operator) =>
  client.request({ method: 'PUT', url: `/api/v1/filings/${id}`, body });

const actionsOf = (d: Detail) => d.events.map((e) => e.action);

/** What the payments area does when the bank confirms: the credit handler in the crediting transaction. */
async function credit(filingId: number, amountRials: number) {
  await t.server.ctx.db.transaction((tx) =>
    t.server.ctx.ports.onPaymentCredited.filing(tx, {
      id: 800_000 + filingId,
      purpose: 'filing',
      filingId,
      serviceRecordId: null,
      amountRials,
      receiptNumber: `S${filingId}`,
      createdBy: 1,
      paidAt: t.now(),
    }),
  );
}

async function paidFiling(): Promise<number> {
  const f = await createDraft();
  const confirmed = await operator.post(`/api/v1/filings/${f.id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  await credit(f.id, confirmed.json().quote.totalRials);
  return f.id;
}

const submit = (client: Client, id: number, key: string) =>
  client.request({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { 'idempotency-key': key } });

beforeAll(async () => {
  t = await startTestServer();
  [operator, otherOffice, citizen1, regulator] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('manager.11002'),
    t.signInCitizen(CITIZEN1.mobile),
    t.signInStaff('regulator'),
  ]);
});

afterAll(async () => {
  await t?.stop();
});

describe('the history records only real changes', () => {
  it('a save that changes nothing writes no history entry, keeps the confirmation and writes no audit event', async () => {
    const f = await createDraft();
    expect(actionsOf(f)).toEqual(['created']);
    const auditBefore = await t.query<{ n: number }>('select count(*)::int as n from audit_events');
    // The wizard saves the same content again and again (every "save and continue").
    for (let i = 0; i < 3; i++) {
      const again = await save(f.id, content());
      expect(again.statusCode, again.body).toBe(200);
    }
    // Padding the schema trims away is still the same content.
    expect((await save(f.id, content({ subject: '  مطالبهٔ وجه چک  ' }))).statusCode).toBe(200);
    const after = (await operator.get(`/api/v1/filings/${f.id}`)).json() as Detail;
    expect(actionsOf(after)).toEqual(['created']);
    expect(await t.query('select id from filing_events where filing_id = $1', [f.id])).toHaveLength(1);
    expect((await t.query<{ n: number }>('select count(*)::int as n from audit_events'))[0].n).toBe(auditBefore[0].n);

    // A confirmed filing saved unchanged stays confirmed with its quote.
    const confirmed = (await operator.post(`/api/v1/filings/${f.id}/confirm`)).json() as Detail;
    expect(confirmed.status).toBe('confirmed');
    const resaved = (await save(f.id, content())).json() as Detail;
    expect(resaved.status).toBe('confirmed');
    expect(resaved.quote).toEqual(confirmed.quote);
    expect(actionsOf(resaved)).toEqual(['created', 'confirmed']);
  });

  it('a save that changes something writes one "edited" entry; each kind of change counts', async () => {
    const f = await createDraft();
    const changes: Record<string, unknown>[] = [
      { subject: 'مطالبهٔ وجه دو فقره چک' },
      { facts: 'خوانده دو چک را نپرداخته است.' },
      { branch: 4 },
      { claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 600_000_000 }] },
      {
        parties: [
          { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId, address: 'تهران، خیابان ولیعصر' },
          { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران، خیابان انقلاب' },
        ],
      },
    ];
    let body = content();
    for (const change of changes) {
      body = { ...body, ...change };
      expect((await save(f.id, body)).statusCode).toBe(200);
      // Saving the very same content once more adds nothing.
      expect((await save(f.id, body)).statusCode).toBe(200);
    }
    const after = (await operator.get(`/api/v1/filings/${f.id}`)).json() as Detail;
    expect(actionsOf(after)).toEqual(['created', 'edited', 'edited', 'edited', 'edited', 'edited']);
  });

  it('a save of a paid filing is still refused, changed or not', async () => {
    const id = await paidFiling();
    expectProblem(await save(id, content()), 409, 'filing_not_editable');
  });
});

describe("a citizen's short history", () => {
  it("the applicant sees paid and submitted, not the office's drafting and confirming; the office sees everything", async () => {
    const f = await createDraft();
    await save(f.id, content({ subject: 'مطالبهٔ وجه چک شمارهٔ ۱۲' }));
    const confirmed = (await operator.post(`/api/v1/filings/${f.id}/confirm`)).json();
    await credit(f.id, confirmed.quote.totalRials);
    expect((await submit(operator, f.id, `short-${f.id}`)).statusCode).toBe(200);

    const staffView = (await operator.get(`/api/v1/filings/${f.id}`)).json() as Detail;
    expect(actionsOf(staffView)).toEqual(['created', 'edited', 'confirmed', 'paid', 'submitted']);

    const citizenView = await citizen1.get(`/api/v1/filings/${f.id}`);
    expect(citizenView.statusCode, citizenView.body).toBe(200);
    expect(actionsOf(citizenView.json())).toEqual(['paid', 'submitted']);
  });
});

describe("a citizen's short history of an online filing", () => {
  it('keeps when they started and confirmed it, not their edits', async () => {
    const body = onlineLegalNoticeBody(CITIZEN1.nationalId);
    const created = await citizen1.post('/api/v1/filings', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const { service: _service, ...content } = body;
    expect((await save(id, { ...content, subject: 'اخطار تخلیهٔ ملک' }, citizen1)).statusCode).toBe(200);
    expect((await save(id, { ...content, subject: 'اخطار تخلیهٔ ملک' }, citizen1)).statusCode).toBe(200);
    const confirmed = await citizen1.post(`/api/v1/filings/${id}/confirm`);
    expect(actionsOf(confirmed.json())).toEqual(['created', 'confirmed']);
    const [{ n }] = await t.query<{ n: number }>(
      "select count(*)::int as n from filing_events where filing_id = $1 and action = 'edited'",
      [id],
    );
    expect(n).toBe(1);
  });
});

describe('sending to court and the slip', () => {
  it('a retried submission gets the same tracking code and leaves one "submitted" entry and one service record', async () => {
    const id = await paidFiling();
    const first = await submit(operator, id, `slip-${id}`);
    expect(first.statusCode, first.body).toBe(200);
    const again = await submit(operator, id, `slip-${id}`);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(hasValidCheckDigit(first.json().trackingCode)).toBe(true);
    const d = (await operator.get(`/api/v1/filings/${id}`)).json() as Detail;
    expect(actionsOf(d).filter((a) => a === 'submitted')).toHaveLength(1);
    expect(await t.query('select 1 from service_records where filing_id = $1', [id])).toHaveLength(1);
    // A second attempt with a new key is refused: it has been sent already.
    expectProblem(await submit(operator, id, `slip-new-${id}`), 409, 'filing_status_conflict');
  });

  it('the filing carries what its slip prints: tracking code, court, applicant, office, fees and submission time', async () => {
    const id = await paidFiling();
    await submit(operator, id, `print-${id}`);
    const [office] = await t.query<{ name_fa: string; code: string; address: string }>(
      'select name_fa, code, address from offices where id = 1',
    );
    const d = (await citizen1.get(`/api/v1/filings/${id}`)).json();
    expect(d.office).toEqual({
      id: 1,
      code: office.code,
      name: expect.objectContaining({ fa: office.name_fa }),
      address: office.address,
    });
    expect(d.trackingCode).toMatch(/^\d{15}$/);
    expect(d.court).toMatchObject({ id: 1 });
    expect(d.applicant.nationalId).toBe(CITIZEN1.nationalId);
    expect(Math.abs(Date.parse(d.submittedAt) - t.now().getTime())).toBeLessThan(60_000);
    expect(d.payment.paidRials).toBe(d.quote.totalRials);
  });

  it('the bank sends the operator back to the wizard, where the filing is sent', async () => {
    const f = await createDraft();
    await operator.post(`/api/v1/filings/${f.id}/confirm`);
    const started = await operator.post(`/api/v1/filings/${f.id}/payment`);
    expect(started.statusCode, started.body).toBe(201);
    const [payment] = await t.query<{ return_path: string }>('select return_path from payments where id = $1', [
      started.json().paymentId,
    ]);
    expect(payment.return_path).toBe(`/filings/new?id=${f.id}`);
  });
});

describe('paid filings not yet sent, at the end of the day', () => {
  /** Office 1's hours on today's weekday (the test day is a Tuesday, weekday 3 counted from Saturday). */
  const setHours = (closes: string) =>
    t.query(`update offices set opening_hours = $1::jsonb where id = 1`, [
      JSON.stringify([{ day: 3, opens: '08:00', closes }]),
    ]);

  it("lists the office's paid, unsent filings, oldest first, and warns only in the last hours of its day", async () => {
    const older = await paidFiling();
    const newer = await paidFiling();
    // Today is Tuesday 10:00 in Tehran: closing at 16:00 is six hours away — no warning yet.
    await setHours('16:00');
    const morning = await operator.get('/api/v1/filings/unsent');
    expect(morning.statusCode, morning.body).toBe(200);
    const m = morning.json();
    const ids = m.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(older);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(m.items.every((i: { status: string; officeId: number }) => i.status === 'paid' && i.officeId === 1)).toBe(
      true,
    );
    expect(m.count).toBe(m.items.length);
    expect(m.day).toMatchObject({ closesAt: '16:00', lastHours: false });
    expect(m.warn).toBe(false);

    // Closing at 11:00, an hour away: the last hours of the day, with paid filings unsent.
    await setHours('11:00');
    const late = (await operator.get('/api/v1/filings/unsent')).json();
    expect(late.day).toMatchObject({ closesAt: '11:00', lastHours: true });
    expect(late.warn).toBe(true);

    // Sent: no longer among them.
    await submit(operator, older, `eod-${older}`);
    const after = (await operator.get('/api/v1/filings/unsent')).json();
    expect(after.count).toBe(m.count - 1);
    expect(after.items.map((i: { id: number }) => i.id)).not.toContain(older);
  });

  it('on the holiday calendar: no working day on a holiday; a warning all day on the last working day before one', async () => {
    await paidFiling();
    // Saturday to Thursday, 08:00–16:00. Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran: six hours to the close.
    await t.query(`update offices set opening_hours = $1::jsonb where id = 1`, [
      JSON.stringify([0, 1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '16:00' }))),
    ]);
    const ordinary = (await operator.get('/api/v1/filings/unsent')).json();
    // The test clock runs on from 10:00, so about six hours (360 minutes) are left.
    expect(ordinary.day.minutesLeft).toBeGreaterThan(300);
    expect(ordinary.day).toEqual({
      closesAt: '16:00',
      minutesLeft: ordinary.day.minutesLeft,
      lastHours: false,
      closedToday: null,
      beforeHoliday: null,
    });
    expect(ordinary.warn).toBe(false);

    // The government closes tomorrow, Wednesday 16 Ordibehesht: today is the last working day before it.
    const closure = { fa: 'تعطیلی اعلام‌شده', en: 'Declared closure' };
    const added = await regulator.post('/api/v1/holidays', {
      date: '1405-02-16',
      titleFa: closure.fa,
      titleEn: closure.en,
    });
    expect(added.statusCode, added.body).toBe(201);
    const before = (await operator.get('/api/v1/filings/unsent')).json();
    expect(before.day).toEqual({
      closesAt: '16:00',
      minutesLeft: expect.any(Number),
      lastHours: true,
      closedToday: null,
      beforeHoliday: { closed: [{ date: '1405-02-16', reason: 'holiday', title: closure }], reopensOn: '1405-02-17' },
    });
    expect(before.warn).toBe(true);

    // Today itself closed: the office's Tuesday hours do not make it a working day, and nothing warns.
    expect(
      (await regulator.post('/api/v1/holidays', { date: '1405-02-15', titleFa: 'تعطیل', titleEn: 'Closed' }))
        .statusCode,
    ).toBe(201);
    const closed = (await operator.get('/api/v1/filings/unsent')).json();
    expect(closed.day).toEqual({
      closesAt: null,
      minutesLeft: null,
      lastHours: false,
      closedToday: { date: '1405-02-15', reason: 'holiday', title: { fa: 'تعطیل', en: 'Closed' } },
      beforeHoliday: null,
    });
    expect(closed.warn).toBe(false);

    for (const date of ['1405-02-15', '1405-02-16'])
      expect((await regulator.request({ method: 'DELETE', url: `/api/v1/holidays/${date}` })).statusCode).toBe(204);
  });

  it("another office's manager never sees them; asking for office 1 by id is refused", async () => {
    const id = await paidFiling();
    const own = (await otherOffice.get('/api/v1/filings/unsent')).json();
    expect(own.office.id).toBe(2);
    expect(own.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expectProblem(await otherOffice.get('/api/v1/filings/unsent?officeId=1'), 403, 'forbidden');
    expectProblem(await citizen1.get('/api/v1/filings/unsent'), 403, 'forbidden');
  });
});
