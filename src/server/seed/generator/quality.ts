/**
 * Quality records at a dataset's scale (docs/decisions/0071), for the twelve Jalali months before
 * the dataset's month and the days of it before its day: the counter's tickets of every generated
 * office on its working days (about 10,000,000 at national scale: what the score's waiting,
 * served and complaints components count), citizens' surveys after a fifth of the services to a
 * citizen with an e-account (about 1,000,000 answered), complaints against offices and operators in
 * every state of their flow, and inspections with the whole checklist answered, some of them with
 * the manager's corrective actions.
 *
 * Each office has a quality of its own (drawn once) that shortens or lengthens its waits, raises or
 * lowers its citizens' satisfaction, its checklist's passes and the complaints against it, so the
 * offices' scores differ visibly; and a volume of its own. Pure and deterministic for a seed: every
 * office draws from its own stream, in the order of the offices, so the rows do not depend on the
 * chunk size. `loadQuality` copies them chunk by chunk (memory stays flat) with the triggers of
 * the counter's daily sums and the surveys' monthly sums turned off, and rebuilds those sums once.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDaysIso, addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintState } from '#core/quality/complaint';
import {
  INSPECTION_ITEM_KEYS,
  inspectionResult,
  type InspectionItem,
  type InspectionKind,
  type InspectionVerdict,
} from '#core/quality/inspection';
import type { Tx } from '#server/db/transaction';
import { CATALOG } from '#server/modules/catalog/data';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { rebuildSurveyMonths, rebuildTicketDays } from '#server/modules/quality/store';
import { copyColumns, copyLine, type TableShape } from './copy-text';
import type { Plan } from './plan';
import { createRng, type Rng } from './prng';

/** Share of served tickets of a citizen with an e-account that get the survey's SMS, and of those answered. */
const SURVEY_SENT = 0.2;
const SURVEY_ANSWERED = 0.75;
/** Share of tickets issued to a citizen with an e-account (the rest are walk-ins not identified at the door). */
const WITH_CITIZEN = 0.7;

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** Iran keeps UTC+03:30 all year since 2022. */
const tehranMs = (isoDay: string, minutes: number) => Date.parse(`${isoDay}T00:00:00+03:30`) + minutes * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

export interface QualityInput {
  seed: number;
  /** The dataset's Tehran day: records end the day before it. */
  today: string;
  /** Fridays and official holidays: offices closed. */
  closed: (isoDay: string) => boolean;
  start: { ticketId: number; surveyId: number; inspectionId: number; complaintId: number };
  offices: {
    id: number;
    provinceId: number;
    operators: number[];
    manager: number | null;
  }[];
  /** Generated citizens of each province: ids `start … start + count - 1`. */
  citizens: Map<number, { start: number; count: number }>;
  /** Each province's inspectors (the association's account where a province has none). */
  inspectors: Map<number, number[]>;
  /** The association account that decides complaints. */
  associationId: number;
  /** Services offered at the counter (a ticket's service said at the door). */
  services: string[];
  /** Tickets an average office issues on a working day (the scale's: 11.6 nationally, ≈ 10,000,000 a year). */
  ticketsPerDay: number;
}

interface TicketRowQ {
  id: number;
  officeId: number;
  day: string;
  number: number;
  serviceCode: string;
  status: 'done' | 'cancelled';
  citizenId: number | null;
  servedBy: number | null;
  createdAt: string;
  calledAt: string | null;
  doneAt: string | null;
}
interface SurveyRowQ {
  id: number;
  ticketId: number;
  officeId: number;
  provinceId: number;
  operatorUserId: number | null;
  citizenId: number;
  serviceCode: string;
  tokenHash: string;
  sentAt: string;
  expiresAt: string;
  answeredAt: string | null;
  satisfaction: number | null;
  wouldReturn: boolean | null;
  comment: string | null;
}
interface InspectionRowQ {
  id: number;
  officeId: number;
  provinceId: number;
  inspectedOn: string;
  items: string;
  result: number;
  verdict: InspectionVerdict;
  note: string | null;
  inspectorUserId: number;
  createdAt: string;
  kind: InspectionKind;
  answers: string | null;
  answeredAt: string | null;
  answeredBy: number | null;
}
interface ComplaintRowQ {
  id: number;
  officeId: number;
  provinceId: number;
  operatorUserId: number | null;
  citizenId: number;
  channel: 'online' | 'office';
  filedAtOfficeId: number | null;
  filedBy: number | null;
  category: ComplaintCategory;
  occurredOn: string;
  text: string;
  filedOn: string;
  filedAt: string;
  state: ComplaintState;
  answer: string | null;
  answeredOn: string | null;
  answeredBy: number | null;
  reasons: string | null;
  decidedOn: string | null;
  decidedBy: number | null;
}

const TICKETS: TableShape<TicketRowQ> = {
  table: 'queue_tickets',
  columns: [
    ['id', 'id'],
    ['office_id', 'officeId'],
    ['day', 'day'],
    ['number', 'number'],
    ['service_code', 'serviceCode'],
    ['status', 'status'],
    ['citizen_id', 'citizenId'],
    ['served_by', 'servedBy'],
    ['created_at', 'createdAt'],
    ['called_at', 'calledAt'],
    ['done_at', 'doneAt'],
  ],
};
const SURVEYS: TableShape<SurveyRowQ> = {
  table: 'quality_surveys',
  columns: [
    ['id', 'id'],
    ['ticket_id', 'ticketId'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['operator_user_id', 'operatorUserId'],
    ['citizen_id', 'citizenId'],
    ['service_code', 'serviceCode'],
    ['token_hash', 'tokenHash'],
    ['sent_at', 'sentAt'],
    ['expires_at', 'expiresAt'],
    ['answered_at', 'answeredAt'],
    ['satisfaction', 'satisfaction'],
    ['would_return', 'wouldReturn'],
    ['comment', 'comment'],
  ],
};
const INSPECTIONS: TableShape<InspectionRowQ> = {
  table: 'quality_inspections',
  columns: [
    ['id', 'id'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['inspected_on', 'inspectedOn'],
    ['items', 'items'],
    ['result', 'result'],
    ['verdict', 'verdict'],
    ['note', 'note'],
    ['inspector_user_id', 'inspectorUserId'],
    ['created_at', 'createdAt'],
    ['kind', 'kind'],
    ['answers', 'answers'],
    ['answered_at', 'answeredAt'],
    ['answered_by', 'answeredBy'],
  ],
};
const COMPLAINTS: TableShape<ComplaintRowQ> = {
  table: 'quality_complaints',
  columns: [
    ['id', 'id'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['operator_user_id', 'operatorUserId'],
    ['citizen_id', 'citizenId'],
    ['channel', 'channel'],
    ['filed_at_office_id', 'filedAtOfficeId'],
    ['filed_by', 'filedBy'],
    ['category', 'category'],
    ['occurred_on', 'occurredOn'],
    ['text', 'text'],
    ['filed_on', 'filedOn'],
    ['filed_at', 'filedAt'],
    ['state', 'state'],
    ['answer', 'answer'],
    ['answered_on', 'answeredOn'],
    ['answered_by', 'answeredBy'],
    ['reasons', 'reasons'],
    ['decided_on', 'decidedOn'],
    ['decided_by', 'decidedBy'],
  ],
};

const SURVEY_COMMENTS = [
  'کارمند با حوصله توضیح داد.',
  'نوبت خیلی طول کشید.',
  'از برخورد همکاران راضی بودم.',
  'هزینه را قبل از ثبت اعلام کردند.',
  'جای نشستن کافی نبود.',
  'کار در همان مراجعه انجام شد.',
];
const FAILED_NOTES: Record<InspectionItem, string> = {
  signageAndLicence: 'پروانه دفتر در معرض دید مراجعان نصب نشده بود.',
  tariffPosted: 'تعرفه مصوب در سالن انتظار نصب نشده بود.',
  queueTicketing: 'نمایشگر نوبت در زمان بازدید کار نمی‌کرد.',
  counterPrivacy: 'باجه‌ها جداکننده نداشتند و گفتگو شنیده می‌شد.',
  staffLicences: 'پروانه یکی از کارکنان باجه منقضی شده بود.',
  videoEquipment: 'دوربین اتاق جلسه برخط متصل نبود.',
  accessibility: 'ورودی دفتر برای صندلی چرخدار مناسب نبود.',
};
const CORRECTIVE_ACTIONS: Record<InspectionItem, string> = {
  signageAndLicence: 'پروانه در ورودی دفتر نصب می‌شود.',
  tariffPosted: 'تعرفه مصوب در سالن انتظار و کنار باجه‌ها نصب می‌شود.',
  queueTicketing: 'نمایشگر نوبت تعمیر یا جایگزین می‌شود.',
  counterPrivacy: 'میان باجه‌ها جداکننده نصب می‌شود.',
  staffLicences: 'کارمند تا تمدید پروانه در باجه کار نمی‌کند.',
  videoEquipment: 'تجهیزات جلسه برخط بازبینی و تعمیر می‌شود.',
  accessibility: 'سطح شیب‌دار در ورودی ساخته می‌شود.',
};
const COMPLAINT_TEXTS: Record<ComplaintCategory, string> = {
  overcharging: 'برای ثبت دادخواست بیش از تعرفه مصوب از من وجه گرفتند و رسید ندادند.',
  conduct: 'کارمند باجه با من بی‌احترامی کرد و به پرسش‌هایم پاسخ نداد.',
  delay: 'با وجود نوبت، بیش از دو ساعت منتظر ماندم.',
  error: 'نام خوانده در دادخواست اشتباه ثبت شد و پرونده برگشت خورد.',
  privacy: 'جزئیات پرونده‌ام را جلوی دیگر مراجعان بلند خواندند.',
  refusal: 'از ثبت درخواستم بدون دلیل خودداری کردند.',
  other: 'رفتار دفتر با مراجعان سالمند مناسب نبود.',
};
const MANAGER_ANSWER = 'موضوع با کارمند مربوط بررسی شد و توضیحات دفتر پیوست است.';
const UPHELD_REASONS = 'بررسی انجمن نشان داد ادعای شاکی با مدارک دفتر تأیید می‌شود.';
const DISMISSED_REASONS = 'مدارک دفتر نشان می‌دهد خدمت مطابق ضوابط انجام شده است.';

/** The first day records are generated for: the first day of the twelfth Jalali month before the dataset's. */
export function qualityFrom(today: string): string {
  return jalaliMonthStartIso(addJalaliMonths(jalaliMonthOfIso(today), -12));
}

/** A whole number drawn around `mean` (Poisson by inversion for small means, rounded normal for large). */
function around(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

interface OfficeQuality {
  tickets: TicketRowQ[];
  surveys: SurveyRowQ[];
  inspections: InspectionRowQ[];
  complaints: ComplaintRowQ[];
}

/**
 * Every office's records in order, one office at a time; ids continue from `input.start` across
 * offices. `days` are the office days of the window (the same for every office).
 */
export function* qualityRecords(input: QualityInput): Generator<OfficeQuality> {
  const days: string[] = [];
  for (let d = qualityFrom(input.today); d < input.today; d = addDaysIso(d, 1)) if (!input.closed(d)) days.push(d);
  const next = { ...input.start };
  const perDay = input.ticketsPerDay;
  const byProvince = new Map<number, QualityInput['offices']>();
  for (const o of input.offices) byProvince.set(o.provinceId, [...(byProvince.get(o.provinceId) ?? []), o]);
  const todayMs = tehranMs(input.today, 0);

  for (const office of input.offices) {
    const rng = createRng(input.seed, `quality:${office.id}`);
    // The office's own quality (0 worst … 1 best) and volume (half to one and a half the average).
    const quality = rng.next();
    const volume = 0.5 + rng.next();
    const citizens = input.citizens.get(office.provinceId);
    const out: OfficeQuality = { tickets: [], surveys: [], inspections: [], complaints: [] };
    const meanWait = 5 + 35 * (1 - quality);

    for (const day of days) {
      const n = around(rng, perDay * volume);
      // Tickets issued from 08:00 over six hours, in the order of their numbers.
      const issued = Array.from({ length: n }, () => 480 + rng.next() * 360).sort((a, b) => a - b);
      for (let k = 0; k < n; k++) {
        const createdMs = Math.round(tehranMs(day, issued[k]) / 1000) * 1000;
        const cancelled = rng.chance(0.04);
        const wait = -Math.log(1 - rng.next()) * meanWait;
        const calledMs = cancelled ? null : createdMs + Math.round(wait * MINUTE);
        const doneMs = calledMs == null ? null : calledMs + rng.int(4, 25) * MINUTE;
        const citizenId =
          citizens && citizens.count > 0 && rng.chance(WITH_CITIZEN)
            ? citizens.start + rng.int(0, citizens.count - 1)
            : null;
        const servedBy = calledMs != null && office.operators.length ? rng.pick(office.operators) : null;
        const serviceCode = rng.pick(input.services);
        const ticket: TicketRowQ = {
          id: next.ticketId++,
          officeId: office.id,
          day,
          number: k + 1,
          serviceCode,
          status: cancelled ? 'cancelled' : 'done',
          citizenId,
          servedBy,
          createdAt: iso(createdMs),
          calledAt: calledMs == null ? null : iso(calledMs),
          doneAt: doneMs == null ? null : iso(doneMs),
        };
        out.tickets.push(ticket);
        if (doneMs == null || citizenId == null || !rng.chance(SURVEY_SENT)) continue;
        const sentMs = doneMs + 2 * MINUTE;
        const answeredMs = sentMs + Math.round(rng.next() * 3 * DAY_MS);
        const answered = rng.chance(SURVEY_ANSWERED) && answeredMs < todayMs;
        // Satisfaction around 1.6 (the worst offices) to 4.6 (the best), with each citizen's own view.
        const satisfaction = Math.min(5, Math.max(1, Math.round(1.6 + 3 * quality + (rng.next() - 0.5) * 2.5)));
        const id = next.surveyId++;
        out.surveys.push({
          id,
          ticketId: ticket.id,
          officeId: office.id,
          provinceId: office.provinceId,
          operatorUserId: servedBy,
          citizenId,
          serviceCode,
          tokenHash: createHash('sha256').update(`generated-survey:${input.seed}:${id}`).digest('hex'),
          sentAt: iso(sentMs),
          expiresAt: iso(sentMs + 7 * DAY_MS),
          answeredAt: answered ? iso(answeredMs) : null,
          satisfaction: answered ? satisfaction : null,
          wouldReturn: answered ? rng.chance(satisfaction >= 4 ? 0.9 : satisfaction === 3 ? 0.5 : 0.15) : null,
          comment: answered && rng.chance(0.1) ? rng.pick(SURVEY_COMMENTS) : null,
        });
      }
    }

    // One or two inspections a year; the office's quality passes or fails each item.
    const inspectors = input.inspectors.get(office.provinceId) ?? [input.associationId];
    for (let v = 0, visits = rng.int(1, 2); v < visits && days.length; v++) {
      const day = rng.pick(days);
      const findings = Object.fromEntries(
        INSPECTION_ITEM_KEYS.map((item) => {
          const passed = rng.chance(0.45 + 0.5 * quality);
          return [item, { passed, note: passed ? null : FAILED_NOTES[item] }];
        }),
      ) as Record<InspectionItem, { passed: boolean; note: string | null }>;
      const result = inspectionResult(findings);
      const failed = INSPECTION_ITEM_KEYS.filter((item) => !findings[item].passed);
      const answeredOn = addDaysIso(day, 7);
      const answered = failed.length > 0 && office.manager != null && answeredOn < input.today && rng.chance(0.7);
      out.inspections.push({
        id: next.inspectionId++,
        officeId: office.id,
        provinceId: office.provinceId,
        inspectedOn: day,
        items: JSON.stringify(findings),
        result,
        verdict: result >= 80 ? 'satisfactory' : result >= 50 ? 'needs_improvement' : 'unsatisfactory',
        note: null,
        inspectorUserId: rng.pick(inspectors),
        createdAt: iso(tehranMs(day, 14 * 60)),
        kind: rng.chance(0.6) ? 'scheduled' : rng.chance(0.75) ? 'unannounced' : 'mystery_shopper',
        answers: answered
          ? JSON.stringify(
              Object.fromEntries(
                failed.map((item) => [item, { action: CORRECTIVE_ACTIONS[item], dueOn: addDaysIso(day, 30) }]),
              ),
            )
          : null,
        answeredAt: answered ? iso(tehranMs(answeredOn, 11 * 60)) : null,
        answeredBy: answered ? office.manager : null,
      });
    }

    // Complaints: more against the worse and the busier offices; older ones answered and decided.
    const neighbours = (byProvince.get(office.provinceId) ?? []).filter(
      (o) => o.id !== office.id && o.operators.length,
    );
    for (
      let c = 0, count = around(rng, (1 + 6 * (1 - quality)) * volume);
      c < count && citizens?.count && days.length;
      c++
    ) {
      const filedOn = rng.pick(days);
      const category = rng.pick(COMPLAINT_CATEGORIES);
      const atOffice = neighbours.length > 0 && rng.chance(0.15) ? rng.pick(neighbours) : null;
      const age = (todayMs - tehranMs(filedOn, 0)) / DAY_MS;
      const answeredOn = addDaysIso(filedOn, rng.int(1, 4));
      const decidedOn = addDaysIso(filedOn, rng.int(10, 25));
      const answered = age > 10 && office.manager != null;
      const decided = age > 30;
      const upheld = decided && rng.chance(0.2 + 0.5 * (1 - quality));
      out.complaints.push({
        id: next.complaintId++,
        officeId: office.id,
        provinceId: office.provinceId,
        operatorUserId: office.operators.length && rng.chance(0.4) ? rng.pick(office.operators) : null,
        citizenId: citizens.start + rng.int(0, citizens.count - 1),
        channel: atOffice ? 'office' : 'online',
        filedAtOfficeId: atOffice?.id ?? null,
        filedBy: atOffice ? rng.pick(atOffice.operators) : null,
        category,
        occurredOn: addDaysIso(filedOn, -rng.int(0, 10)),
        text: COMPLAINT_TEXTS[category],
        filedOn,
        filedAt: iso(tehranMs(filedOn, rng.int(8 * 60, 20 * 60))),
        state: decided ? (upheld ? 'upheld' : 'dismissed') : answered ? 'answered' : 'received',
        answer: answered ? MANAGER_ANSWER : null,
        answeredOn: answered ? answeredOn : null,
        answeredBy: answered ? office.manager : null,
        reasons: decided ? (upheld ? UPHELD_REASONS : DISMISSED_REASONS) : null,
        decidedOn: decided ? decidedOn : null,
        decidedBy: decided ? input.associationId : null,
      });
    }
    yield out;
  }
}

type Copy = (table: string, columns: string, text: string) => Promise<void>;

/** Reads what the records need from the loaded dataset, copies them, and rebuilds the counter's daily sums. */
export async function loadQuality(
  tx: Tx,
  copy: Copy,
  options: {
    seed: number;
    now: Date;
    plan: Plan;
    chunkSize: number;
    progress: (table: string, done: number, total: number) => void;
    ticketsPerDay: number;
  },
): Promise<Record<string, number>> {
  const { plan } = options;
  const today = tehranIsoDate(options.now);
  const rows = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as T[];
  const [next] = await rows<Record<string, string | number>>(sql`select
    (select coalesce(max(id), 0) + 1 from queue_tickets) as "ticketId",
    (select coalesce(max(id), 0) + 1 from quality_surveys) as "surveyId",
    (select coalesce(max(id), 0) + 1 from quality_inspections) as "inspectionId",
    (select coalesce(max(id), 0) + 1 from quality_complaints) as "complaintId"`);
  const [association] = await rows<{ id: number }>(sql`select id from users where username = 'association'`);
  const calendar = await loadHolidayCalendar(tx, qualityFrom(today), today);
  const operators = new Map<number, number[]>();
  const managers = new Map<number, number>();
  const inspectors = new Map<number, number[]>();
  for (const { user, grant } of plan.staff) {
    if (grant.role === 'operator' && grant.officeId != null)
      operators.set(grant.officeId, [...(operators.get(grant.officeId) ?? []), user.id]);
    if (grant.role === 'office_manager' && grant.officeId != null) managers.set(grant.officeId, user.id);
    if (grant.role === 'inspector' && grant.provinceId != null)
      inspectors.set(grant.provinceId, [...(inspectors.get(grant.provinceId) ?? []), user.id]);
  }
  const citizens = new Map<number, { start: number; count: number }>();
  let citizenStart = plan.citizenStart.citizenId;
  for (const { provinceId, count } of plan.citizensPerProvince) {
    citizens.set(provinceId, { start: citizenStart, count });
    citizenStart += count;
  }
  const records = qualityRecords({
    seed: options.seed,
    today,
    closed: (day) => calendar.closure(day) != null,
    start: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, Number(v)])) as QualityInput['start'],
    offices: plan.offices.map((o) => ({
      id: o.id,
      provinceId: o.provinceId,
      operators: operators.get(o.id) ?? [],
      manager: managers.get(o.id) ?? null,
    })),
    citizens,
    inspectors,
    associationId: Number(association?.id ?? 1),
    services: CATALOG.filter((s) => s.channels !== 'online').map((s) => s.code),
    ticketsPerDay: options.ticketsPerDay,
  });

  const shapes = [TICKETS, SURVEYS, INSPECTIONS, COMPLAINTS] as TableShape<unknown>[];
  const written: Record<string, number> = Object.fromEntries(shapes.map((s) => [s.table, 0]));
  const buffers = shapes.map(() => [] as string[]);
  const flush = async () => {
    for (const [i, shape] of shapes.entries()) {
      if (!buffers[i].length) continue;
      await copy(shape.table, copyColumns(shape), buffers[i].join(''));
      written[shape.table] += buffers[i].length;
      buffers[i].length = 0;
    }
  };
  // The counter's daily and monthly sums and the surveys' monthly sums are rebuilt once at the end
  // rather than row by row.
  await tx.execute(sql`alter table queue_tickets disable trigger quality_ticket_days_step`);
  await tx.execute(sql`alter table quality_surveys disable trigger quality_survey_months_step`);
  let offices = 0;
  options.progress('quality (offices)', 0, plan.offices.length);
  for (const office of records) {
    for (const t of office.tickets) buffers[0].push(copyLine(TICKETS, t));
    for (const s of office.surveys) buffers[1].push(copyLine(SURVEYS, s));
    for (const s of office.inspections) buffers[2].push(copyLine(INSPECTIONS, s));
    for (const c of office.complaints) buffers[3].push(copyLine(COMPLAINTS, c));
    if (buffers[0].length >= options.chunkSize) {
      await flush();
      options.progress('quality (offices)', offices, plan.offices.length);
    }
    offices += 1;
  }
  await flush();
  options.progress('quality (offices)', offices, plan.offices.length);
  for (const shape of shapes) options.progress(shape.table, written[shape.table], written[shape.table]);
  await tx.execute(sql`alter table queue_tickets enable trigger quality_ticket_days_step`);
  await tx.execute(sql`alter table quality_surveys enable trigger quality_survey_months_step`);
  written.quality_ticket_days = await rebuildTicketDays(tx);
  written.quality_survey_months = await rebuildSurveyMonths(tx);
  for (const table of ['queue_tickets', 'quality_surveys', 'quality_inspections', 'quality_complaints']) {
    await tx.execute(
      sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
    );
  }
  return written;
}
