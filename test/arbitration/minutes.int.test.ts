/**
 * The minutes of an arbitration hearing through the API: an arbitrator sitting on the case records
 * them once the hearing has been held — what was said and done and which parties appeared — on the
 * case's timeline and in the audit chain (the text's SHA-256); they are final once written. Before
 * the hearing, a second time, by a party or another case's arbitrator, with bad input, they are
 * refused and nothing is written.
 *
 * The clock starts on Tuesday 15 Ordibehesht 1405 (2026-05-05, 10:00 Tehran); the hearing is set
 * for 25 Ordibehesht 1405 at 10:00 Tehran (2026-05-15T06:30Z) and the clock then moves past it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '#server/platform/clock/clock';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { NAZANIN, runningCase, signInPeople } from '../support/arbitration';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(TEST_NOW.getTime() + offsetMs) };
/** Moves the server's clock (forward only); sessions do not outlive such a jump, so everyone signs in again. */
async function moveTo(iso: string) {
  const next = new Date(iso).getTime() - TEST_NOW.getTime();
  if (t && next === offsetMs && amir) return;
  offsetMs = next;
  ({ amir, nazanin, saeed, arbitrator, operator, arbitratorUserId } = await signInPeople(t));
}

let t: TestServer;
let amir: Client;
let nazanin: Client;
let saeed: Client;
let arbitrator: Client;
let operator: Client;
let arbitratorUserId: number;

interface Minutes {
  text: string;
  presentPartyIds: number[];
  recordedBy: string;
  recordedAt: string;
}
interface CaseBody {
  id: number;
  state: string;
  parties: { id: number; role: string }[];
  hearings: { id: number; startsAt: string; minutes: Minutes | null }[];
  timeline: { kind: string; data: Record<string, unknown> }[];
}

/** A case between Amir and Nazanin whose one-month term runs, with arbitrator.tehran alone. */
const running = () =>
  runningCase<CaseBody>(
    t,
    { amir, nazanin, arbitrator, operator, arbitratorUserId },
    {
      agreementKind: 'separate',
      subjectKind: 'lease',
      subject: 'اختلاف در پرداخت اجاره‌بهای شش ماه آخر قرارداد اجارهٔ واحد تجاری',
      arbitratorCount: 1,
      selection: 'parties',
      term: { amount: 1, unit: 'month' },
      seatOfficeId: 1,
      awardNotice: 'e_notice',
      respondents: [NAZANIN],
    },
  );

const TEXT =
  'خواهان قرارداد اجاره و رسیدهای پرداخت را ارائه کرد؛ خوانده عدم پرداخت اجاره‌بهای شش ماه آخر را پذیرفت و مهلت خواست.';

beforeAll(async () => {
  t = await startTestServer({ clock });
  await moveTo(TEST_NOW.toISOString());
});
afterAll(async () => {
  await t?.stop();
});

describe('the minutes of a hearing', () => {
  it('are recorded once the hearing was held, with who appeared, on the timeline and in the audit chain; then final', async () => {
    await moveTo(TEST_NOW.toISOString());
    const kase = await running();
    const id = kase.id;
    const [claimant, respondent] = kase.parties;
    const heard = await arbitrator.post(`/api/v1/arbitrations/${id}/hearings`, {
      date: '1405-02-25',
      time: '10:00',
      place: 'office',
    });
    expect(heard.statusCode, heard.body).toBe(200);
    const [hearing] = (heard.json() as CaseBody).hearings;
    expect(hearing.minutes).toBeNull();
    const url = `/api/v1/arbitrations/${id}/hearings/${hearing.id}/minutes`;

    // Before the hearing (10:00 Tehran on 25 Ordibehesht = 06:30 UTC) there is nothing to minute.
    const early = expectProblem(
      await arbitrator.post(url, { text: TEXT, presentPartyIds: [claimant.id] }),
      409,
      'arbitration_hearing_not_held',
    );
    expect(early.startsAt).toBe('2026-05-15T06:30:00.000Z');

    // 25 Ordibehesht 1405, 12:30 Tehran: the hearing has been held.
    await moveTo('2026-05-15T09:00:00Z');
    // A party, or the seat office's operator, does not write the minutes.
    expectProblem(await amir.post(url, { text: TEXT, presentPartyIds: [claimant.id] }), 403);
    expectProblem(await operator.post(url, { text: TEXT, presentPartyIds: [claimant.id] }), 403);

    const recorded = await arbitrator.post(url, { text: TEXT, presentPartyIds: [claimant.id, respondent.id] });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const body = recorded.json() as CaseBody;
    expect(body.hearings[0].minutes).toEqual({
      text: TEXT,
      presentPartyIds: [claimant.id, respondent.id],
      recordedBy: 'پروین اکبری',
      recordedAt: '2026-05-15T09:00:00.000Z',
    });
    const sha256 = createHash('sha256').update(TEXT).digest('hex');
    expect(body.timeline.at(-1)).toMatchObject({
      kind: 'hearing-minutes',
      data: { hearingId: hearing.id, presentPartyIds: [claimant.id, respondent.id], sha256 },
    });
    const audit = await t.query<{ data: { hearingId: number; sha256: string } }>(
      "select data from audit_events where action = 'arbitration.hearing-minutes' and entity_id = $1",
      [id],
    );
    expect(audit.map((a) => a.data)).toEqual([expect.objectContaining({ hearingId: hearing.id, sha256 })]);

    // Both parties read them on the case.
    for (const party of [amir, nazanin])
      expect(((await party.get(`/api/v1/arbitrations/${id}`)).json() as CaseBody).hearings[0].minutes?.text).toBe(TEXT);

    // Final once written: a second record is refused and the first stands.
    expectProblem(
      await arbitrator.post(url, { text: `${TEXT} (اصلاح)`, presentPartyIds: [] }),
      409,
      'arbitration_minutes_recorded',
    );
    const [row] = await t.query<{ minutes: string }>('select minutes from arbitration_hearings where id = $1', [
      hearing.id,
    ]);
    expect(row.minutes).toBe(TEXT);
  });

  it('bad input names its field and writes nothing; a hearing of another case, or another case, is not found', async () => {
    // Still 25 Ordibehesht: a case whose term starts today, with a hearing on 27 Ordibehesht (2026-05-17).
    const kase = await running();
    const other = await running();
    const heard = await arbitrator.post(`/api/v1/arbitrations/${kase.id}/hearings`, {
      date: '1405-02-27',
      time: '10:00',
      place: 'video',
    });
    expect(heard.statusCode, heard.body).toBe(200);
    const [hearing] = (heard.json() as CaseBody).hearings;
    await moveTo('2026-05-17T09:00:00Z');
    const url = `/api/v1/arbitrations/${kase.id}/hearings/${hearing.id}/minutes`;

    const short = expectProblem(await arbitrator.post(url, { text: 'کوتاه', presentPartyIds: [] }), 400);
    expect(Object.keys(fieldErrors(short))).toEqual(['text']);
    const dup = expectProblem(
      await arbitrator.post(url, { text: TEXT, presentPartyIds: [kase.parties[0].id, kase.parties[0].id] }),
      400,
    );
    expect(Object.keys(fieldErrors(dup))).toEqual(['presentPartyIds']);
    const stranger = expectProblem(await arbitrator.post(url, { text: TEXT, presentPartyIds: [999_999] }), 400);
    expect(Object.keys(fieldErrors(stranger))).toEqual(['presentPartyIds.0']);
    const extra = expectProblem(await arbitrator.post(url, { text: TEXT, presentPartyIds: [], signedBy: 'x' }), 400);
    expect(extra.code).toBe('validation_failed');
    expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${kase.id}/hearings/999999/minutes`, {
        text: TEXT,
        presentPartyIds: [],
      }),
      404,
    );
    // The hearing's id under another case of the same arbitrator.
    expectProblem(
      await arbitrator.post(`/api/v1/arbitrations/${other.id}/hearings/${hearing.id}/minutes`, {
        text: TEXT,
        presentPartyIds: [],
      }),
      404,
    );
    // Another citizen does not see the case at all.
    expectProblem(await saeed.get(`/api/v1/arbitrations/${kase.id}`), 404);

    const [row] = await t.query<{ minutes: string | null; n: number }>(
      `select h.minutes, (select count(*)::int from arbitration_events e where e.case_id = h.case_id and e.kind = 'hearing-minutes') as n
      from arbitration_hearings h where h.id = $1`,
      [hearing.id],
    );
    expect(row).toEqual({ minutes: null, n: 0 });
  });
});
