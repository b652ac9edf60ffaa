/**
 * An arbitration from the term to the court desk through the API: a hearing set by an arbitrator,
 * the award drafted and signed by a majority with a dissent (Art. 484), made within the term and
 * refused after it (Art. 489 para. 4), lodged with the court of the seat's province and sent to the
 * parties as an e-notice (Art. 485), the annulment request within the twenty days from delivery
 * (Art. 490) and the enforcement order requested by the winner after the twenty days to comply
 * (Art. 488); and an agreement started twice with one Idempotency-Key makes one case.
 *
 * The clock starts on Tuesday 15 Ordibehesht 1405 (2026-05-05) and is moved by the test. Delivered
 * that day, the twenty days run 16 Ordibehesht … 4 Khordad (2026-05-06 … 2026-05-25): the last day
 * to comply or to seek annulment is Tuesday 5 Khordad 1405 (2026-05-26, an open day), and the
 * winner may ask for enforcement from Wednesday 6 Khordad (2026-05-27).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '#server/platform/clock/clock';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { NAZANIN, runningCase } from '../support/arbitration';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(TEST_NOW.getTime() + offsetMs) };
/** Moves the server's clock; staff sessions do not outlive such a jump, so the staff sign in again on the new day. */
async function moveTo(iso: string) {
  offsetMs = new Date(iso).getTime() - TEST_NOW.getTime();
  await signIn();
}
async function signIn() {
  arbitrator = await t.signInStaff('arbitrator.tehran');
  operator = await t.signInStaff('operator.11001');
  clerk = await t.signInStaff('clerk.tehran');
  otherClerk = await t.signInStaff('clerk.isfahan');
}

let t: TestServer;
let amir: Client;
let nazanin: Client;
let arbitrator: Client;
let operator: Client;
let clerk: Client;
let otherClerk: Client;
let arbitratorUserId: number;

const agreement = (over: Record<string, unknown> = {}) => ({
  agreementKind: 'separate',
  subjectKind: 'lease',
  subject: 'اختلاف در پرداخت اجاره‌بهای شش ماه آخر قرارداد اجارهٔ واحد تجاری',
  arbitratorCount: 3,
  selection: 'parties',
  term: { amount: 1, unit: 'month' },
  seatOfficeId: 1,
  awardNotice: 'e_notice',
  respondents: [NAZANIN],
  ...over,
});

interface CaseBody {
  id: number;
  state: string;
  parties: { id: number; role: string }[];
  arbitrators: { id: number; registered: boolean; signature: string | null; dissent: string | null }[];
  hearings: { startsAt: string; place: string }[];
  clocks: { kind: string; lastDay: { iso: string }; daysLeft: number }[];
  award: {
    date: { iso: string } | null;
    signatures: string;
    noticeId: number | null;
    court: { id: number; caseId: number } | null;
    deliveries: { deliveredAt: string | null }[];
    enforcementPartyId: number | null;
  } | null;
  timeline: { kind: string }[];
}

/** A case whose one-month term runs from today, with arbitrator.tehran and two arbitrators outside the registry. */
const running = () => runningCase<CaseBody>(t, { amir, nazanin, arbitrator, operator, arbitratorUserId }, agreement());

const put = (client: Client, url: string, body: unknown) => client.request({ method: 'PUT', url, body });

const award = (winnerPartyId: number) => ({
  reasons:
    'با توجه به قرارداد اجاره و اقرار خوانده در جلسهٔ رسیدگی به عدم پرداخت اجاره‌بهای شش ماه آخر، ادعای خواهان ثابت است.',
  decision: 'خوانده به پرداخت ششصد میلیون ریال اجاره‌بهای معوق در حق خواهان محکوم می‌شود.',
  winnerPartyId,
});

beforeAll(async () => {
  t = await startTestServer({ clock });
  amir = await t.signInCitizen('09120000001');
  nazanin = await t.signInCitizen('09130000002');
  await signIn();
  [{ id: arbitratorUserId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'arbitrator.tehran'",
  );
});
afterAll(async () => {
  await t?.stop();
});

describe('from the hearing to the enforcement order', () => {
  it('walks a case: hearing, award by a majority with a dissent, e-notice, annulment window, enforcement', async () => {
    await moveTo(TEST_NOW.toISOString());
    const kase = await running();
    const id = kase.id;
    const [claimant, respondent] = kase.parties;
    const [a, b, c] = kase.arbitrators;

    // A hearing: set by an arbitrator (not a party), in the future, within the term; both parties get an SMS.
    expectProblem(
      await amir.post(`/api/v1/arbitrations/${id}/hearings`, { date: '1405-02-25', time: '10:00', place: 'video' }),
      403,
    );
    const past = expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${id}/hearings`, {
        date: '1405-02-14',
        time: '10:00',
        place: 'office',
      }),
      400,
    );
    expect(Object.keys(fieldErrors(past))).toEqual(['date']);
    const heard = await arbitrator.post(`/api/v1/arbitrations/${id}/hearings`, {
      date: '۱۴۰۵/۰۲/۲۵',
      time: '۱۰:۰۰',
      place: 'video',
    });
    expect(heard.statusCode, heard.body).toBe(200);
    // 25 Ordibehesht 1405 = 2026-05-15, 10:00 Tehran = 06:30 UTC.
    expect(heard.json().hearings).toEqual([
      { id: expect.any(Number), startsAt: '2026-05-15T06:30:00.000Z', place: 'video', note: '', minutes: null },
    ]);
    const [sms] = await t.query<{ n: number }>(
      "select count(*)::int as n from notifier_outbox where template = 'arbitration.hearing' and body like $1",
      [`%شمارهٔ ${String(id).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)])} %`],
    );
    expect(sms.n).toBe(2);

    // The award: drafted by an arbitrator; the winner must be a party.
    const badWinner = expectProblem(await put(arbitrator, `/api/v1/arbitrations/${id}/award`, award(999_999)), 400);
    expect(Object.keys(fieldErrors(badWinner))).toEqual(['winnerPartyId']);
    const drafted = await put(arbitrator, `/api/v1/arbitrations/${id}/award`, award(claimant.id));
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().state).toBe('award_drafted');
    expect(drafted.json().award.signatures).toBe('pending');

    // Nothing at the court desk before the award is made and lodged.
    expectProblem(await clerk.post(`/api/v1/arbitrations/${id}/enforcement`, { partyId: claimant.id }), 404);

    // Signed by arbitrator.tehran and one outside arbitrator, refused by the third with a dissent: a majority (Art. 484).
    expect(
      (await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${a.id}/signature`, { sign: true })).statusCode,
    ).toBe(200);
    expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${id}/arbitrators/${b.id}/signature`, { sign: true }),
      403,
    );
    const two = await operator.post(`/api/v1/arbitrations/${id}/arbitrators/${b.id}/signature`, { sign: true });
    expect(two.json().state).toBe('award_drafted');
    const made = await operator.post(`/api/v1/arbitrations/${id}/arbitrators/${c.id}/signature`, {
      sign: false,
      dissent: 'به نظر اینجانب بخشی از اجاره‌بها پیش‌تر تهاتر شده است.',
    });
    expect(made.statusCode, made.body).toBe(200);
    const body = made.json() as CaseBody;
    expect(body.state).toBe('award_notified');
    expect(body.award!.signatures).toBe('signed');
    expect(body.award!.date!.iso).toBe('2026-05-05');
    expect(body.arbitrators.map((x) => x.signature)).toEqual(['signed', 'signed', 'refused']);
    expect(body.award!.court!.id).toBe(1);
    expect(body.timeline.map((e) => e.kind).slice(-5)).toEqual([
      'award-signed',
      'award-signed',
      'award-refused',
      'award-made',
      'award-notified',
    ]);
    // The award as an A4 page names the refusal and the dissent.
    const page = await nazanin.get(`/api/v1/arbitrations/${id}/award`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('از امضا خودداری کرد');
    expect(page.body).toContain('تهاتر');
    expect(page.body).toContain('۱۴۰۵/۰۲/۱۵');

    // The clerk of the court it was lodged with sees it; another court's clerk does not.
    expect((await clerk.get(`/api/v1/arbitrations/${id}`)).statusCode).toBe(200);
    expectProblem(await otherClerk.get(`/api/v1/arbitrations/${id}`), 404);
    expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/enforcement`, { partyId: claimant.id }),
      409,
      'arbitration_award_not_delivered',
    );

    // Each party opens the e-notice in their e-account: delivery is recorded and the windows start.
    for (const client of [amir, nazanin])
      expect((await client.get(`/api/v1/me/notices/${body.award!.noticeId}`)).statusCode).toBe(200);
    const delivered = (await amir.get(`/api/v1/arbitrations/${id}`)).json() as CaseBody;
    expect(delivered.award!.deliveries.every((d) => d.deliveredAt !== null)).toBe(true);
    expect(delivered.clocks.filter((k) => k.kind !== 'term')).toEqual([
      expect.objectContaining({ kind: 'comply', lastDay: { iso: '2026-05-26', jalali: '1405-03-05' }, daysLeft: 21 }),
      expect.objectContaining({
        kind: 'annulment',
        lastDay: { iso: '2026-05-26', jalali: '1405-03-05' },
        daysLeft: 21,
      }),
    ]);

    // Bad input at the court desk names its field.
    const noGrounds = expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/annulment`, { partyId: respondent.id, grounds: [] }),
      400,
    );
    expect(Object.keys(fieldErrors(noGrounds))).toEqual(['grounds']);
    const stranger = expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/annulment`, { partyId: 999_999, grounds: ['after_term'] }),
      400,
    );
    expect(Object.keys(fieldErrors(stranger))).toEqual(['partyId']);

    // On the last day, 5 Khordad, the losing party may still comply: enforcement is too early.
    await moveTo('2026-05-26T08:00:00Z');
    expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/enforcement`, { partyId: claimant.id }),
      422,
      'arbitration_enforcement_early',
    );

    // From 6 Khordad: an annulment request is late, the loser cannot ask for enforcement, the winner can.
    await moveTo('2026-05-27T08:00:00Z');
    expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/annulment`, {
        partyId: respondent.id,
        grounds: ['contrary_to_law'],
      }),
      422,
      'arbitration_annulment_late',
    );
    expectProblem(
      await clerk.post(`/api/v1/arbitrations/${id}/enforcement`, { partyId: respondent.id }),
      422,
      'arbitration_not_award_winner',
    );
    const enforced = await clerk.post(`/api/v1/arbitrations/${id}/enforcement`, { partyId: claimant.id });
    expect(enforced.statusCode, enforced.body).toBe(200);
    expect(enforced.json().state).toBe('enforcement_requested');
    expect(enforced.json().award.enforcementPartyId).toBe(claimant.id);

    const audit = await t.query<{ action: string }>(
      "select action from audit_events where entity_type = 'arbitration_case' and entity_id = $1",
      [String(id)],
    );
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'arbitration.hearing',
        'arbitration.award-draft',
        'arbitration.award-sign',
        'arbitration.award-notify',
        'arbitration.enforcement',
      ]),
    );
  });

  it('an annulment request within the twenty days is recorded with its Art. 489 grounds', async () => {
    await moveTo(TEST_NOW.toISOString());
    const kase = await running();
    const [claimant, respondent] = kase.parties;
    await put(arbitrator, `/api/v1/arbitrations/${kase.id}/award`, award(claimant.id));
    for (const [client, arb] of [
      [arbitrator, kase.arbitrators[0]],
      [operator, kase.arbitrators[1]],
      [operator, kase.arbitrators[2]],
    ] as const)
      await client.post(`/api/v1/arbitrations/${kase.id}/arbitrators/${arb.id}/signature`, { sign: true });
    const made = (await amir.get(`/api/v1/arbitrations/${kase.id}`)).json() as CaseBody;
    expect(made.state).toBe('award_notified');
    for (const client of [amir, nazanin]) await client.get(`/api/v1/me/notices/${made.award!.noticeId}`);
    await moveTo('2026-05-26T08:00:00Z');
    const res = await clerk.post(`/api/v1/arbitrations/${kase.id}/annulment`, {
      partyId: respondent.id,
      grounds: ['beyond_subject', 'contrary_to_law'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('annulment_requested');
    expect(res.json().award.annulment).toEqual({
      partyId: respondent.id,
      grounds: ['beyond_subject', 'contrary_to_law'],
    });
  });

  it('after the term an award is neither drafted nor signed (Art. 489 para. 4), and the draft stays as it was', async () => {
    await moveTo(TEST_NOW.toISOString());
    const kase = await running();
    const [claimant] = kase.parties;
    await put(arbitrator, `/api/v1/arbitrations/${kase.id}/award`, award(claimant.id));
    // The one-month term's last day is Saturday 16 Khordad 1405 (2026-06-06); Sunday 17 Khordad is after it.
    await moveTo('2026-06-07T06:00:00Z');
    const late = expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${kase.id}/arbitrators/${kase.arbitrators[0].id}/signature`, {
        sign: true,
      }),
      422,
      'arbitration_award_after_term',
    );
    // The refusal names the award's date, so the signing form shows it there.
    expect(Object.keys(fieldErrors(late))).toEqual(['date']);
    expectProblem(
      await put(arbitrator, `/api/v1/arbitrations/${kase.id}/award`, award(kase.parties[1].id)),
      422,
      'arbitration_award_after_term',
    );
    const after = (await arbitrator.get(`/api/v1/arbitrations/${kase.id}`)).json() as CaseBody & {
      award: { winnerPartyId: number };
    };
    expect(after.state).toBe('award_drafted');
    expect(after.award.winnerPartyId).toBe(claimant.id);
    expect(after.arbitrators.map((x) => x.signature)).toEqual([null, null, null]);
  });
});

describe('starting with an Idempotency-Key', () => {
  it('the same start sent twice with one key makes one case and sends the codes once', async () => {
    await moveTo(TEST_NOW.toISOString());
    const before = await t.count('arbitration_cases');
    const send = () =>
      amir.request({
        method: 'POST',
        url: '/api/v1/arbitrations',
        body: agreement({ arbitratorCount: 1 }),
        headers: { 'idempotency-key': 'arbitration-start-once' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await t.count('arbitration_cases')).toBe(before + 1);
    const [codes] = await t.query<{ n: number }>(
      "select count(*)::int as n from notifier_outbox where template = 'otp.arbitration-consent' and body like $1",
      [`%شمارهٔ ${first.json().id} %`],
    );
    expect(codes.n).toBe(2);
  });
});
