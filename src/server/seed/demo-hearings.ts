/**
 * Demo video hearings, so a newcomer finds the hearings pages populated: two cases of Tehran's
 * general court opened last year (numbered in that year, so this year's numbering still starts at
 * one) and three hearings on them in the coming days, presided by judge.tehran and scheduled by
 * clerk.tehran. In the first, Nazanin Esfahani attends from office 11001's booth (her check-in code
 * 246810 shows on her hearing page and on the office's booth calendar); the others attend from home.
 */
import { eq } from 'drizzle-orm';
import { addDaysIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { tehranInstant } from '#core/consultation-slots';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import { caseNumberOf } from '#server/modules/court/decisions';
import { caseParties, cases } from '#server/modules/courts/tables';
import { hearingParticipants, hearings } from '#server/modules/hearings/tables';
import { offices } from '#server/modules/offices/tables';
import { DEMO_CITIZENS, DEMO_COURTS } from './demo-data';

const DAY = 86_400_000;

export async function seedDemoHearings(tx: Executor, now: Date): Promise<void> {
  const [amir, nazanin, saeed] = DEMO_CITIZENS;
  const court = DEMO_COURTS[0];
  const staff = async (username: string) =>
    (await tx.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
  const judge = await staff('judge.tehran');
  const clerk = await staff('clerk.tehran');
  const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.code, '11001'));
  const name = (c: (typeof DEMO_CITIZENS)[number]) => `${c.firstName} ${c.lastName}`;

  const openedAt = new Date(now.getTime() - 400 * DAY);
  const { jy } = isoToJalali(tehranIsoDate(openedAt));
  const openCase = async (seq: number, subject: string, claimant: typeof amir, defendant: typeof amir) => {
    const [kase] = await tx
      .insert(cases)
      .values({
        caseNumber: caseNumberOf(jy, court.code, seq),
        courtId: court.id,
        branch: 3,
        provinceId: court.provinceId,
        subject,
        openedAt,
        openedBy: clerk,
      })
      .returning({ id: cases.id });
    await tx.insert(caseParties).values([
      {
        caseId: kase.id,
        role: 'claimant',
        citizenId: claimant.id,
        name: name(claimant),
        nationalId: claimant.nationalId,
      },
      {
        caseId: kase.id,
        role: 'defendant',
        citizenId: defendant.id,
        name: name(defendant),
        nationalId: defendant.nationalId,
      },
    ]);
    return kase.id;
  };
  const debt = await openCase(1, 'مطالبهٔ وجه چک', amir, nazanin);
  const lease = await openCase(2, 'تخلیهٔ ملک تجاری', saeed, amir);

  const today = tehranIsoDate(now);
  const hearing = async (caseId: number, inDays: number, time: string, minutes: number) => {
    const [h] = await tx
      .insert(hearings)
      .values({
        caseId,
        courtId: court.id,
        provinceId: court.provinceId,
        judgeUserId: judge,
        startsAt: tehranInstant(addDaysIso(today, inDays), time),
        durationMinutes: minutes,
        scheduledBy: clerk,
        scheduledAt: new Date(now.getTime() - 7 * DAY),
      })
      .returning({ id: hearings.id });
    return h.id;
  };
  const first = await hearing(debt, 3, '10:00', 45);
  await tx.insert(hearingParticipants).values([
    { hearingId: first, role: 'party', citizenId: amir.id, name: name(amir), mode: 'home', checkInCode: '135790' },
    {
      hearingId: first,
      role: 'party',
      citizenId: nazanin.id,
      name: name(nazanin),
      mode: 'office',
      officeId: office.id,
      boothNo: 1,
      boothBookedBy: clerk,
      checkInCode: '246810',
    },
  ]);
  const second = await hearing(lease, 5, '11:30', 30);
  const third = await hearing(lease, 12, '09:00', 60);
  for (const id of [second, third]) {
    await tx.insert(hearingParticipants).values([
      { hearingId: id, role: 'party', citizenId: saeed.id, name: name(saeed), mode: 'home', checkInCode: '112233' },
      { hearingId: id, role: 'party', citizenId: amir.id, name: name(amir), mode: 'home', checkInCode: '445566' },
    ]);
  }
}
