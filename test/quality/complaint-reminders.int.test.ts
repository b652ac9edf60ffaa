/**
 * The daily notices on a complaint's answer clock (docs/decisions/0066), across a Friday and a
 * holiday. A complaint against office 11002 filed Sunday 3 Khordad 1405 (2026-05-24); the official
 * 1405 calendar (Council for Public Culture, as in src/core/proposal-clock.test.ts) closes
 * Wednesday 6 Khordad (2026-05-27) for Eid al-Adha. The manager's five working days, counted by
 * hand: Mon 05-25 (1), Tue 05-26 (2), Wed 05-27 Eid al-Adha, Thu 05-28 (3), Fri 05-29 closed,
 * Sat 05-30 (4), Sun 05-31 (5) — due Sunday 10 Khordad; overdue from Monday 06-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendComplaintReminders } from '#server/modules/quality/complaint-reminders';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

const started = Date.now();
let shiftMs = 0;
const clock = { now: () => new Date(TEST_NOW.getTime() + shiftMs + (Date.now() - started)) };
/** Puts the server on a Tehran day at 08:00 (04:30 UTC), when the daily job has run. */
function onDay(iso: string) {
  shiftMs = new Date(`${iso}T04:30:00Z`).getTime() - TEST_NOW.getTime() - (Date.now() - started);
}

let t: TestServer;
let unanswered: number;
let answered: number;
const mobiles: Record<string, string> = {};

beforeAll(async () => {
  onDay('2026-05-24');
  t = await startTestServer({ clock });
  for (const r of await t.query<{ username: string; mobile: string }>(
    "select username, mobile from users where username in ('manager.11002', 'association.tehran')",
  ))
    mobiles[r.username] = r.mobile;
  const citizen = await t.signInCitizen('09120000001');
  const file = async () => {
    const res = await citizen.post('/api/v1/quality/complaints', {
      officeId: 2,
      category: 'delay',
      occurredOn: '1405-03-02',
      text: 'پروندهٔ من سه روز در دفتر ماند و ارسال نشد.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  unanswered = await file();
  answered = await file();
});
afterAll(async () => {
  await t?.stop();
});

/** The SMS sent about one complaint, by template and recipient, oldest first. */
async function smsAbout(id: number) {
  return t.query<{ template: string; recipient: string }>(
    `select template, recipient from notifier_outbox where template like 'quality.complaint.%' and body like $1 order by id`,
    [`%شمارهٔ ${id} %`],
  );
}

const run = () => sendComplaintReminders(t.server.ctx.db, t.now());

async function view(client: Client, id: number) {
  const res = await client.get(`/api/v1/quality/complaints/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("the daily job on a complaint's answer clock", () => {
  it('says nothing while two or more working days are left, the holiday and the Friday not counted', async () => {
    onDay('2026-05-26');
    await run();
    onDay('2026-05-29'); // Friday: three counted (05-25, 05-26, 05-28), two left
    await run();
    const manager = await t.signInStaff('manager.11002');
    expect(await smsAbout(unanswered)).toEqual([]);
    const c = await view(manager, unanswered);
    expect(c).toMatchObject({ answerClock: { elapsed: 3, remaining: 2, dueOn: '2026-05-31' }, remindedOn: null });
    // The manager answers the second complaint in time.
    const res = await manager.post(`/api/v1/quality/complaints/${answered}/answer`, {
      answer: 'پرونده همان روز ارسال شد؛ رسید ارسال پیوست است.',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("reminds the office's manager once, on Saturday with one working day left", async () => {
    onDay('2026-05-30');
    await run();
    expect(await smsAbout(unanswered)).toEqual([
      { template: 'quality.complaint.reminder', recipient: mobiles['manager.11002'] },
    ]);
    onDay('2026-05-31'); // the last day: no second reminder
    await run();
    expect(await smsAbout(unanswered)).toHaveLength(1);
    const c = await view(await t.signInStaff('manager.11002'), unanswered);
    expect(c).toMatchObject({ remindedOn: '2026-05-30', escalatedOn: null, answerClock: { state: 'reminder' } });
    expect(await smsAbout(answered)).toEqual([]);
  });

  it("escalates it to Tehran's association on Monday, tells the complainant, audits it — once", async () => {
    onDay('2026-06-01');
    await run();
    expect((await smsAbout(unanswered)).slice(1)).toEqual([
      { template: 'quality.complaint.escalated', recipient: mobiles['association.tehran'] },
      { template: 'quality.complaint.escalated-complainant', recipient: '09120000001' },
    ]);
    const [audit] = await t.query<{ data: { daysOver: number; dueOn: string } }>(
      `select data from audit_events where action = 'quality.complaint.escalate' and entity_id = $1`,
      [String(unanswered)],
    );
    expect(audit.data).toMatchObject({ daysOver: 1, dueOn: '2026-05-31' });
    onDay('2026-06-02');
    await run();
    expect(await smsAbout(unanswered)).toHaveLength(3);
    // The complainant and the association both see when it was escalated, and the association may decide it.
    const mine = await view(await t.signInCitizen('09120000001'), unanswered);
    expect(mine).toMatchObject({ escalatedOn: '2026-06-01', remindedOn: '2026-05-30' });
    const theirs = await view(await t.signInStaff('association.tehran'), unanswered);
    expect(theirs).toMatchObject({ escalatedOn: '2026-06-01', decidable: true, answerClock: { state: 'overdue' } });
    // The complaint answered in time was never reminded nor escalated.
    expect(await smsAbout(answered)).toEqual([]);
    expect(await view(await t.signInStaff('association.tehran'), answered)).toMatchObject({
      remindedOn: null,
      escalatedOn: null,
    });
  });
});
