/**
 * The demo network's people and licensing: each demo office's opening hours, capacity, status
 * history and competencies; the office staff's profiles, contracts and insurance; the training
 * courses with a question bank and exams; and the activity licences the demo operators and
 * managers work under. Dates are relative to the day the demo is loaded, so the licences are
 * valid whenever someone tries Daftar.
 */
import { eq, inArray } from 'drizzle-orm';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import { CATALOG } from '#server/modules/catalog/data';
import { users } from '#server/modules/accounts/tables';
import { officeCompetencies, offices, officeStatusEvents, type OpeningPeriod } from '#server/modules/offices/tables';
import {
  activityLicences,
  courses,
  courseSessions,
  employmentContracts,
  examAttempts,
  examQuestions,
  exams,
  insurancePeriods,
  licenceEvents,
  operatorProfiles,
  sessionEnrolments,
} from '#server/modules/operators/tables';
import type { Executor } from '#server/db/transaction';
import { DEMO_OFFICES, DEMO_STAFF } from './demo-data';

/** The Tehran day `days` after the one `base` falls in. */
const daysFrom = (base: Date, days: number) => addDaysIso(tehranIsoDate(base), days);

/** Saturday to Wednesday 08:00–17:00, Thursday 08:00–13:00; closed on Friday. */
export const DEMO_OPENING_HOURS: OpeningPeriod[] = [
  ...[0, 1, 2, 3, 4].map((day) => ({ day, opens: '08:00', closes: '17:00' })),
  { day: 5, opens: '08:00', closes: '13:00' },
];

/**
 * Services that only offices provide need a competency; the whole office-side catalog, less what some offices lack.
 * Legal consultation is granted to a few offices only (seed/demo-consultation.ts).
 */
const OFFICE_SERVICES = CATALOG.filter((s) => s.channels !== 'online' && s.kind !== 'consultation').map((s) => s.code);
/** Shiraz and Mashhad (14001, 12001) are not yet competent for expert opinions and commercial protests. */
const LACKING: Record<number, string[]> = { 6: ['expert-opinion', 'protest'], 7: ['expert-opinion', 'protest'] };
/** Lawyer / expert / translator licence renewal is a pilot in Tehran and Isfahan only. */
const PILOT_SERVICE = 'licence-renewal';
const PILOT_PROVINCES = [1, 3];
/** What the demo's offices beyond its first seven are competent for: the general course's services (no pilot, no specialised service). */
export const GENERAL_OFFICE_SERVICES = OFFICE_SERVICES.filter(
  (c) => !['expert-opinion', 'protest', PILOT_SERVICE].includes(c),
);

export const DEMO_COURSES = [
  {
    code: 'GEN-101',
    titleFa: 'دورهٔ عمومی خدمات الکترونیک قضایی',
    titleEn: 'General judicial e-services',
    kind: 'general' as const,
    hours: 24,
    serviceCodes: GENERAL_OFFICE_SERVICES,
    description:
      'ثنا، ثبت دادخواست و شکوائیه، ابلاغ الکترونیک، پرداخت و پیگیری — SANA, petitions and complaints, e-notices, payments and follow-up',
  },
  {
    code: 'SPC-201',
    titleFa: 'دورهٔ تخصصی نظر کارشناسی و واخواست',
    titleEn: 'Expert opinions and commercial protests',
    kind: 'competency' as const,
    hours: 12,
    serviceCodes: ['expert-opinion', 'protest'],
    description: 'ثبت نظر کارشناسی و واخواست اسناد تجاری — Filing expert opinions and protests of commercial papers',
  },
  {
    code: 'SPC-202',
    titleFa: 'دورهٔ تخصصی تمدید پروانه‌های حرفه‌ای',
    titleEn: 'Professional licence renewals',
    kind: 'competency' as const,
    hours: 8,
    serviceCodes: [PILOT_SERVICE],
    description: "تمدید پروانهٔ وکلا، کارشناسان و مترجمان — Renewing lawyers', experts' and translators' licences",
  },
  {
    code: 'CE-301',
    titleFa: 'آموزش ضمن خدمت: تغییرات مقررات ابلاغ الکترونیک',
    titleEn: 'Continuing education: changes in e-notice rules',
    kind: 'continuing' as const,
    hours: 8,
    serviceCodes: [],
    description: 'ساعات آموزش ضمن خدمت برای تمدید پروانه — Continuing-education hours for licence renewal',
  },
];

/** The general course's question bank: one correct option each. */
export const DEMO_QUESTIONS: { textFa: string; options: string[]; correctIndex: number }[] = [
  {
    textFa: 'شناسهٔ قضایی پس از کدام خدمت به شهروند داده می‌شود؟',
    options: ['ثبت‌نام در سامانهٔ ثنا', 'پرداخت هزینهٔ دادرسی', 'ثبت لایحه', 'دریافت ابلاغیه'],
    correctIndex: 0,
  },
  {
    textFa: 'پیش از گشایش صفحهٔ ابلاغ شهروند در دفتر چه چیزی لازم است؟',
    options: ['حضور وکیل', 'رضایت شهروند با کد یکبارمصرف', 'نامهٔ دادگاه', 'هیچ چیز'],
    correctIndex: 1,
  },
  {
    textFa: 'مهلت تجدیدنظرخواهی از رأی برای مقیمان ایران چند روز است؟',
    options: ['ده روز', 'پانزده روز', 'بیست روز', 'دو ماه'],
    correctIndex: 2,
  },
  {
    textFa: 'کدام پیوست برای دادخواست پذیرفته می‌شود؟',
    options: ['فایل Word', 'PDF، JPEG یا PNG', 'فایل فشرده ZIP', 'هر نوع فایلی'],
    correctIndex: 1,
  },
  {
    textFa: 'ابلاغ الکترونیک چه زمانی واقع‌شده تلقی می‌شود؟',
    options: ['هنگام صدور', 'هنگام مشاهده در سامانه یا پایان مهلت قانونی', 'پس از پرداخت هزینه', 'پس از تأیید قاضی'],
    correctIndex: 1,
  },
  {
    textFa: 'کد ملی ده‌رقمی با چه چیزی اعتبارسنجی می‌شود؟',
    options: ['رقم کنترل', 'تاریخ تولد', 'شمارهٔ همراه', 'کد پستی'],
    correctIndex: 0,
  },
  {
    textFa: 'تعرفهٔ خدمات دفاتر را چه مرجعی تصویب می‌کند؟',
    options: ['مدیر دفتر', 'کانون دفاتر به‌تنهایی', 'مرجع ناظر (تصویب تعرفهٔ پیشنهادی)', 'شهرداری'],
    correctIndex: 2,
  },
  { textFa: 'شمارهٔ شبای بانکی چند نویسه دارد؟', options: ['۱۶', '۲۲', '۲۴', '۲۶'], correctIndex: 3 },
  {
    textFa: 'اگر شهروند هزینهٔ درخواست را نپرداخته باشد، درخواست:',
    options: ['به دادگاه ارسال می‌شود', 'تا پرداخت ارسال نمی‌شود', 'حذف می‌شود', 'به دفتر دیگر می‌رود'],
    correctIndex: 1,
  },
  {
    textFa: 'اپراتوری که پروانهٔ فعالیتش معلق شده است:',
    options: [
      'فقط خدمات برخط ارائه می‌کند',
      'نمی‌تواند هیچ خدمتی انجام دهد',
      'با اجازهٔ مدیر کار می‌کند',
      'فقط پیگیری انجام می‌دهد',
    ],
    correctIndex: 1,
  },
  {
    textFa: 'رسید پرداخت پس از چه زمانی صادر می‌شود؟',
    options: ['پیش از پرداخت', 'پس از تأیید بانک', 'پس از رأی دادگاه', 'هر زمان'],
    correctIndex: 1,
  },
  {
    textFa: 'روز آغاز هفته در تقویم رسمی ایران کدام است؟',
    options: ['شنبه', 'یکشنبه', 'دوشنبه', 'جمعه'],
    correctIndex: 0,
  },
];

/** Office staff who perform services or advise at a demo office. */
const officeStaff = () => DEMO_STAFF.filter((s) => s.grant.scopeKind === 'office');

export async function seedDemoNetwork(tx: Executor, today: Date): Promise<void> {
  const opened = '2016-05-01';
  const [regulator] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'regulator'));
  const [association] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'association'));
  for (const o of DEMO_OFFICES) {
    await tx
      .update(offices)
      .set({ openingHours: DEMO_OPENING_HOURS, counters: o.id <= 4 ? 3 : 2, hearingBooths: o.id <= 4 ? 1 : 0 })
      .where(eq(offices.id, o.id));
  }
  await tx.insert(officeStatusEvents).values(
    DEMO_OFFICES.map((o) => ({
      officeId: o.id,
      status: 'active' as const,
      fromDate: opened,
      reason: 'صدور پروانهٔ دفتر — office licensed',
      decidedBy: regulator.id,
    })),
  );

  await tx.insert(officeCompetencies).values(
    DEMO_OFFICES.flatMap((o) =>
      OFFICE_SERVICES.filter((code) => !(LACKING[o.id] ?? []).includes(code))
        .filter((code) => code !== PILOT_SERVICE || PILOT_PROVINCES.includes(o.provinceId))
        .map((serviceCode) => ({
          officeId: o.id,
          serviceCode,
          validFrom: serviceCode === PILOT_SERVICE ? '2025-03-21' : opened,
          pilot: serviceCode === PILOT_SERVICE,
        })),
    ),
  );

  const staff = officeStaff();
  const ids = new Map(
    (
      await tx
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(
          inArray(
            users.username,
            staff.map((s) => s.username),
          ),
        )
    ).map((u) => [u.username!, u.id]),
  );

  await tx.insert(operatorProfiles).values(
    staff.map((s, i) => ({
      userId: ids.get(s.username)!,
      educationLevel: i % 3 === 0 ? ('master' as const) : ('bachelor' as const),
      educationField: s.grant.role === 'consultant' ? 'حقوق خصوصی' : i % 2 === 0 ? 'حقوق' : 'فقه و مبانی حقوق',
      insuranceNumber: String(1_200_345_600 + i),
    })),
  );
  await tx.insert(employmentContracts).values(
    staff.map((s) => ({
      userId: ids.get(s.username)!,
      officeId: s.grant.officeId!,
      provinceId: s.grant.provinceId!,
      type: s.grant.role === 'consultant' ? ('fixed-term' as const) : ('permanent' as const),
      fullTime: s.grant.role !== 'consultant',
      weeklyHours: s.grant.role === 'consultant' ? 16 : 44,
      monthlyWageRials:
        s.grant.role === 'office_manager' ? 450_000_000 : s.grant.role === 'consultant' ? 180_000_000 : 280_000_000,
      startsOn: '2021-03-21',
      endsOn: s.grant.role === 'consultant' ? daysFrom(today, 20) : null,
      createdBy: ids.get(s.username)!,
    })),
  );
  await tx.insert(insurancePeriods).values(
    staff
      .filter((s) => s.grant.role !== 'consultant')
      .map((s, i) => ({
        userId: ids.get(s.username)!,
        officeId: s.grant.officeId!,
        provinceId: s.grant.provinceId!,
        insuranceNumber: String(1_200_345_600 + i),
        startsOn: '2021-03-21',
        createdBy: ids.get(s.username)!,
      })),
  );

  const courseIds = new Map<string, number>();
  for (const c of DEMO_COURSES) {
    const [row] = await tx
      .insert(courses)
      .values({ ...c, createdBy: association.id })
      .returning({ id: courses.id });
    courseIds.set(c.code, row.id);
  }
  const general = courseIds.get('GEN-101')!;
  const questionIds = (
    await tx
      .insert(examQuestions)
      .values(DEMO_QUESTIONS.map((q) => ({ ...q, courseId: general, createdBy: association.id })))
      .returning({ id: examQuestions.id })
  ).map((q) => q.id);
  const [exam] = await tx
    .insert(exams)
    .values({
      courseId: general,
      titleFa: 'آزمون دورهٔ عمومی خدمات الکترونیک قضایی',
      questionCount: 10,
      durationMinutes: 20,
      passPercent: 70,
      maxAttempts: 3,
      createdBy: association.id,
    })
    .returning({ id: exams.id });

  const [pastSession] = await tx
    .insert(courseSessions)
    .values({
      courseId: general,
      provinceId: null,
      startsOn: '2021-04-10',
      endsOn: '2021-04-14',
      capacity: 40,
      location: 'برخط — کلاس مجازی کانون',
      createdBy: association.id,
    })
    .returning({ id: courseSessions.id });
  await tx.insert(courseSessions).values([
    {
      courseId: general,
      provinceId: 1,
      startsOn: daysFrom(today, 14),
      endsOn: daysFrom(today, 18),
      capacity: 30,
      location: 'تهران، ساختمان کانون، سالن ۲',
      createdBy: association.id,
    },
    {
      courseId: courseIds.get('CE-301')!,
      provinceId: null,
      startsOn: daysFrom(today, 30),
      endsOn: daysFrom(today, 31),
      capacity: 200,
      location: 'برخط — کلاس مجازی کانون',
      createdBy: association.id,
    },
  ]);

  const performers = staff.filter((s) => s.grant.role === 'operator' || s.grant.role === 'office_manager');
  await tx.insert(sessionEnrolments).values(
    performers.map((s) => ({
      sessionId: pastSession.id,
      userId: ids.get(s.username)!,
      status: 'attended' as const,
      attendedHours: 24,
      recordedBy: association.id,
    })),
  );
  await tx.insert(examAttempts).values(
    performers.map((s) => ({
      examId: exam.id,
      userId: ids.get(s.username)!,
      attemptNumber: 1,
      questionIds: questionIds.slice(0, 10),
      answers: Object.fromEntries(
        questionIds.slice(0, 10).map((id, i) => [String(id), DEMO_QUESTIONS[i].correctIndex]),
      ),
      status: 'submitted' as const,
      startedAt: new Date('2021-04-15T06:00:00Z'),
      deadlineAt: new Date('2021-04-15T06:20:00Z'),
      submittedAt: new Date('2021-04-15T06:15:00Z'),
      scorePercent: 100,
      passed: true,
    })),
  );

  // The demo performers' licences cover everything their office is competent for. One in Isfahan
  // runs out within the month, so the expiry reminder has something to say.
  const competent = (officeId: number, provinceId: number) =>
    OFFICE_SERVICES.filter((code) => !(LACKING[officeId] ?? []).includes(code)).filter(
      (code) => code !== PILOT_SERVICE || PILOT_PROVINCES.includes(provinceId),
    );
  for (const [i, s] of performers.entries()) {
    const officeCode = DEMO_OFFICES.find((o) => o.id === s.grant.officeId)!.code;
    const expiresOn = s.username === 'operator.13001' ? daysFrom(today, 25) : daysFrom(today, 300);
    const [licence] = await tx
      .insert(activityLicences)
      .values({
        number: `${officeCode}-${String(i + 1).padStart(4, '0')}`,
        userId: ids.get(s.username)!,
        officeId: s.grant.officeId!,
        provinceId: s.grant.provinceId!,
        serviceCodes: competent(s.grant.officeId!, s.grant.provinceId!),
        issuedOn: daysFrom(today, -65),
        expiresOn,
        issuedBy: association.id,
      })
      .returning({ id: activityLicences.id });
    await tx.insert(licenceEvents).values({
      licenceId: licence.id,
      kind: 'issued',
      actorUserId: association.id,
      reason: 'دورهٔ عمومی و آزمون گذرانده شد — general course and exam passed',
      createdAt: today,
    });
  }
}
