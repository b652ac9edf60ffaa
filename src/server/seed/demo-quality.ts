/**
 * The demo's counter history for the quality pages: a year of queue tickets at each demo office,
 * each office with its own pace, so the offices' measured facts differ visibly (Vanak quick and
 * getting quicker, Shahr-e Rey slow and getting slower, Sepahanshahr losing visitors who give up);
 * citizens' survey answers after one service in three, each office with its own mood; an
 * inspection of each office every quarter (scheduled, unannounced or by a mystery shopper), the
 * weaker offices failing items and one manager's corrective answer; and complaints at each stage
 * of their case. Together they give a year of scores that differ visibly between offices.
 * Deterministic: the same day gives the same history.
 *
 * The history ends 45 days before the seed day: the counter's estimate of the wait reads the last
 * days' services and the day's own queue, and the days the demo (and its browser tests) work on
 * start with the office's queue empty.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { addDaysIso, addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, weekdayOfIso } from '#core/jalali';
import type { ComplaintCategory, ComplaintState } from '#core/quality/complaint';
import {
  INSPECTION_ITEM_KEYS,
  INSPECTION_KINDS,
  type InspectionItem,
  inspectionResult,
} from '#core/quality/inspection';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import { queueTickets } from '#server/modules/counter/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { qualityComplaints, qualityInspections, qualitySurveys } from '#server/modules/quality/tables';
import { DEMO_OFFICES } from './demo-data';

/** Each office's citizens: their mean satisfaction 1–5 in the surveys. */
const MOOD: Record<string, number> = {
  '11001': 4.6,
  '11002': 3.9,
  '11003': 2.7,
  '13001': 4.3,
  '13002': 3.1,
  '14001': 3.8,
  '12001': 4.1,
};

/** What each office fails when inspected (the items, and the note the inspector writes). */
const FAILS: Record<string, Partial<Record<InspectionItem, string>>> = {
  '11001': {},
  '11002': { videoEquipment: 'دوربین اتاق جلسهٔ برخط کار نمی‌کند.' },
  '11003': {
    tariffPosted: 'تعرفهٔ مصوب در معرض دید نصب نشده است.',
    counterPrivacy: 'گفت‌وگوی باجه‌ها را مراجعان دیگر می‌شنوند.',
    accessibility: 'صندلی انتظار برای سالمندان نیست.',
  },
  '13001': {},
  '13002': {
    staffLicences: 'پروانهٔ یکی از کارکنان باجه منقضی شده است.',
    queueTicketing: 'نمایشگر نوبت خاموش بود.',
  },
  '14001': { accessibility: 'ورودی دفتر سطح شیبدار ندارد.' },
  '12001': { signageAndLicence: 'پروانهٔ دفتر در معرض دید نیست.' },
};

/** Complaints against the weaker offices: [office, category, months before the seed month, state]. */
const COMPLAINTS: [string, ComplaintCategory, number, ComplaintState, string][] = [
  ['11003', 'overcharging', 9, 'upheld', 'برای یک دادخواست ساده دو برابر تعرفه گرفتند و رسید ندادند.'],
  ['11003', 'conduct', 6, 'upheld', 'کارمند باجه با صدای بلند و بی‌احترامی پاسخ داد.'],
  ['11003', 'delay', 3, 'dismissed', 'با وجود نوبت، نزدیک دو ساعت منتظر ماندم.'],
  ['11003', 'privacy', 2, 'answered', 'جزئیات پروندهٔ من را جلوی مراجعان دیگر بلند خواندند.'],
  ['13002', 'error', 7, 'upheld', 'نام پدرم در دادخواست اشتباه ثبت شد و دادگاه آن را برگرداند.'],
  ['13002', 'refusal', 4, 'dismissed', 'گفتند ثبت اظهارنامه را انجام نمی‌دهند.'],
  ['11002', 'delay', 5, 'dismissed', 'ابلاغیه را دیر به من نشان دادند.'],
];

/** Each office's pace: median-ish wait and service in minutes, their change over the year (×), and one visitor in `giveUp` leaving unserved. */
const PACE: Record<string, { wait: number; service: number; drift: number; giveUp: number; perDay: number }> = {
  '11001': { wait: 9, service: 11, drift: 0.7, giveUp: 40, perDay: 6 },
  '11002': { wait: 16, service: 14, drift: 1, giveUp: 25, perDay: 5 },
  '11003': { wait: 28, service: 19, drift: 1.5, giveUp: 12, perDay: 5 },
  '13001': { wait: 11, service: 12, drift: 0.9, giveUp: 30, perDay: 5 },
  '13002': { wait: 20, service: 16, drift: 1.1, giveUp: 6, perDay: 4 },
  '14001': { wait: 14, service: 13, drift: 1, giveUp: 20, perDay: 4 },
  '12001': { wait: 12, service: 15, drift: 0.8, giveUp: 30, perDay: 4 },
};

/** Seeds the tickets and says how many. `today` is the seed day in Tehran (ISO). */
export async function seedDemoQuality(
  tx: Executor,
  today: string,
): Promise<{ tickets: number; surveys: number; inspections: number; complaints: number }> {
  const from = jalaliMonthStartIso(addJalaliMonths(jalaliMonthOfIso(today), -12));
  const until = addDaysIso(today, -45);
  const staff = await tx
    .select({ officeId: roleGrants.officeId, userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.role, ['operator', 'office_manager']), isNotNull(roleGrants.officeId)))
    .orderBy(roleGrants.userId);
  const staffOf = (officeId: number) => staff.filter((s) => s.officeId === officeId).map((s) => s.userId);

  const rows: (typeof queueTickets.$inferInsert)[] = [];
  let dayIndex = 0;
  for (let day = from; day < until; day = addDaysIso(day, 1), dayIndex += 1) {
    if (weekdayOfIso(day) === 5) continue; // Fridays the offices are closed
    for (const office of DEMO_OFFICES) {
      const pace = PACE[office.code];
      const people = staffOf(office.id);
      // Over the year the pace moves from 1× to `drift`×.
      const drift = 1 + (pace.drift - 1) * (dayIndex / 365);
      for (let n = 1; n <= pace.perDay; n += 1) {
        const spread = 0.5 + ((n * 7 + dayIndex * 3) % 11) / 10; // 0.5× … 1.5×
        const wait = Math.max(1, Math.round(pace.wait * drift * spread));
        const service = Math.max(2, Math.round(pace.service * drift * (0.6 + ((n * 5 + dayIndex) % 9) / 10)));
        const created = new Date(
          `${day}T${String(8 + n).padStart(2, '0')}:${String((n * 13) % 60).padStart(2, '0')}:00+03:30`,
        );
        const gaveUp = (dayIndex * pace.perDay + n) % pace.giveUp === 0;
        const called = new Date(created.getTime() + wait * 60_000);
        rows.push({
          officeId: office.id,
          day,
          number: n,
          serviceCode: n % 3 === 0 ? 'notice-page' : 'petition',
          status: gaveUp ? 'cancelled' : 'done',
          servedBy: gaveUp || people.length === 0 ? null : people[n % people.length],
          createdAt: created,
          calledAt: gaveUp ? null : called,
          doneAt: gaveUp ? null : new Date(called.getTime() + service * 60_000),
        });
      }
    }
  }
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx
      .insert(queueTickets)
      .values(rows.slice(i, i + 1000))
      .returning({ id: queueTickets.id });
    ids.push(...inserted.map((r) => Number(r.id)));
  }
  const surveys = await seedSurveys(tx, rows, ids);
  const inspections = await seedInspections(tx, today);
  const complaints = await seedComplaints(tx, today, until);
  return { tickets: rows.length, surveys, inspections, complaints };
}

const officeById = new Map<number, (typeof DEMO_OFFICES)[number]>(DEMO_OFFICES.map((o) => [o.id, o]));

/** One served citizen in three answered the SMS survey the hour after, each office's mood around its mean. */
async function seedSurveys(tx: Executor, tickets: (typeof queueTickets.$inferInsert)[], ids: number[]) {
  const rows: (typeof qualitySurveys.$inferInsert)[] = [];
  tickets.forEach((t, i) => {
    if (t.status !== 'done' || i % 3 !== 0) return;
    const office = officeById.get(t.officeId)!;
    const spread = ((i % 5) - 2) * 0.6; // −1.2 … +1.2
    const satisfaction = Math.min(5, Math.max(1, Math.round(MOOD[office.code] + spread)));
    const sentAt = t.doneAt!;
    rows.push({
      ticketId: ids[i],
      officeId: t.officeId,
      provinceId: office.provinceId,
      operatorUserId: t.servedBy ?? null,
      citizenId: 3,
      serviceCode: t.serviceCode,
      tokenHash: createHash('sha256').update(`demo-survey-${ids[i]}`).digest('hex'),
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 7 * 86_400_000),
      answeredAt: new Date(sentAt.getTime() + 3_600_000),
      satisfaction,
      wouldReturn: satisfaction >= 3,
    });
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(qualitySurveys).values(rows.slice(i, i + 1000));
  return rows.length;
}

async function userIdOf(tx: Executor, username: string): Promise<number> {
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Number(u.id);
}

/** Each office inspected once a quarter, on the 10th of the month; the latest of 11002 answered by its manager. */
async function seedInspections(tx: Executor, today: string) {
  const inspector = {
    1: await userIdOf(tx, 'inspector.tehran'),
    3: await userIdOf(tx, 'association.isfahan'),
  } as Record<number, number>;
  const national = await userIdOf(tx, 'association');
  const manager11002 = await userIdOf(tx, 'manager.11002');
  const month = jalaliMonthOfIso(today);
  let n = 0;
  for (const office of DEMO_OFFICES) {
    const fails = FAILS[office.code];
    for (const [q, back] of [11, 8, 5, 2].entries()) {
      // Early visits find less wrong at the weaker offices than later ones, and the reverse at the strong.
      const failing = Object.keys(fails).slice(0, q + 1) as InspectionItem[];
      const items = Object.fromEntries(
        INSPECTION_ITEM_KEYS.map((k) => [
          k,
          failing.includes(k) ? { passed: false, note: fails[k]! } : { passed: true, note: null },
        ]),
      ) as Record<InspectionItem, { passed: boolean; note: string | null }>;
      const result = inspectionResult(items);
      const inspectedOn = addDaysIso(jalaliMonthStartIso(addJalaliMonths(month, -back)), 9);
      const latest = back === 2;
      const answered = latest && office.code === '11002';
      await tx.insert(qualityInspections).values({
        officeId: office.id,
        provinceId: office.provinceId,
        inspectedOn,
        items,
        result,
        verdict: result >= 85 ? 'satisfactory' : result >= 65 ? 'needs_improvement' : 'unsatisfactory',
        note: null,
        kind: INSPECTION_KINDS[(q + office.id) % INSPECTION_KINDS.length],
        inspectorUserId: inspector[office.provinceId] ?? national,
        answers: answered
          ? Object.fromEntries(
              failing.map((k) => [k, { action: 'تا پایان ماه اصلاح می‌شود.', dueOn: addDaysIso(inspectedOn, 20) }]),
            )
          : null,
        answeredAt: answered ? new Date(`${addDaysIso(inspectedOn, 3)}T09:00:00+03:30`) : null,
        answeredBy: answered ? manager11002 : null,
      });
      n += 1;
    }
  }
  return n;
}

/** Complaints at each stage: decided ones months ago, one awaiting the association, one awaiting a manager now. */
async function seedComplaints(tx: Executor, today: string, historyEnd: string) {
  const month = jalaliMonthOfIso(today);
  const association = {
    1: await userIdOf(tx, 'association.tehran'),
    3: await userIdOf(tx, 'association.isfahan'),
  } as Record<number, number>;
  const rows: (typeof qualityComplaints.$inferInsert)[] = [];
  const byCode = new Map(DEMO_OFFICES.map((o) => [o.code, o]));
  for (const [code, category, back, state, text] of COMPLAINTS) {
    const office = byCode.get(code)!;
    const filedOn = addDaysIso(jalaliMonthStartIso(addJalaliMonths(month, -back)), 4);
    if (filedOn >= historyEnd) continue;
    const answeredOn = addDaysIso(filedOn, 3);
    const decided = state === 'upheld' || state === 'dismissed';
    rows.push({
      officeId: office.id,
      provinceId: office.provinceId,
      citizenId: 3,
      channel: rows.length % 2 ? 'office' : 'online',
      category,
      occurredOn: addDaysIso(filedOn, -2),
      text,
      filedOn,
      filedAt: new Date(`${filedOn}T10:00:00+03:30`),
      state,
      answer: 'موضوع با کارمند مربوط بررسی و به او تذکر داده شد.',
      answeredOn,
      reasons: decided
        ? state === 'upheld'
          ? 'مدارک شاکی و پاسخ دفتر نشان می‌دهد شکایت وارد است؛ به دفتر تذکر کتبی داده شد.'
          : 'شواهدی بر تخلف دفتر به دست نیامد.'
        : null,
      decidedOn: decided ? addDaysIso(filedOn, 12) : null,
      decidedBy: decided ? association[office.provinceId] : null,
    });
  }
  // One filed two days ago against Shahr-e Rey, awaiting its manager's answer.
  const recent = addDaysIso(today, -2);
  rows.push({
    officeId: byCode.get('11003')!.id,
    provinceId: byCode.get('11003')!.provinceId,
    citizenId: 3,
    channel: 'online',
    category: 'delay',
    occurredOn: recent,
    text: 'با وجود نوبت اینترنتی بیش از یک ساعت منتظر ماندم و کسی پاسخگو نبود.',
    filedOn: recent,
    filedAt: new Date(`${recent}T11:00:00+03:30`),
  });
  await tx.insert(qualityComplaints).values(rows);
  return rows.length;
}
