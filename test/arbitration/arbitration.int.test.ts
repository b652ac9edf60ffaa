/**
 * Arbitration cases through the API: the agreement with its refusals (Arts. 454, 496), every
 * party's consent by one-time code, the arbitrators named and answering, and the term that starts
 * when the last of them is notified (Art. 468), counted with Arts. 443–445; who may see a case.
 * The day is the test clock's: Tuesday 15 Ordibehesht 1405 (2026-05-05).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalId } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { consentCode, consentedCase, NAZANIN, signInPeople, startedCase } from '../support/arbitration';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let amir: Client; // citizen 1, 09120000001, Tehran
let nazanin: Client; // citizen 2, 09130000002, Isfahan
let saeed: Client; // citizen 3, 09170000003: on no case here
let arbitrator: Client;
let operator: Client; // office 11001, the seat
let otherManager: Client; // office 11002
let arbitratorUserId: number;

const agreement = (over: Record<string, unknown> = {}) => ({
  agreementKind: 'separate',
  subjectKind: 'lease',
  subject: 'اختلاف در پرداخت اجاره‌بهای شش ماه آخر قرارداد اجارهٔ واحد تجاری',
  arbitratorCount: 2,
  selection: 'parties',
  term: { amount: 1, unit: 'month' },
  seatOfficeId: 1,
  awardNotice: 'e_notice',
  respondents: [NAZANIN],
  ...over,
});

const started = (over: Record<string, unknown> = {}) =>
  startedCase<{ id: number; state: string; parties: { id: number; consented: boolean }[] }>(amir, agreement(over));

const consented = async (over: Record<string, unknown> = {}) =>
  (await consentedCase(t, { amir, nazanin }, agreement(over))).id;

const codeFor = (mobile: string, caseId: number) => consentCode(t, mobile, caseId);

beforeAll(async () => {
  t = await startTestServer();
  ({ amir, nazanin, saeed, arbitrator, operator, arbitratorUserId } = await signInPeople(t));
  otherManager = await t.signInStaff('manager.11002');
});
afterAll(async () => {
  await t?.stop();
});

describe('the agreement (Art. 454)', () => {
  it('a citizen records an agreement with the other party; both get a one-time code by SMS and the case waits for their consent', async () => {
    const kase = await started();
    expect(kase.state).toBe('drafted');
    expect(kase.parties.map((p) => p.consented)).toEqual([false, false]);
    const sent = await t.query<{ recipient: string }>(
      "select recipient from notifier_outbox where template = 'otp.arbitration-consent' and body like $1 order by recipient",
      [`%شمارهٔ ${kase.id} %`],
    );
    expect(sent.map((s) => s.recipient)).toEqual(['09120000001', '09130000002']);
    const [audit] = await t.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'arbitration.agreement' and entity_id = $1",
      [String(kase.id)],
    );
    expect(audit.n).toBe(1);
  });

  it.each(['bankruptcy', 'marriage_validity', 'divorce', 'parentage'])(
    'a %s dispute is refused: Art. 496 keeps it from arbitration, and nothing is recorded',
    async (subjectKind) => {
      const before = await t.count('arbitration_cases');
      const res = await amir.post('/api/v1/arbitrations', agreement({ subjectKind }));
      expectProblem(res, 422, 'arbitration_subject_excluded');
      expect(await t.count('arbitration_cases')).toBe(before);
    },
  );

  it('a respondent unknown to the registry, or named with a mobile that is not theirs, is refused', async () => {
    expectProblem(
      await amir.post(
        '/api/v1/arbitrations',
        agreement({ respondents: [{ nationalId: nationalId(), mobile: '09121234567' }] }),
      ),
      422,
      'arbitration_party_unknown',
    );
    expectProblem(
      await amir.post('/api/v1/arbitrations', agreement({ respondents: [{ ...NAZANIN, mobile: '09121234567' }] })),
      422,
      'arbitration_party_unknown',
    );
  });

  it('a minor by the registry birth date is refused, and a party without a birth date needs an attestation', async () => {
    const minorId = nationalId();
    const unknownAgeId = nationalId();
    // Born 16 Ordibehesht 1387 (2008-05-05): seventeen today, eighteen tomorrow.
    await t.query(
      `insert into citizens (national_id, first_name, last_name, birth_date, mobile, province_id)
       values ($1, 'کودک', 'آزمون', '2008-05-05', '09121110001', 1), ($2, 'بی‌تاریخ', 'آزمون', null, '09121110002', 1)`,
      [minorId, unknownAgeId],
    );
    expectProblem(
      await amir.post(
        '/api/v1/arbitrations',
        agreement({ respondents: [{ nationalId: minorId, mobile: '09121110001' }] }),
      ),
      422,
      'arbitration_party_minor',
    );
    expectProblem(
      await amir.post(
        '/api/v1/arbitrations',
        agreement({ respondents: [{ nationalId: unknownAgeId, mobile: '09121110002' }] }),
      ),
      422,
      'arbitration_capacity_unattested',
    );
  });

  it('bad input names its field: a wrong national ID, oneself as respondent, no such seat office, no arbitrators', async () => {
    const wrongId = expectProblem(
      await amir.post(
        '/api/v1/arbitrations',
        agreement({ respondents: [{ nationalId: '1234567890', mobile: '09130000002' }] }),
      ),
      400,
      'validation_failed',
    );
    expect(fieldErrors(wrongId)['respondents.0.nationalId'].code).toBe('invalid_national_id');
    const self = expectProblem(
      await amir.post(
        '/api/v1/arbitrations',
        agreement({ respondents: [{ nationalId: '0499370899', mobile: '09120000001' }] }),
      ),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(self))).toEqual(['respondents.0.nationalId']);
    const office = expectProblem(await amir.post('/api/v1/arbitrations', agreement({ seatOfficeId: 999_999 })), 400);
    expect(Object.keys(fieldErrors(office))).toEqual(['seatOfficeId']);
    const none = expectProblem(await amir.post('/api/v1/arbitrations', agreement({ arbitratorCount: 0 })), 400);
    expect(Object.keys(fieldErrors(none))).toEqual(['arbitratorCount']);
  });
});

describe('consent by one-time code', () => {
  it('the agreement is made when the last party consents; a wrong code, or a second consent, is refused', async () => {
    const kase = await started();
    expectProblem(await amir.post(`/api/v1/arbitrations/${kase.id}/consent`, { code: '000000' }), 401, 'invalid_code');
    const first = await amir.post(`/api/v1/arbitrations/${kase.id}/consent`, {
      code: await codeFor('09120000001', kase.id),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().state).toBe('drafted');
    expectProblem(
      await amir.post(`/api/v1/arbitrations/${kase.id}/consent`, { code: await codeFor('09120000001', kase.id) }),
      409,
      'arbitration_state_conflict',
    );
    const last = await nazanin.post(`/api/v1/arbitrations/${kase.id}/consent`, {
      code: await codeFor('09130000002', kase.id),
    });
    expect(last.statusCode, last.body).toBe(200);
    const body = last.json();
    expect(body.state).toBe('consented');
    expect(body.parties.map((p: { consented: boolean }) => p.consented)).toEqual([true, true]);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'agreement',
      'consent',
      'consent',
      'agreement-made',
    ]);
  });

  it('the same code sent twice at once consents once', async () => {
    const kase = await started();
    const code = await codeFor('09130000002', kase.id);
    const answers = await Promise.all([
      nazanin.post(`/api/v1/arbitrations/${kase.id}/consent`, { code }),
      nazanin.post(`/api/v1/arbitrations/${kase.id}/consent`, { code }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    const [row] = await t.query<{ n: number }>(
      "select count(*)::int as n from arbitration_events where case_id = $1 and kind = 'consent'",
      [kase.id],
    );
    expect(row.n).toBe(1);
  });

  it('a new code is refused within a minute of the last one', async () => {
    const kase = await started();
    expectProblem(await amir.post(`/api/v1/arbitrations/${kase.id}/consent-code`), 429, 'otp_too_soon');
  });
});

describe('arbitrators and the term (Arts. 468, 484 note)', () => {
  it('the parties name a registered arbitrator and one outside the registry; when both have accepted, the one-month term runs to Saturday 16 Khordad 1405', async () => {
    const id = await consented();
    expectProblem(await arbitrator.get(`/api/v1/arbitrations/${id}`), 404);
    const named = await amir.post(`/api/v1/arbitrations/${id}/arbitrators`, {
      arbitrators: [{ userId: arbitratorUserId }, { nationalId: '0084575948', name: 'مهدی دادور' }],
    });
    expect(named.statusCode, named.body).toBe(200);
    const body = named.json();
    expect(body.state).toBe('arbitrators_appointed');
    const [registered, outside] = body.arbitrators as { id: number; registered: boolean; status: string }[];
    expect([registered.registered, outside.registered]).toEqual([true, false]);

    // The registered arbitrator answers for themself; the seat office records the written answer of the other.
    expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${outside.id}/answer`, { accept: true }),
      403,
    );
    const one = await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${registered.id}/answer`, {
      accept: true,
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().state).toBe('arbitrators_appointed');
    const two = await operator.post(`/api/v1/arbitrations/${id}/arbitrators/${outside.id}/answer`, { accept: true });
    expect(two.statusCode, two.body).toBe(200);
    const running = two.json();
    expect(running.state).toBe('term_running');
    // Notified Tuesday 15 Ordibehesht 1405 (2026-05-05); 30 days counted 16 Ordibehesht … 14 Khordad; the nominal
    // last day 15 Khordad (2026-06-05) is a Friday and the 15 Khordad holiday, so the last day is Saturday 16 Khordad.
    expect(running.clocks).toEqual([
      {
        kind: 'term',
        startsOn: { iso: '2026-05-05', jalali: '1405-02-15' },
        lastDay: { iso: '2026-06-06', jalali: '1405-03-16' },
        days: 30,
        daysLeft: 32,
      },
    ]);
    expect(running.timeline.map((e: { kind: string }) => e.kind).slice(-4)).toEqual([
      'appoint',
      'arbitrator-accepted',
      'arbitrator-accepted',
      'term-start',
    ]);
    // An answer once the term runs is refused.
    expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${registered.id}/answer`, { accept: false }),
      409,
      'arbitration_state_conflict',
    );
  });

  it('with no term in the agreement it is three months: 90 days from the notice', async () => {
    const id = await consented({ term: null, arbitratorCount: 1 });
    const named = await amir.post(`/api/v1/arbitrations/${id}/arbitrators`, {
      arbitrators: [{ userId: arbitratorUserId }],
    });
    const [a] = named.json().arbitrators;
    const res = await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${a.id}/answer`, { accept: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().clocks[0].days).toBe(90);
    expect(res.json().clocks[0].startsOn.iso).toBe('2026-05-05');
  });

  it('an arbitrator who declines is replaced, and the term waits for the replacement', async () => {
    const id = await consented({ arbitratorCount: 1 });
    const named = await amir.post(`/api/v1/arbitrations/${id}/arbitrators`, {
      arbitrators: [{ userId: arbitratorUserId }],
    });
    const [a] = named.json().arbitrators;
    const declined = await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${a.id}/answer`, { accept: false });
    expect(declined.json().state).toBe('arbitrators_appointed');
    expect(declined.json().clocks).toEqual([]);
    // Having declined, they no longer see the case.
    expectProblem(await arbitrator.get(`/api/v1/arbitrations/${id}`), 404);
    const replaced = await nazanin.post(`/api/v1/arbitrations/${id}/arbitrators`, {
      arbitrators: [{ nationalId: '0084575948', name: 'مهدی دادور' }],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().arbitrators.map((x: { status: string }) => x.status)).toEqual(['declined', 'named']);
  });

  it('refuses arbitrators before the parties agreed, the wrong number of them, and a party as arbitrator', async () => {
    const drafted = await started();
    expectProblem(
      await amir.post(`/api/v1/arbitrations/${drafted.id}/arbitrators`, {
        arbitrators: [{ userId: arbitratorUserId }, { nationalId: '0084575948', name: 'مهدی دادور' }],
      }),
      409,
      'arbitration_state_conflict',
    );
    const id = await consented();
    const count = expectProblem(
      await amir.post(`/api/v1/arbitrations/${id}/arbitrators`, { arbitrators: [{ userId: arbitratorUserId }] }),
      400,
    );
    expect(Object.keys(fieldErrors(count))).toEqual(['arbitrators']);
    const party = expectProblem(
      await amir.post(`/api/v1/arbitrations/${id}/arbitrators`, {
        arbitrators: [{ userId: arbitratorUserId }, { nationalId: NAZANIN.nationalId, name: 'نازنین اصفهانی' }],
      }),
      400,
    );
    expect(Object.keys(fieldErrors(party))).toEqual(['arbitrators.1']);
    // The seat office does not name them when the agreement leaves it to the parties.
    expectProblem(
      await operator.post(`/api/v1/arbitrations/${id}/arbitrators`, {
        arbitrators: [{ userId: arbitratorUserId }, { nationalId: '0084575948', name: 'مهدی دادور' }],
      }),
      403,
    );
  });
});

describe('who sees a case', () => {
  it('its parties and the seat office see it; another citizen and another office get 404', async () => {
    const kase = await started();
    for (const client of [amir, nazanin, operator])
      expect((await client.get(`/api/v1/arbitrations/${kase.id}`)).statusCode).toBe(200);
    for (const client of [saeed, otherManager, arbitrator])
      expectProblem(await client.get(`/api/v1/arbitrations/${kase.id}`), 404);
    const ids = async (client: Client) =>
      ((await client.get('/api/v1/arbitrations')).json().items as { id: number }[]).map((i) => i.id);
    expect(await ids(nazanin)).toContain(kase.id);
    expect(await ids(operator)).toContain(kase.id);
    expect(await ids(saeed)).not.toContain(kase.id);
    expect(await ids(otherManager)).toEqual([]);
  });

  it('the registry of arbitrators lists arbitrator.tehran for a party to choose', async () => {
    const res = await amir.get('/api/v1/arbitrations/registry');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual({
      userId: arbitratorUserId,
      name: 'پروین اکبری',
      province: { fa: 'تهران', en: 'Tehran' },
    });
  });
});
