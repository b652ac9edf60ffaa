/**
 * Two demo arbitration cases in different states: a lease dispute between Amir Tehrani and
 * Nazanin Esfahani seated at office 11001, its one arbitrator (arbitrator.tehran) notified ten days
 * ago and the three-month term running; and a contract dispute Nazanin started against Saeed
 * Shirazi at office 13001, waiting for Saeed's consent.
 */
import { eq } from 'drizzle-orm';
import { countTerm, termDays } from '#core/arbitration/clocks';
import { countWindow } from '#core/deadlines';
import { HolidayCalendar } from '#core/holiday-calendar';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import {
  arbitrationArbitrators,
  arbitrationCases,
  arbitrationEvents,
  arbitrationFeeScales,
  arbitrationParties,
} from '#server/modules/arbitration/tables';
import { DEMO_CITIZENS } from './demo-data';

const DAY = 86_400_000;

export async function seedDemoArbitration(tx: Executor, now: Date): Promise<void> {
  const [amir, nazanin, saeed] = DEMO_CITIZENS;
  const [arbitrator] = await tx.select().from(users).where(eq(users.username, 'arbitrator.tehran'));
  const [amirUser] = await tx.select({ id: users.id }).from(users).where(eq(users.citizenId, amir.id));
  const [nazaninUser] = await tx.select({ id: users.id }).from(users).where(eq(users.citizenId, nazanin.id));
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  await seedFeeScale(tx, now);
  const party = (c: (typeof DEMO_CITIZENS)[number]) => ({
    citizenId: c.id,
    nationalId: c.nationalId,
    name: `${c.firstName} ${c.lastName}`,
    mobile: c.mobile,
  });

  // A lease dispute whose term runs: agreed 14 days ago, arbitrator notified 10 days ago.
  const notifiedOn = addDaysIso(tehranIsoDate(now), -10);
  const days = termDays(null);
  const window = countWindow(notifiedOn, days);
  const term = countTerm(notifiedOn, null, [], new HolidayCalendar(window.fromIso, window.toIso));
  const [lease] = await tx
    .insert(arbitrationCases)
    .values({
      state: 'term_running',
      agreementKind: 'clause',
      subjectKind: 'lease',
      subject: 'مطالبهٔ اجاره‌بهای معوق شش ماه و تخلیهٔ واحد تجاری طبق بند داوری قرارداد اجارهٔ ۱۴۰۳',
      arbitratorCount: 1,
      selection: 'parties',
      seatOfficeId: 1,
      provinceId: 1,
      awardNotice: 'e_notice',
      termStartedOn: notifiedOn,
      termLastDay: term.lastDay,
      createdBy: amirUser.id,
      createdAt: at(14),
    })
    .returning();
  await tx.insert(arbitrationParties).values([
    { caseId: lease.id, role: 'claimant', ...party(amir), consentedAt: at(14) },
    { caseId: lease.id, role: 'respondent', ...party(nazanin), consentedAt: at(13) },
  ]);
  const [named] = await tx
    .insert(arbitrationArbitrators)
    .values({
      caseId: lease.id,
      userId: arbitrator.id,
      nationalId: arbitrator.nationalId ?? '',
      name: `${arbitrator.firstName} ${arbitrator.lastName}`,
      status: 'accepted',
      namedBy: amirUser.id,
      namedAt: at(12),
      notifiedOn,
      answeredAt: at(10),
      answeredBy: arbitrator.id,
    })
    .returning();
  await tx.insert(arbitrationEvents).values([
    { caseId: lease.id, kind: 'agreement', actorId: amirUser.id, at: at(14), data: {} },
    { caseId: lease.id, kind: 'consent', actorId: amirUser.id, at: at(14), data: {} },
    { caseId: lease.id, kind: 'consent', actorId: nazaninUser.id, at: at(13), data: {} },
    {
      caseId: lease.id,
      kind: 'agreement-made',
      step: 'consent_all',
      fromState: 'drafted',
      toState: 'consented',
      actorId: nazaninUser.id,
      at: at(13),
      data: {},
    },
    {
      caseId: lease.id,
      kind: 'appoint',
      step: 'appoint',
      fromState: 'consented',
      toState: 'arbitrators_appointed',
      actorId: amirUser.id,
      at: at(12),
      data: { arbitrators: [{ id: named.id, name: named.name, registered: true }] },
    },
    {
      caseId: lease.id,
      kind: 'arbitrator-accepted',
      actorId: arbitrator.id,
      at: at(10),
      data: { arbitratorId: named.id },
    },
    {
      caseId: lease.id,
      kind: 'term-start',
      step: 'start_term',
      fromState: 'arbitrators_appointed',
      toState: 'term_running',
      actorId: arbitrator.id,
      at: at(10),
      data: { startedOn: notifiedOn, days, lastDay: term.lastDay },
    },
  ]);

  // A contract dispute waiting for the respondent's consent.
  const [contract] = await tx
    .insert(arbitrationCases)
    .values({
      state: 'drafted',
      agreementKind: 'separate',
      subjectKind: 'contract',
      subject: 'اختلاف در تحویل و کیفیت کالای قرارداد فروش فرش دستباف میان فروشنده و خریدار',
      arbitratorCount: 1,
      selection: 'office',
      termAmount: 2,
      termUnit: 'month',
      seatOfficeId: 4,
      provinceId: 3,
      awardNotice: 'court_registry',
      createdBy: nazaninUser.id,
      createdAt: at(1),
    })
    .returning();
  await tx.insert(arbitrationParties).values([
    { caseId: contract.id, role: 'claimant', ...party(nazanin), consentedAt: at(1) },
    { caseId: contract.id, role: 'respondent', ...party(saeed) },
  ]);
  await tx.insert(arbitrationEvents).values([
    { caseId: contract.id, kind: 'agreement', actorId: nazaninUser.id, at: at(1), data: {} },
    { caseId: contract.id, kind: 'consent', actorId: nazaninUser.id, at: at(1), data: {} },
  ]);
}

/**
 * The official scale of arbitrators' fees in force since 5 Shahrivar 1401 (2022-08-27), as the
 * regulator would enter it: آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۱/۰۶/۰۵ رئیس قوهٔ قضاییه, Art. 2 and its
 * note 1 (2% of the claim up to ten billion Rials, 1% to fifty, ½% to a hundred, ¼% above; at most
 * 1.5 billion Rials; 5 to 30 million Rials per arbitrator when the claim is not monetary).
 */
async function seedFeeScale(tx: Executor, now: Date) {
  const [regulator] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'regulator'));
  const BN = 1_000_000_000;
  await tx.insert(arbitrationFeeScales).values({
    validFrom: '2022-08-27',
    bands: [
      { upToRials: 10 * BN, basisPoints: 200 },
      { upToRials: 50 * BN, basisPoints: 100 },
      { upToRials: 100 * BN, basisPoints: 50 },
      { upToRials: null, basisPoints: 25 },
    ],
    capRials: 1_500_000_000,
    nonMonetaryMinRials: 5_000_000,
    nonMonetaryMaxRials: 30_000_000,
    source: 'آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۱/۰۶/۰۵ رئیس قوهٔ قضاییه (مادهٔ ۲)',
    createdBy: regulator.id,
    createdAt: now,
  });
}
