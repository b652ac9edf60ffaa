/**
 * Tariff schedules as policy: the association drafts (copied, indexed, or by hand), the regulator
 * approves — never their own draft — and quotes follow the schedule in force on their date.
 * Bad input (overlap, retroactive, incomplete, absurd fees) is refused with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { staffBody, STRONG_PASSWORD } from '../support/fixtures';
import { expectProblem } from '../support/problems';
import { TEST_TODAY } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
const clients = new Map<string, Client>();
async function as(who: string): Promise<Client> {
  if (!clients.has(who))
    clients.set(
      who,
      who.startsWith('09')
        ? await t.signInCitizen(who)
        : await t.signInStaff(who, who.startsWith('second.') ? STRONG_PASSWORD : undefined),
    );
  return clients.get(who)!;
}
const jalaliOf = (iso: string) => formatJalaliIso(isoToJalali(iso));
const today = TEST_TODAY;
/** A start a year or so ahead: always in the future, whatever day the tests run. */
const future = (days: number) => jalaliOf(addDaysIso(today, days));
let seededId: number;

beforeAll(async () => {
  t = await startTestServer();
  seededId = Number((await t.query<{ id: number }>("select id from tariff_schedules where code = '1403'"))[0].id);
  const res = await (await as('regulator')).post(
    '/api/v1/users',
    staffBody('second.regulator', { role: 'regulator_admin', nation: true, officeId: undefined }),
  );
  if (res.statusCode !== 201) throw new Error(res.body);
});
afterAll(async () => {
  await t?.stop();
});

type Line = { code: string; amountRials: number; onlineAmountRials: number | null };
const draftBody = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  titleFa: `تعرفهٔ ${code}`,
  titleEn: `Tariff ${code}`,
  effectiveFrom: future(400),
  source: 'مصوبهٔ هیئت‌مدیرهٔ کانون',
  ...over,
});
const create = async (who: string, body: Record<string, unknown>) =>
  (await as(who)).post('/api/v1/tariffs/schedules', body);
const approve = async (who: string, id: number) => (await as(who)).post(`/api/v1/tariffs/schedules/${id}/approve`);
const quote = (body: Record<string, unknown>) => t.anonymous().post('/api/v1/fees/quote', body);
const lastAudit = async () =>
  (
    await t.query<{ action: string; entity_id: string; data: Record<string, unknown> }>(
      'select action, entity_id, data from audit_events order by seq desc limit 1',
    )
  )[0];

describe('indexed revision: draft → approval → quotes', () => {
  let draftId: number;

  it('previews an indexation without writing anything', async () => {
    const before = await t.count('tariff_schedules');
    const res = await (await as('association')).post('/api/v1/tariffs/indexation-preview', {
      basedOnId: seededId,
      ratePercent: 10,
    });
    expect(res.statusCode, res.body).toBe(200);
    const petition = res.json().items.find((l: { code: string }) => l.code === 'petition');
    expect(petition).toMatchObject({ beforeRials: 770_000, afterRials: 845_000, changePercent: 9.7 });
    expect(res.json().items.find((l: { code: string }) => l.code === 'payment')).toMatchObject({
      beforeRials: 75_000,
      afterRials: 83_000,
    });
    expect(await t.count('tariff_schedules')).toBe(before);
  });

  it('the national association drafts a 10 % indexed revision; audited', async () => {
    const res = await create(
      'association',
      draftBody('1406-idx', { basedOnId: seededId, indexation: { ratePercent: 10 }, note: 'تورم ۱۰٪' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    draftId = body.id;
    expect(body).toMatchObject({
      status: 'draft',
      state: 'draft',
      basedOnId: seededId,
      indexation: { ratePercent: 10, mode: 'nearest' },
      createdBy: { name: 'زهرا کریمی' },
      approvedBy: null,
    });
    expect(body.lines).toHaveLength(20);
    expect(body.lines.find((l: Line) => l.code === 'petition')).toMatchObject({
      titleFa: 'ثبت دادخواست',
      amountRials: 845_000,
      onlineAmountRials: null,
    });
    expect(await lastAudit()).toMatchObject({ action: 'tariffs.schedule.draft', entity_id: String(draftId) });
  });

  it('drafts are listed for oversight only; approved schedules are public', async () => {
    const anon = await t.anonymous().get('/api/v1/tariffs/schedules');
    expect(anon.statusCode).toBe(200);
    expect(anon.json().items.map((s: { code: string; state: string }) => [s.code, s.state])).toEqual([
      ['1403', 'in-force'],
    ]);
    const drafts = await (await as('inspector.tehran')).get('/api/v1/tariffs/schedules?status=draft');
    expect(drafts.json().items.map((s: { code: string }) => s.code)).toContain('1406-idx');
    expectProblem(await t.anonymous().get('/api/v1/tariffs/schedules?status=draft'), 401, 'unauthenticated');
    expectProblem(await (await as('operator.11001')).get('/api/v1/tariffs/schedules?status=all'), 403, 'forbidden');
    expectProblem(await (await as('09120000001')).get('/api/v1/tariffs/schedules?status=draft'), 403, 'forbidden');
    // A draft is not revealed to those who may not read drafts.
    expectProblem(await t.anonymous().get(`/api/v1/tariffs/schedules/${draftId}`), 404, 'not_found');
    expectProblem(await (await as('operator.11001')).get(`/api/v1/tariffs/schedules/${draftId}`), 404, 'not_found');
    expect((await (await as('association.tehran')).get(`/api/v1/tariffs/schedules/${draftId}`)).statusCode).toBe(200);
    expect((await t.anonymous().get(`/api/v1/tariffs/schedules/${seededId}`)).json().lines).toHaveLength(20);
  });

  it('lists each line old and new against the schedule in force on its start', async () => {
    const res = await (await as('association')).get(`/api/v1/tariffs/schedules/${draftId}/changes`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reference).toMatchObject({ code: '1403' });
    expect(res.json().items.find((l: { code: string }) => l.code === 'petition')).toMatchObject({
      beforeRials: 770_000,
      afterRials: 845_000,
      changePercent: 9.7,
    });
  });

  it('the regulator approves it; quotes after its start use it and name it, quotes before use 1403', async () => {
    const res = await approve('regulator', draftId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', state: 'upcoming', approvedBy: { name: 'مهدی رضایی' } });
    expect(await lastAudit()).toMatchObject({ action: 'tariffs.schedule.approve', entity_id: String(draftId) });
    // Whoever drafted it is told by SMS.
    const [sms] = await t.query<{ recipient: string; body: string }>(
      "select recipient, body from notifier_outbox where template = 'tariff-schedule.approved' order by id desc limit 1",
    );
    expect(sms.recipient).toBe('09121000002');
    expect(sms.body).toContain('تصویب شد');

    const after = await quote({ service: 'petition', date: future(401) });
    expect(after.json()).toMatchObject({
      schedule: { code: '1406-idx', effectiveFromJalali: future(400) },
      totalRials: 845_000,
    });
    const before = await quote({ service: 'petition', date: future(399) });
    expect(before.json()).toMatchObject({ schedule: { code: '1403' }, totalRials: 770_000 });
  });

  it('an approved schedule can no longer be edited, deleted or approved again', async () => {
    const association = await as('association');
    expectProblem(
      await association.request({
        method: 'PATCH',
        url: `/api/v1/tariffs/schedules/${draftId}`,
        body: { note: 'دیر' },
      }),
      409,
      'tariff_not_draft',
    );
    expectProblem(
      await association.request({ method: 'DELETE', url: `/api/v1/tariffs/schedules/${draftId}` }),
      409,
      'tariff_not_draft',
    );
    expectProblem(await approve('second.regulator', draftId), 409, 'tariff_not_draft');
  });
});

describe('who may draft and approve', () => {
  it("a province's association, operators and citizens cannot draft", async () => {
    for (const who of ['association.tehran', 'operator.11001', '09120000001']) {
      expectProblem(await create(who, draftBody(`x-${who.length}`)), 403, 'forbidden');
    }
  });

  it('the regulator may not approve their own draft; another regulator may', async () => {
    const res = await create('regulator', draftBody('own-1', { effectiveFrom: future(800) }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expectProblem(await approve('regulator', id), 403, 'tariff_own_draft');
    expectProblem(await approve('association', id), 403, 'forbidden');
    const ok = await approve('second.regulator', id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().approvedBy.name).toBe('آزمون کاربر');
  });
});

describe('bad input', () => {
  it('overlapping dates: the same start as an approved schedule, or an end running into one', async () => {
    const same = await create('association', draftBody('ovl-1', { effectiveFrom: future(400) }));
    expectProblem(await approve('regulator', same.json().id), 409, 'tariff_dates_overlap');
    const past = await create(
      'association',
      draftBody('ovl-2', { effectiveFrom: '1402-01-01', effectiveTo: '1403-01-05' }),
    );
    expect(past.statusCode, past.body).toBe(201);
    const res = expectProblem(await approve('regulator', past.json().id), 409, 'tariff_dates_overlap');
    expect(res.conflictsWith).toMatchObject({ code: '1403' });
  });

  it("retroactive: a past open-ended start would replace today's schedule; entered with its end before it, it is fine", async () => {
    const retro = await create(
      'association',
      draftBody('retro-1', { effectiveFrom: jalaliOf(addDaysIso(today, -30)) }),
    );
    expectProblem(await approve('regulator', retro.json().id), 422, 'tariff_retroactive');
    const history = await create(
      'association',
      draftBody('1402', {
        effectiveFrom: '1402-01-01',
        effectiveTo: '1402-12-29',
        lines: [{ code: 'petition', amountRials: 600_000 }],
      }),
    );
    expect(history.statusCode, history.body).toBe(201);
    expect(history.json().lines).toEqual([
      {
        code: 'petition',
        titleFa: 'ثبت دادخواست',
        titleEn: expect.any(String),
        amountRials: 600_000,
        onlineAmountRials: null,
      },
    ]);
    expect((await approve('regulator', history.json().id)).statusCode).toBe(200);
    expect((await quote({ service: 'petition', date: '1402-06-01' })).json()).toMatchObject({
      schedule: { code: '1402' },
      totalRials: 600_000,
    });
    expect((await quote({ service: 'petition', date: '1403-06-01' })).json().schedule.code).toBe('1403');
  });

  it('incomplete: every service priced by the schedule in force must be in the draft', async () => {
    const res = await create(
      'association',
      draftBody('inc-1', { effectiveFrom: future(1200), lines: [{ code: 'petition', amountRials: 800_000 }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = expectProblem(await approve('regulator', res.json().id), 422, 'tariff_draft_incomplete');
    expect(p.missing).toHaveLength(19);
    expect(p.errors!.map((e) => e.field)).toContain('lines.brief');
    expect(p.errors![0].code).toBe('fee_missing');

    // Completed by an edit (copying the rest), then approved.
    const rest = (await t.anonymous().get(`/api/v1/tariffs/schedules/${seededId}`))
      .json()
      .lines.filter((l: Line) => l.code !== 'petition')
      .map((l: Line) => ({ code: l.code, amountRials: l.amountRials }));
    const edited = await (await as('association')).request({
      method: 'PATCH',
      url: `/api/v1/tariffs/schedules/${res.json().id}`,
      body: { lines: rest, note: 'کامل شد' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().lines).toHaveLength(20);
    expect(await lastAudit()).toMatchObject({ action: 'tariffs.schedule.edit' });
    expect((await approve('regulator', res.json().id)).statusCode).toBe(200);
  });

  it('negative, absurd, odd and unknown fees are refused with the line named', async () => {
    const bad = async (lines: unknown[]) =>
      create('association', draftBody('bad-1', { effectiveFrom: future(1500), lines }));
    expect(
      expectProblem(await bad([{ code: 'petition', amountRials: -1 }]), 400, 'validation_failed').errors![0].field,
    ).toBe('lines.0.amountRials');
    expect(
      expectProblem(await bad([{ code: 'petition', amountRials: 2_000_000_000 }]), 400, 'validation_failed').errors![0]
        .field,
    ).toBe('lines.0.amountRials');
    const absurd = expectProblem(await bad([{ code: 'petition', amountRials: 77_000_000 }]), 400, 'validation_failed');
    expect(absurd.errors![0]).toMatchObject({ field: 'lines.petition.amountRials', code: 'fee_implausible' });
    expect(absurd.errors![0].message.fa).toMatch(/ده برابر/);
    expect(
      expectProblem(await bad([{ code: 'petition', amountRials: 845_050 }]), 400, 'validation_failed').errors![0].code,
    ).toBe('fee_not_whole_rial_step');
    expect(
      expectProblem(await bad([{ code: 'divorce', amountRials: 100_000 }]), 400, 'unknown_service').errors![0].field,
    ).toBe('lines.divorce');
    expect(await t.count("tariff_schedules where code = 'bad-1'")).toBe(0);
  });

  it('dates and codes: end before start, a taken code, an unknown base', async () => {
    expect(
      expectProblem(
        await create('association', draftBody('d-1', { effectiveFrom: '1406-02-01', effectiveTo: '1406-01-01' })),
        400,
        'validation_failed',
      ).errors![0],
    ).toMatchObject({ field: 'effectiveTo', code: 'end_before_start' });
    expect(
      expectProblem(await create('association', draftBody('1403')), 409, 'tariff_code_taken').errors![0].field,
    ).toBe('code');
    expect(
      expectProblem(await create('association', draftBody('d-2', { basedOnId: 999_999 })), 400, 'validation_failed')
        .errors![0].field,
    ).toBe('basedOnId');
    expectProblem(
      await create('association', draftBody('d-3', { effectiveFrom: '1403-07-31' })),
      400,
      'validation_failed',
    );
  });
});

describe('drafts can be deleted', () => {
  it('deletes a draft, audited; unknown ids are 404', async () => {
    const res = await create('association', draftBody('del-1'));
    const id = res.json().id;
    const del = await (await as('association')).request({ method: 'DELETE', url: `/api/v1/tariffs/schedules/${id}` });
    expect(del.statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({ action: 'tariffs.schedule.delete', entity_id: String(id) });
    expect(await t.count(`tariff_lines where schedule_id = ${id}`)).toBe(0);
    expectProblem(
      await (await as('association')).request({ method: 'DELETE', url: `/api/v1/tariffs/schedules/${id}` }),
      404,
      'not_found',
    );
    expectProblem(
      await (await as('association.tehran')).request({ method: 'DELETE', url: `/api/v1/tariffs/schedules/${id}` }),
      403,
      'forbidden',
    );
  });
});

describe('channel fees in quotes', () => {
  it('an online fee of its own is quoted for the online channel', async () => {
    await t.query("update tariff_lines set online_amount_rials = 500000 where code = 'brief' and schedule_id = $1", [
      seededId,
    ]);
    expect((await quote({ service: 'brief', channel: 'online', date: '1404-01-10' })).json().totalRials).toBe(500_000);
    expect((await quote({ service: 'brief', channel: 'office', date: '1404-01-10' })).json().totalRials).toBe(630_000);
  });
});
