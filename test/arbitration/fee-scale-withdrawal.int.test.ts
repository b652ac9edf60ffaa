/**
 * Withdrawing an official scale of arbitrators' fees before its first day, through the API. The
 * regulator may withdraw a scale still to come, giving the reason; it stays on the list marked
 * withdrawn, never comes into force (a fee fixed on its would-be first day is fixed by the scale
 * before it), and its first day is free for another scale. A scale in force — from its first day
 * on — is never withdrawn: a fee may have been fixed by it, and only a newer scale supersedes it.
 *
 * The clock starts on Tuesday 15 Ordibehesht 1405 (2026-05-05), 10:00 in Tehran; the demo seed's
 * 1401 scale is in force from 5 Shahrivar 1401 (2022-08-27). Expected fees are worked by hand from
 * its Art. 2 (see fees.int.test.ts): a claim of 30,000,000,000 Rials pays 2% of the first ten
 * billion and 1% of the next twenty, 400,000,000 Rials; the withdrawn scale's 3% would have made it
 * 500,000,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { clockStartingAt, type Clock } from '#server/platform/clock/clock';
import { NAZANIN, runningCase } from '../support/arbitration';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
/** How far the server's clock is moved on from TEST_NOW, for the days a scale comes into force. */
let shiftMs = 0;
const running = clockStartingAt(TEST_NOW);
const clock: Clock = { now: () => new Date(running.now().getTime() + shiftMs) };
const DAY_MS = 24 * 60 * 60 * 1000;

interface Scale {
  id: number;
  validFrom: { iso: string; jalali: string };
  inForce: boolean;
  withdrawal: { at: string; reason: string } | null;
}

const scaleBody = (validFrom: string, firstBandBasisPoints = 300) => ({
  validFrom,
  source: 'جدول آزمایشی حق‌الزحمهٔ داوری',
  bands: [
    { upToRials: 10_000_000_000, basisPoints: firstBandBasisPoints },
    { upToRials: null, basisPoints: 100 },
  ],
  capRials: null,
  nonMonetaryMinRials: 8_000_000,
  nonMonetaryMaxRials: 40_000_000,
});

async function enter(validFrom: string, by: Client = regulator): Promise<Scale> {
  const res = await by.post('/api/v1/arbitrations/fee-scales', scaleBody(validFrom));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Scale;
}

const withdraw = (id: number, reason: unknown = 'مصوبه در روزنامهٔ رسمی با جدول دیگری منتشر شد', by = regulator) =>
  by.post(`/api/v1/arbitrations/fee-scales/${id}/withdrawal`, { reason });

const list = async () =>
  (await t.anonymous().get('/api/v1/arbitrations/fee-scales')).json().items as (Scale & { source: string })[];

const auditOf = (id: number) =>
  t.query<{ data: Record<string, unknown>; actor: string | null }>(
    "select data, actor_user_id::text as actor from audit_events where action = 'arbitration.fee-scale-withdraw' and entity_id = $1",
    [String(id)],
  );

beforeAll(async () => {
  t = await startTestServer({ clock });
  regulator = await t.signInStaff('regulator');
});
afterAll(async () => {
  await t?.stop();
});

describe('withdrawing a scale still to come', () => {
  it('the regulator withdraws it with the reason: listed as withdrawn, the 1401 scale still in force, and one event in the audit chain', async () => {
    const scale = await enter('1405-07-01');
    expect(scale.withdrawal).toBeNull();
    const res = await withdraw(scale.id, '  مصوبه در روزنامهٔ رسمی با جدول دیگری منتشر شد  ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: scale.id,
      validFrom: { iso: '2026-09-23', jalali: '1405-07-01' },
      inForce: false,
      withdrawal: { reason: 'مصوبه در روزنامهٔ رسمی با جدول دیگری منتشر شد' },
    });
    // Withdrawn on the server's day, 15 Ordibehesht 1405, not the machine's.
    expect((res.json() as Scale).withdrawal!.at.slice(0, 10)).toBe('2026-05-05');

    const listed = await list();
    expect(listed.find((s) => s.id === scale.id)?.withdrawal?.reason).toBe(
      'مصوبه در روزنامهٔ رسمی با جدول دیگری منتشر شد',
    );
    expect(listed.find((s) => s.inForce)?.validFrom.iso).toBe('2022-08-27');

    const audit = await auditOf(scale.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({
      validFrom: '2026-09-23',
      reason: 'مصوبه در روزنامهٔ رسمی با جدول دیگری منتشر شد',
    });
    const [{ id: regulatorId }] = await t.query<{ id: string }>(
      "select id::text as id from users where username = 'regulator'",
    );
    expect(audit[0].actor).toBe(regulatorId);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('its first day is free again: a corrected scale from 1 Mehr 1405 is entered beside the withdrawn one', async () => {
    const again = await enter('1405-07-01');
    expect(again.withdrawal).toBeNull();
    const sameDay = (await list()).filter((s) => s.validFrom.iso === '2026-09-23');
    expect(sameDay.map((s) => s.withdrawal === null).sort()).toEqual([false, true]);
    // The corrected one is not withdrawn, so the day is taken again.
    await expectProblem(
      await regulator.post('/api/v1/arbitrations/fee-scales', scaleBody('1405-07-01')),
      409,
      'arbitration_fee_scale_exists',
    );
  });

  it('a scale withdrawn once is refused the second time, and the first reason stands', async () => {
    const scale = await enter('1405-08-01');
    expect((await withdraw(scale.id, 'نخستین دلیل')).statusCode).toBe(200);
    const res = await withdraw(scale.id, 'دلیل دوم');
    await expectProblem(res, 409, 'arbitration_fee_scale_withdrawn');
    expect(res.json().message.fa).toMatch(/پس گرفته شده/);
    expect(res.json().message.en).toMatch(/already been withdrawn/);
    expect((await list()).find((s) => s.id === scale.id)?.withdrawal?.reason).toBe('نخستین دلیل');
    expect(await auditOf(scale.id)).toHaveLength(1);
  });

  it('two withdrawals at once: one is taken, the other refused, and the audit chain holds one', async () => {
    const scale = await enter('1405-09-01');
    const [a, b] = await Promise.all([withdraw(scale.id, 'دلیل نخست'), withdraw(scale.id, 'دلیل دیگر')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    const taken = a.statusCode === 200 ? a : b;
    expect(refused.json().code).toBe('arbitration_fee_scale_withdrawn');
    expect((await list()).find((s) => s.id === scale.id)?.withdrawal?.reason).toBe(taken.json().withdrawal.reason);
    expect(await auditOf(scale.id)).toHaveLength(1);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('a blank or missing reason is refused on its field in Persian and English, and nothing is withdrawn', async () => {
    const scale = await enter('1405-10-01');
    for (const reason of ['   ', '', undefined]) {
      const res = await regulator.post(
        `/api/v1/arbitrations/fee-scales/${scale.id}/withdrawal`,
        reason === undefined ? {} : { reason },
      );
      await expectProblem(res, 400, 'validation_failed');
      const field = fieldErrors(res.json()).reason;
      expect(field?.message.fa, String(reason)).toMatch(/\p{Script=Arabic}/u);
      expect(field?.message.en, String(reason)).toMatch(/[A-Za-z]/);
    }
    const tooLong = await withdraw(scale.id, 'د'.repeat(1001));
    await expectProblem(tooLong, 400, 'validation_failed');
    expect(fieldErrors(tooLong.json()).reason).toBeDefined();
    expect((await list()).find((s) => s.id === scale.id)?.withdrawal).toBeNull();
    expect(await auditOf(scale.id)).toHaveLength(0);
  });

  it('a scale that does not exist is not found', async () => {
    await expectProblem(await withdraw(987_654), 404, 'not_found');
  });

  it('only the regulator withdraws: the association, an operator, an arbitrator and a citizen are forbidden; nobody signed in is asked to sign in', async () => {
    const scale = await enter('1405-11-01');
    for (const who of ['association', 'operator.11001', 'arbitrator.tehran'])
      await expectProblem(await withdraw(scale.id, 'دلیل', await t.signInStaff(who)), 403, 'forbidden');
    await expectProblem(await withdraw(scale.id, 'دلیل', await t.signInCitizen('09120000001')), 403, 'forbidden');
    await expectProblem(await withdraw(scale.id, 'دلیل', t.anonymous()), 401, 'unauthenticated');
    expect((await list()).find((s) => s.id === scale.id)?.withdrawal).toBeNull();
  });
});

describe('the fee ignores a withdrawn scale', () => {
  it("a case whose term starts on a withdrawn scale's first day is priced by the scale before it: 400,000,000 Rials, not 500,000,000", async () => {
    // Entered on 15 Ordibehesht for 20 Ordibehesht (2026-05-10) at 3% up to ten billion, then withdrawn.
    const withdrawn = await enter('1405-02-20');
    expect((await withdraw(withdrawn.id, 'جدول بدون تصویب رئیس قوه وارد شد')).statusCode).toBe(200);
    shiftMs = 5 * DAY_MS;
    try {
      expect(t.today()).toBe('2026-05-10');
      const people = {
        amir: await t.signInCitizen('09120000001'),
        nazanin: await t.signInCitizen('09130000002'),
        arbitrator: await t.signInStaff('arbitrator.tehran'),
        operator: await t.signInStaff('operator.11001'),
        arbitratorUserId: (
          await t.query<{ id: number }>("select id::int as id from users where username = 'arbitrator.tehran'")
        )[0].id,
      };
      // On its would-be first day the 1401 scale is still the one in force.
      expect((await list()).find((s) => s.inForce)?.validFrom.iso).toBe('2022-08-27');
      const kase = await runningCase<{
        fee: { totalRials: number; scale: { id: number; validFrom: { iso: string } } | null };
      }>(t, people, {
        agreementKind: 'separate',
        subjectKind: 'contract',
        subject: 'اختلاف در مبلغ قرارداد پیمانکاری بازسازی واحد تجاری و تأخیر در تحویل کار',
        arbitratorCount: 2,
        selection: 'parties',
        term: null,
        seatOfficeId: 1,
        awardNotice: 'e_notice',
        respondents: [NAZANIN],
        fee: { basis: 'scale', claimRials: 30_000_000_000 },
      });
      expect(kase.fee.totalRials).toBe(400_000_000);
      expect(kase.fee.scale?.validFrom.iso).toBe('2022-08-27');
    } finally {
      shiftMs = 0;
    }
  });
});

describe('a scale in force is never withdrawn', () => {
  it('the 1401 scale, in force since 5 Shahrivar 1401, is refused in Persian and English and stays in force', async () => {
    const scale1401 = (await list()).find((s) => s.validFrom.iso === '2022-08-27')!;
    const res = await withdraw(scale1401.id);
    await expectProblem(res, 409, 'arbitration_fee_scale_in_force');
    expect(res.json().message.fa).toMatch(/نافذ شده است/);
    expect(res.json().message.en).toMatch(/already in force/);
    expect((await list()).find((s) => s.id === scale1401.id)).toMatchObject({ inForce: true, withdrawal: null });
    expect(await auditOf(scale1401.id)).toHaveLength(0);
  });

  it('a scale from 25 Ordibehesht may be withdrawn before that day, but on the 25th it is in force and refused', async () => {
    const [kept, dropped] = [await enter('1405-02-25'), await enter('1405-02-26')];
    shiftMs = 10 * DAY_MS;
    try {
      expect(t.today()).toBe('2026-05-15');
      const regulatorNextDay = await t.signInStaff('regulator');
      await expectProblem(await withdraw(kept.id, 'دیر', regulatorNextDay), 409, 'arbitration_fee_scale_in_force');
      // The next day's scale is still to come: on the eve of its first day it may be withdrawn.
      expect((await withdraw(dropped.id, 'اشتباه در نرخ ردیف نخست', regulatorNextDay)).statusCode).toBe(200);
      expect((await list()).find((s) => s.inForce)?.id).toBe(kept.id);
    } finally {
      shiftMs = 0;
    }
  });
});
