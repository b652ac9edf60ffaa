/**
 * The demo's legal consultation: fee ranges for Tehran and Isfahan, the consultation competency at
 * three offices, four consultants of the registry (the demo user consultant.11001 among them, and
 * one whose licence has lapsed) with their hours, and a few sessions of the demo citizens around
 * the demo's day: two held (one noted and rated), one this morning, one later today.
 */
import { eq } from 'drizzle-orm';
import { tehranIsoDate } from '#core/jalali';
import { addDaysIso } from '#core/jalali';
import { tehranInstant } from '#core/consultation-slots';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import {
  consultantSittings,
  consultants,
  consultationBookings,
  consultationFeeRanges,
} from '#server/modules/consultation/tables';
import { officeCompetencies } from '#server/modules/offices/tables';

const WEEKDAYS = [0, 1, 2, 3, 4];
const hours = (days: number[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));

export async function seedDemoConsultation(tx: Executor, now: Date): Promise<void> {
  const today = tehranIsoDate(now);
  await tx.insert(consultationFeeRanges).values([
    { provinceId: 1, minRials: 1_000_000, maxRials: 5_000_000, updatedBy: 1, updatedAt: now },
    { provinceId: 3, minRials: 800_000, maxRials: 4_000_000, updatedBy: 1, updatedAt: now },
  ]);
  await tx.insert(officeCompetencies).values(
    [1, 2, 4].map((officeId) => ({
      officeId,
      serviceCode: 'consultation',
      validFrom: '2024-03-20',
      status: 'active' as const,
      grantedAt: now,
    })),
  );
  const [kavehUser] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'consultant.11001'));
  const common = { createdBy: kavehUser.id, createdAt: now, updatedAt: now, active: true };
  const [kaveh, maryam, hamid] = await tx
    .insert(consultants)
    .values([
      {
        ...common,
        userId: kavehUser.id,
        kind: 'lawyer' as const,
        firstName: 'کاوه',
        lastName: 'شریفی',
        licenceNumber: '11-4821',
        licenceExpiresOn: addDaysIso(today, 400),
        provinceId: 1,
        fields: ['family', 'property', 'commercial'],
        languages: ['fa', 'en'],
        feeRials: 3_000_000,
        sessionMinutes: 60,
        cutoffHours: 24,
      },
      {
        ...common,
        kind: 'legal-adviser' as const,
        firstName: 'مریم',
        lastName: 'رضوانی',
        licenceNumber: 'M-30517',
        licenceExpiresOn: addDaysIso(today, 200),
        provinceId: 1,
        fields: ['labour', 'family', 'inheritance'],
        languages: ['fa', 'az'],
        feeRials: 2_000_000,
        sessionMinutes: 45,
        cutoffHours: 12,
      },
      {
        ...common,
        kind: 'lawyer' as const,
        firstName: 'حمید',
        lastName: 'نوری',
        licenceNumber: '13-2290',
        licenceExpiresOn: addDaysIso(today, 300),
        provinceId: 3,
        fields: ['criminal', 'commercial'],
        languages: ['fa'],
        feeRials: 2_500_000,
        sessionMinutes: 60,
        cutoffHours: 24,
      },
      {
        ...common,
        kind: 'lawyer' as const,
        firstName: 'سارا',
        lastName: 'کریمی',
        licenceNumber: '11-1207',
        // Lapsed a month ago: kept in the registry, not bookable until renewed.
        licenceExpiresOn: addDaysIso(today, -30),
        provinceId: 1,
        fields: ['criminal'],
        languages: ['fa'],
        feeRials: 2_500_000,
        sessionMinutes: 60,
        cutoffHours: 24,
      },
    ])
    .returning();
  const lapsed = (await tx.select().from(consultants).where(eq(consultants.licenceNumber, '11-1207')))[0];
  await tx.insert(consultantSittings).values([
    { consultantId: kaveh.id, mode: 'office', officeId: 1, room: 1, hours: hours(WEEKDAYS, '09:00', '12:00') },
    { consultantId: kaveh.id, mode: 'video', officeId: null, room: null, hours: hours([0, 1, 2, 3], '16:00', '18:00') },
    { consultantId: maryam.id, mode: 'office', officeId: 2, room: 1, hours: hours([0, 2, 4], '10:00', '13:00') },
    { consultantId: maryam.id, mode: 'video', officeId: null, room: null, hours: hours([1, 3], '17:00', '19:00') },
    { consultantId: hamid.id, mode: 'office', officeId: 4, room: 1, hours: hours(WEEKDAYS, '09:00', '13:00') },
    { consultantId: lapsed.id, mode: 'office', officeId: 1, room: 2, hours: hours(WEEKDAYS, '13:00', '16:00') },
  ]);

  const at = (daysAgo: number, time: string) => tehranInstant(addDaysIso(today, -daysAgo), time);
  const session = (startsAt: Date, citizenId: number, extra: Partial<typeof consultationBookings.$inferInsert>) => ({
    consultantId: kaveh.id,
    citizenId,
    mode: 'office' as const,
    officeId: 1,
    room: 1,
    provinceId: 1,
    field: 'property',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 60 * 60_000),
    status: 'confirmed' as const,
    channel: 'online' as const,
    bookedBy: kavehUser.id,
    consultantFeeRials: 3_000_000,
    officeFeeRials: 0,
    totalRials: 3_000_000,
    holdUntil: startsAt,
    createdAt: new Date(startsAt.getTime() - 3 * 86_400_000),
    ...extra,
  });
  await tx.insert(consultationBookings).values([
    session(at(9, '10:00'), 1, {
      field: 'family',
      status: 'held',
      advice: 'مهریه را می‌توان از راه اجرای ثبت یا دادگاه خانواده مطالبه کرد؛ نخست اظهارنامه بفرستید.',
      documentsToBring: 'سند ازدواج، شناسنامه، کارت ملی',
      nextStep: 'legal-notice',
      noteWrittenAt: at(9, '11:00'),
      rating: 5,
      ratingText: 'توضیحات روشن و کاربردی بود.',
      ratedAt: at(8, '09:00'),
    }),
    session(at(2, '10:00'), 1, {
      status: 'held',
      advice: 'اختلاف در اجرای قرارداد پیش‌فروش را می‌توان با داوری حل کرد؛ شرط داوری قرارداد را همراه بیاورید.',
      documentsToBring: 'قرارداد پیش‌فروش، رسیدهای پرداخت',
      nextStep: 'arbitration',
      noteWrittenAt: at(2, '11:00'),
    }),
    session(at(0, '09:00'), 1, { field: 'property' }),
    session(at(0, '11:00'), 2, { field: 'commercial', mode: 'video', officeId: null, room: null }),
  ]);
}
