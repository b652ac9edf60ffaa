/**
 * Employment: contracts (no overlap at one office; no overlap anywhere with a full-time one, by
 * account and by national ID; serialized per person), terminations, insurance periods, the day's
 * alerts and their SMS to managers (once), and the workforce statistics — all within scope, every
 * refusal leaving nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { sendEmploymentAlerts } from '#server/modules/operators/employment/alert-notices';
import { staffBody } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_TODAY } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let manager: Client;
let otherManager: Client;
let tehranAssociation: Client;
let regulator: Client;
let operator: Client;
let consultantId: number;

const today = TEST_TODAY;
/** The Jalali day `days` from today, as people type it. */
const jalali = (days: number) => formatJalaliIso(isoToJalali(addDaysIso(today, days)));

let serial = 0;
async function newStaff(
  by: Client,
  officeId: number,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; nationalId: string }> {
  serial += 1;
  const res = await by.post(
    '/api/v1/users',
    staffBody(`emp${serial}.${Date.now().toString(36)}`, { officeId, ...overrides }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().user.id, nationalId: res.json().user.nationalId };
}

const contract = (overrides: Record<string, unknown> = {}) => ({
  type: 'fixed-term',
  fullTime: true,
  weeklyHours: 44,
  monthlyWageRials: 250_000_000,
  startsOn: jalali(-10),
  endsOn: jalali(355),
  ...overrides,
});

/** Everything a refused write could have touched. */
const snapshot = async () => ({
  contracts: await t.query('select * from employment_contracts order by id'),
  insurance: await t.query('select * from insurance_periods order by id'),
  audits: await t.count('audit_events'),
});

beforeAll(async () => {
  t = await startTestServer();
  [manager, otherManager, tehranAssociation, regulator, operator] = await Promise.all(
    ['manager.11001', 'manager.11002', 'association.tehran', 'regulator', 'operator.11001'].map((u) =>
      t.signInStaff(u),
    ),
  );
  [{ id: consultantId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'consultant.11001'",
  );
});
afterAll(async () => {
  await t?.stop();
});

describe('GET /employment/stats', () => {
  it('gives a province association per-office and per-province figures for its province only (demo data, hand-checked)', async () => {
    const res = await tehranAssociation.get('/api/v1/employment/stats');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.offices.map((o: { office: { code: string } }) => o.office.code)).toEqual(['11001', '11002']);
    // Office 11001: manager (permanent, full-time, 450M, insured), operator (permanent, full-time, 280M, insured),
    // consultant (fixed-term, part-time, 180M, not insured).
    expect(body.offices[0]).toMatchObject({
      headcount: 3,
      insured: 2,
      coverageRate: 0.6667,
      contractTypes: { permanent: 2, 'fixed-term': 1, probation: 0, hourly: 0 },
      fullTimeShare: 0.6667,
      averageWageRials: 303_333_333,
      leavers: 0,
      turnover: 0,
    });
    expect(body.provinces).toEqual([
      expect.objectContaining({
        province: expect.objectContaining({ id: 1 }),
        headcount: 4,
        insured: 3,
        averageWageRials: 340_000_000,
      }),
    ]);
    const nation = (await regulator.get('/api/v1/employment/stats')).json();
    expect(nation.provinces.map((p: { province: { id: number } }) => p.province.id)).toEqual([1, 3]);
    const own = (await manager.get('/api/v1/employment/stats')).json();
    expect(own.offices.map((o: { office: { id: number } }) => o.office.id)).toEqual([1]);
  });

  it('refuses another scope asked for explicitly, and callers without the right', async () => {
    expectProblem(await tehranAssociation.get('/api/v1/employment/stats?provinceId=3'), 403, 'forbidden');
    expectProblem(await manager.get('/api/v1/employment/stats?officeId=2'), 403, 'forbidden');
    expectProblem(await operator.get('/api/v1/employment/stats'), 403, 'forbidden');
  });
});

describe('GET /employment/alerts and the daily SMS', () => {
  it("lists the office's alerts: the consultant's contract ending soon and lapsed insurance; the Isfahan licence only to its scope", async () => {
    const res = await manager.get('/api/v1/employment/alerts');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      kind: string;
      person: { id: number };
      office: { id: number };
      dueOn: string | null;
    }[];
    expect(
      items
        .filter((a) => a.person.id === consultantId)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['contract-ending', 'insurance-lapsed']);
    expect(items.every((a) => a.office.id === 1)).toBe(true);
    const nation = (await regulator.get('/api/v1/employment/alerts')).json().items as {
      kind: string;
      office: { id: number };
    }[];
    expect(nation.some((a) => a.kind === 'licence-expiring' && a.office.id === 4)).toBe(true);
    const tehran = (await tehranAssociation.get('/api/v1/employment/alerts')).json().items as { provinceId: number }[];
    expect(tehran.every((a) => a.provinceId === 1)).toBe(true);
    expectProblem(await tehranAssociation.get('/api/v1/employment/alerts?provinceId=3'), 403, 'forbidden');
  });

  it("tells each office's managers about each alert once, however often the job runs", async () => {
    const first = await sendEmploymentAlerts(t.server.ctx.db, t.now());
    expect(first.told).toBeGreaterThan(0);
    const sms = await t.query<{ recipient: string; body: string }>(
      "select recipient, body from notifier_outbox where template like 'employment.alert.%'",
    );
    expect(sms.some((m) => m.recipient === '09121000005' && m.body.includes('شریفی'))).toBe(true); // manager.11001 about the consultant
    expect(sms.some((m) => m.recipient === '09131000009')).toBe(true); // manager.13001 about the expiring licence
    const again = await sendEmploymentAlerts(t.server.ctx.db, t.now());
    expect(again).toEqual({ told: 0, messages: [] });
    expect(await t.query("select id from notifier_outbox where template like 'employment.alert.%'")).toHaveLength(
      sms.length,
    );
  });
});

describe('POST /staff/{id}/contracts', () => {
  it("makes a contract at the manager's office, audited, and shows it on the record", async () => {
    const person = await newStaff(manager, 1);
    const audits = await t.count('audit_events');
    const res = await manager.post(`/api/v1/staff/${person.id}/contracts`, contract());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'fixed-term',
      fullTime: true,
      monthlyWageRials: 250_000_000,
      startsOn: addDaysIso(today, -10),
      inForce: true,
      office: { id: 1 },
    });
    expect(await t.count('audit_events')).toBe(audits + 1);
    const [audit] = await t.query<{ action: string; office_id: number }>(
      'select action, office_id from audit_events order by seq desc limit 1',
    );
    expect(audit).toEqual({ action: 'employment.contract.create', office_id: 1 });
    const list = (await manager.get(`/api/v1/staff?q=${person.nationalId}`)).json();
    expect(list.items[0].contract).toEqual({ type: 'fixed-term', fullTime: true, endsOn: addDaysIso(today, 355) });
  });

  it('refuses an overlapping contract at the same office with the message on the start date, writing nothing', async () => {
    const person = await newStaff(manager, 1);
    expect(
      (await manager.post(`/api/v1/staff/${person.id}/contracts`, contract({ fullTime: false, weeklyHours: 20 })))
        .statusCode,
    ).toBe(201);
    const before = await snapshot();
    const problem = expectProblem(
      await manager.post(
        `/api/v1/staff/${person.id}/contracts`,
        contract({ fullTime: false, startsOn: jalali(100), endsOn: null, type: 'permanent' }),
      ),
      409,
      'contract_overlap',
    );
    expect(fieldErrors(problem).startsOn.message.fa).toContain('هم‌پوشانی');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a national ID employed full-time at another office (another account of the same person), writing nothing', async () => {
    const person = await newStaff(manager, 1);
    expect((await manager.post(`/api/v1/staff/${person.id}/contracts`, contract())).statusCode).toBe(201);
    const sameId = await newStaff(otherManager, 2, { nationalId: person.nationalId });
    const before = await snapshot();
    expectProblem(
      await otherManager.post(
        `/api/v1/staff/${sameId.id}/contracts`,
        contract({ fullTime: false, weeklyHours: 10, type: 'hourly', startsOn: jalali(30), endsOn: jalali(60) }),
      ),
      409,
      'employed_full_time_elsewhere',
    );
    expect(await snapshot()).toEqual(before);
    // After the full-time contract ends, the same person may work at the other office.
    expect(
      (
        await otherManager.post(
          `/api/v1/staff/${sameId.id}/contracts`,
          contract({ fullTime: false, weeklyHours: 10, type: 'hourly', startsOn: jalali(400), endsOn: jalali(430) }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('allows two part-time contracts at two offices', async () => {
    const person = await newStaff(manager, 1);
    const sameId = await newStaff(otherManager, 2, { nationalId: person.nationalId });
    expect(
      (await manager.post(`/api/v1/staff/${person.id}/contracts`, contract({ fullTime: false, weeklyHours: 20 })))
        .statusCode,
    ).toBe(201);
    expect(
      (await otherManager.post(`/api/v1/staff/${sameId.id}/contracts`, contract({ fullTime: false, weeklyHours: 20 })))
        .statusCode,
    ).toBe(201);
  });

  it('refuses bad terms naming the field: absurd wage, end before start, a missing end, too many hours; nothing written', async () => {
    const person = await newStaff(manager, 1);
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ monthlyWageRials: 90_000_000_000_000 }, 'monthlyWageRials'],
      [{ monthlyWageRials: -1 }, 'monthlyWageRials'],
      [{ startsOn: jalali(10), endsOn: jalali(5) }, 'endsOn'],
      [{ endsOn: null }, 'endsOn'],
      [{ type: 'permanent' }, 'endsOn'],
      [{ weeklyHours: 61 }, 'weeklyHours'],
      [{ startsOn: '1403-13-01' }, 'startsOn'],
      [{ type: 'lifetime' }, 'type'],
    ];
    for (const [overrides, field] of cases) {
      const problem = expectProblem(
        await manager.post(`/api/v1/staff/${person.id}/contracts`, contract(overrides)),
        400,
        'validation_failed',
      );
      expect(Object.keys(fieldErrors(problem)), JSON.stringify(overrides)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a contract whose wage or weekly hours were left blank (absent) as required, naming the field; nothing written', async () => {
    const person = await newStaff(manager, 1);
    const before = await snapshot();
    for (const field of ['monthlyWageRials', 'weeklyHours']) {
      const problem = expectProblem(
        await manager.post(`/api/v1/staff/${person.id}/contracts`, contract({ [field]: undefined })),
        400,
        'validation_failed',
      );
      expect(fieldErrors(problem)[field]).toMatchObject({
        code: 'required',
        message: { fa: 'این فیلد الزامی است.', en: 'This field is required.' },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets only the person's own office manager add contracts", async () => {
    const person = await newStaff(manager, 1);
    expectProblem(await otherManager.post(`/api/v1/staff/${person.id}/contracts`, contract()), 404, 'not_found');
    expectProblem(await tehranAssociation.post(`/api/v1/staff/${person.id}/contracts`, contract()), 403, 'forbidden');
    expectProblem(await operator.post(`/api/v1/staff/${person.id}/contracts`, contract()), 403, 'forbidden');
  });

  it('lets only one of two simultaneous full-time contracts through', async () => {
    const person = await newStaff(manager, 1);
    const sameId = await newStaff(otherManager, 2, { nationalId: person.nationalId });
    const answers = await Promise.all([
      manager.post(`/api/v1/staff/${person.id}/contracts`, contract()),
      otherManager.post(`/api/v1/staff/${sameId.id}/contracts`, contract()),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const [{ n }] = await t.query<{ n: number }>(
      'select count(*)::int as n from employment_contracts where user_id in ($1, $2)',
      [person.id, sameId.id],
    );
    expect(n).toBe(1);
  });
});

describe('POST /contracts/{id}/terminate', () => {
  it('ends a contract early with a reason, once, audited; shown as a leaver and in the history', async () => {
    const person = await newStaff(manager, 1);
    const made = (
      await manager.post(`/api/v1/staff/${person.id}/contracts`, contract({ startsOn: jalali(-100) }))
    ).json();
    expectProblem(
      await otherManager.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-1), reason: 'استعفا' }),
      404,
      'not_found',
    );
    expectProblem(
      await tehranAssociation.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-1), reason: 'استعفا' }),
      403,
      'forbidden',
    );
    const before = await snapshot();
    expect(
      fieldErrors(
        expectProblem(
          await manager.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-200), reason: 'استعفا' }),
          400,
        ),
      ).on,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await manager.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-1), reason: '' }),
          400,
        ),
      ).reason,
    ).toBeDefined();
    expect(await snapshot()).toEqual(before);

    const res = await manager.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-1), reason: 'استعفا' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      terminatedOn: addDaysIso(today, -1),
      terminationReason: 'استعفا',
      inForce: false,
    });
    expect(await t.count('audit_events')).toBe(before.audits + 1);
    expectProblem(
      await manager.post(`/api/v1/contracts/${made.id}/terminate`, { on: jalali(-1), reason: 'دوباره' }),
      409,
      'conflict',
    );
    const record = (await manager.get(`/api/v1/staff/${person.id}`)).json();
    expect(record.history.map((h: { kind: string }) => h.kind)).toContain('contract-terminated');
    // The person still holds the operator role at the office: an alert.
    const alerts = (await manager.get('/api/v1/employment/alerts')).json().items as {
      kind: string;
      person: { id: number };
    }[];
    expect(alerts.some((a) => a.kind === 'contract-ended-role-held' && a.person.id === person.id)).toBe(true);
    expectProblem(
      await manager.post('/api/v1/contracts/99999999/terminate', { on: jalali(-1), reason: 'x' }),
      404,
      'not_found',
    );
  });
});

describe('insurance periods', () => {
  it('starts a period, refuses an overlapping one at the same office, and ends it', async () => {
    const person = await newStaff(manager, 1);
    expect((await manager.post(`/api/v1/staff/${person.id}/contracts`, contract())).statusCode).toBe(201);
    // A contract without insurance: an alert until the insurance starts.
    let alerts = (await manager.get('/api/v1/employment/alerts')).json().items as {
      kind: string;
      person: { id: number };
    }[];
    expect(alerts.some((a) => a.kind === 'insurance-lapsed' && a.person.id === person.id)).toBe(true);

    const res = await manager.post(`/api/v1/staff/${person.id}/insurance`, {
      insuranceNumber: '۱۲۰۰۹۹۹۹۹۹',
      startsOn: jalali(-10),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ insuranceNumber: '1200999999', endsOn: null, current: true, office: { id: 1 } });
    alerts = (await manager.get('/api/v1/employment/alerts')).json().items;
    expect(alerts.some((a) => a.kind === 'insurance-lapsed' && a.person.id === person.id)).toBe(false);

    const before = await snapshot();
    const overlap = expectProblem(
      await manager.post(`/api/v1/staff/${person.id}/insurance`, {
        insuranceNumber: '1200999999',
        startsOn: jalali(50),
        endsOn: jalali(60),
      }),
      409,
      'insurance_overlap',
    );
    expect(fieldErrors(overlap).startsOn).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await manager.post(`/api/v1/staff/${person.id}/insurance`, {
            insuranceNumber: '12009',
            startsOn: jalali(500),
          }),
          400,
        ),
      ).insuranceNumber,
    ).toBeDefined();
    expect(
      fieldErrors(
        expectProblem(
          await manager.post(`/api/v1/staff/${person.id}/insurance`, {
            insuranceNumber: '1200999999',
            startsOn: jalali(500),
            endsOn: jalali(400),
          }),
          400,
        ),
      ).endsOn,
    ).toBeDefined();
    expectProblem(
      await otherManager.post(`/api/v1/staff/${person.id}/insurance`, {
        insuranceNumber: '1200999999',
        startsOn: jalali(500),
      }),
      404,
      'not_found',
    );
    expect(await snapshot()).toEqual(before);

    expectProblem(
      await otherManager.post(`/api/v1/insurance-periods/${res.json().id}/end`, { endsOn: jalali(0) }),
      404,
      'not_found',
    );
    expectProblem(
      await manager.post(`/api/v1/insurance-periods/${res.json().id}/end`, { endsOn: jalali(-20) }),
      400,
      'validation_failed',
    );
    const ended = await manager.post(`/api/v1/insurance-periods/${res.json().id}/end`, { endsOn: jalali(-1) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: addDaysIso(today, -1), current: false });
    expect(await t.count('audit_events')).toBe(before.audits + 1);
    // A new period after the old one ended is fine.
    expect(
      (
        await manager.post(`/api/v1/staff/${person.id}/insurance`, {
          insuranceNumber: '1200999999',
          startsOn: jalali(0),
        })
      ).statusCode,
    ).toBe(201);
  });
});
