/**
 * Reading a citizen's notices at the counter, from the national ID alone: the consent code goes by
 * SMS to the citizen's registered mobile, the operator types it back, and the consent that gives is
 * bound to that operator, that office and that citizen, for 30 minutes; a code takes five tries
 * at most, even when the guesses arrive all at once. Every notice opened is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCodeAttempt } from '#server/modules/identity/store';
import type { Clock } from '#server/platform/clock/clock';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

/** A clock the test moves on by hand (sessions and consents are judged by it). */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(TEST_NOW.getTime() + offsetMs) };

const AMIR = { nationalId: '0499370899', mobile: '09120000001' };
const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };

let t: TestServer;
let operator: Client;
let colleague: Client;
let isfahan: Client;
let noticeId: number;

async function codeSentTo(mobile: string): Promise<string> {
  const [row] = await t.query<{ body: string }>(
    "select body from notifier_outbox where recipient = $1 and template = 'otp.consent' order by id desc limit 1",
    [mobile],
  );
  const code = /\((\d{6})\)/.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error(`no consent code sent to ${mobile}`);
  return code;
}

/** Codes may be asked for once a minute: make room, as time would. */
const makeRoom = (mobile: string) =>
  t.query("update otp_challenges set created_at = created_at - interval '2 minutes' where mobile = $1", [mobile]);

const ask = (client: Client, nationalId = AMIR.nationalId) =>
  client.post('/api/v1/counter/consents', { nationalId, purpose: 'notice-page' });
const confirm = (client: Client, code: string, nationalId = AMIR.nationalId) =>
  client.post('/api/v1/counter/consents/confirm', { nationalId, purpose: 'notice-page', code });

async function grant(client = operator, who = AMIR) {
  await makeRoom(who.mobile);
  expect((await ask(client, who.nationalId)).statusCode).toBe(202);
  const res = await confirm(client, await codeSentTo(who.mobile), who.nationalId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; citizenId: number; expiresAt: string };
}

const list = (client: Client, g: { id: number; citizenId: number }) =>
  client.get(`/api/v1/counter/notices?citizenId=${g.citizenId}&consentId=${g.id}`);

beforeAll(async () => {
  t = await startTestServer({ clock });
  [operator, colleague, isfahan] = await Promise.all([
    t.signInStaff('operator.11001'),
    t.signInStaff('manager.11001'),
    t.signInStaff('operator.13001'),
  ]);
  const judge = await t.signInStaff('judge.tehran');
  const [kase] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ('CN-1', 1, 2, 1, 'مطالبه', 1) returning id::int as id",
  );
  await t.query(
    "insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', 1, 'امیر تهرانی')",
    [kase.id],
  );
  const issued = await judge.post(`/api/v1/court/cases/${kase.id}/notices`, {
    kind: 'decision',
    title: 'دادنامه',
    body: 'متن رأی دادگاه.',
  });
  expect(issued.statusCode, issued.body).toBe(201);
  noticeId = issued.json().id;
});
afterAll(async () => {
  await t?.stop();
});

describe('from the national ID to the notices', () => {
  it("the code goes by SMS to the citizen's registered mobile; the operator sees only its masked form", async () => {
    const before = await t.count('notifier_outbox');
    const res = await ask(operator);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ sentTo: '0912***0001', purpose: 'notice-page' });
    expect(res.body).not.toContain(AMIR.mobile);
    expect(await t.count('notifier_outbox')).toBe(before + 1);
    const [sms] = await t.query<{ recipient: string; body: string }>(
      'select recipient, body from notifier_outbox order by id desc limit 1',
    );
    expect(sms.recipient).toBe(AMIR.mobile);
    expect(sms.body).toContain('گشایش صفحهٔ ابلاغ');
  });

  it('the code typed back (in Persian digits too) lists the notices; opening one is audited', async () => {
    await makeRoom(AMIR.mobile);
    expect((await ask(operator)).statusCode).toBe(202);
    const latin = await codeSentTo(AMIR.mobile);
    const persian = latin.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const confirmed = await confirm(operator, persian);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const g = confirmed.json();
    // Valid 30 minutes from now.
    expect(new Date(g.expiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);
    const notices = await list(operator, g);
    expect(notices.statusCode, notices.body).toBe(200);
    expect(notices.json().items.map((n: { id: number }) => n.id)).toContain(noticeId);
    const audited = async () =>
      (
        await t.query<{ n: number }>(
          "select count(*)::int as n from audit_events where action = 'notices.open-at-office' and entity_id = $1",
          [String(noticeId)],
        )
      )[0].n;
    const before = await audited();
    const opened = await operator.post(`/api/v1/counter/notices/${noticeId}/open`, {
      citizenId: g.citizenId,
      consentId: g.id,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().notice).toMatchObject({ id: noticeId, delivered: true, deliveredChannel: 'office' });
    expect(await audited()).toBe(before + 1);
  });
});

describe('the consent is bound to this operator, this office and this citizen, and expires', () => {
  it("a colleague at the same office cannot use another operator's consent", async () => {
    const g = await grant();
    expectProblem(await list(colleague, g), 403, 'consent_required');
    expectProblem(
      await colleague.post(`/api/v1/counter/notices/${noticeId}/open`, { citizenId: g.citizenId, consentId: g.id }),
      403,
      'consent_required',
    );
    expect((await list(operator, g)).statusCode).toBe(200);
  });

  it("another office's operator cannot use it, nor can it open another citizen's notices", async () => {
    const g = await grant();
    expectProblem(await list(isfahan, g), 403, 'consent_required');
    expectProblem(await list(operator, { id: g.id, citizenId: 2 }), 403, 'consent_required');
  });

  it('a code asked for at one office cannot be confirmed at another', async () => {
    await makeRoom(NAZANIN.mobile);
    expect((await ask(operator, NAZANIN.nationalId)).statusCode).toBe(202);
    expectProblem(
      await confirm(isfahan, await codeSentTo(NAZANIN.mobile), NAZANIN.nationalId),
      400,
      'invalid_consent_code',
    );
  });

  it('30 minutes later the consent no longer opens anything', async () => {
    const g = await grant();
    expect((await list(operator, g)).statusCode).toBe(200);
    offsetMs += 30 * 60_000 + 1_000;
    try {
      expectProblem(await list(operator, g), 403, 'consent_required');
    } finally {
      offsetMs -= 30 * 60_000 + 1_000;
    }
  });
});

describe('a code takes five tries at most', () => {
  it('25 wrong codes sent at once count as five tries; the right code after them is refused and no consent is given', async () => {
    await makeRoom(AMIR.mobile);
    expect((await ask(operator)).statusCode).toBe(202);
    const right = await codeSentTo(AMIR.mobile);
    const wrong = Array.from({ length: 25 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const consentsBefore = await t.count('consents');
    const answers = await Promise.all(wrong.map((code) => confirm(operator, code)));
    for (const res of answers) {
      const problem = expectProblem(res, 400, 'invalid_consent_code');
      expect(fieldErrors(problem).code).toBeDefined();
    }
    const [challenge] = await t.query<{ attempts: number }>(
      "select attempts from otp_challenges where mobile = $1 and purpose like 'consent:notice-page:%' order by id desc limit 1",
      [AMIR.mobile],
    );
    expect(challenge.attempts).toBe(5);
    expectProblem(await confirm(operator, right), 400, 'invalid_consent_code');
    expect(await t.count('consents')).toBe(consentsBefore);
  });

  it('the limit is checked in the statement that counts a try: a caller that read the code before the fifth try still cannot count a sixth', async () => {
    await makeRoom(NAZANIN.mobile);
    expect((await ask(operator, NAZANIN.nationalId)).statusCode).toBe(202);
    const [challenge] = await t.query<{ id: number }>(
      'select id::int as id from otp_challenges where mobile = $1 order by id desc limit 1',
      [NAZANIN.mobile],
    );
    // As if five guesses had been counted after this caller read the row with attempts = 0.
    await t.query('update otp_challenges set attempts = 5 where id = $1', [challenge.id]);
    expect(await countCodeAttempt(t.server.ctx.db, challenge.id, 5)).toBe(false);
    const [after] = await t.query<{ attempts: number }>('select attempts from otp_challenges where id = $1', [
      challenge.id,
    ]);
    expect(after.attempts).toBe(5);
  });

  it('the code field is named in Persian and English when it is not six digits', async () => {
    const problem = expectProblem(await confirm(operator, '12'), 400, 'validation_failed');
    expect(fieldErrors(problem).code).toBeDefined();
  });
});
