/**
 * Historical filings at scale: filings with their parties, the service record of each submission,
 * and for the accepted ones a case with its parties, notices and each e-account holder's copy
 * (delivered or not, with the deadline fixed at delivery). Pure and deterministic: one random
 * stream, rows built one filing at a time (`history` is a generator), so memory stays flat at any
 * number of filings and the same seed gives the same rows whatever the chunk size.
 *
 * Tracking codes follow the app's own rule (`trackingCodeFor` in the filings area: Jalali year,
 * province, the filing's id in 8 digits, Verhoeff check digit). The id makes a code unique, and the
 * generated filings take ids below the identity sequence the app continues from, so a live
 * submission can never produce a historical code. Case numbers likewise follow the court desk's
 * rule (`<Jalali year>-<court code>-<6-digit sequence of the court's year>`), and the court desk
 * continues each court's sequence after the highest number it finds.
 */
import { withCheckDigit } from '#core/check-digit';
import { deadlineFromDelivery } from '#core/deadlines';
import { isoToJalali } from '#core/jalali';
import { createRng, cumulative, type Rng } from './prng';

export const DAY = 86_400_000;
/** Iran keeps UTC+03:30 all year since 2022, which covers the whole history window. */
const TEHRAN_OFFSET = 3.5 * 3_600_000;

export type FilingService =
  | 'petition'
  | 'complaint'
  | 'appeal'
  | 'objection'
  | 'legal-notice'
  | 'brief'
  | 'expert-opinion'
  | 'protest';
export type NoticeKind = 'summons' | 'decision' | 'order' | 'notification';

interface HistoryOffice {
  id: number;
  provinceId: number;
  operators: number[];
}
interface HistoryCourt {
  id: number;
  code: string;
  kind: string;
  provinceId: number;
  branches: number;
  clerks: number[];
  judges: number[];
}
interface HistoryProvince {
  provinceId: number;
  citizenStart: number;
  count: number;
}

export interface HistoryStart {
  filingId: number;
  partyId: number;
  caseId: number;
  casePartyId: number;
  noticeId: number;
  deliveryId: number;
  serviceRecordId: number;
}

export interface HistoryInput {
  seed: number;
  filings: number;
  start: HistoryStart;
  /** Filings are created from `fromMs` to `toMs` (the decisions of the last ones may still be pending at `toMs`). */
  fromMs: number;
  toMs: number;
  offices: HistoryOffice[];
  courts: HistoryCourt[];
  /** Generated citizens per province: ids `citizenStart … citizenStart + count - 1`, each with an e-account. */
  provinces: HistoryProvince[];
  /** The e-account (user id) of a generated citizen. */
  userOfCitizen: (citizenId: number) => number;
  /** Name and national ID of a generated citizen, as a filing writes them. */
  citizen: (citizenId: number) => { name: string; nationalId: string };
  /** A party without an e-account: the k-th such person (name and national ID). */
  outsider: (k: number, rng: Rng) => { name: string; nationalId: string };
  /** The office fee of a filing from the schedule in force (base plus extra parties). */
  feeRials: (service: FilingService, parties: number, isoDay: string) => { totalRials: number; scheduleId: number };
  deadlineDays: Partial<Record<NoticeKind, number | null>>;
  holidays: ReadonlySet<string>;
}

export interface FilingRowH {
  id: number;
  trackingCode: string;
  serviceCode: FilingService;
  status: 'submitted' | 'accepted' | 'returned';
  channel: 'office' | 'online';
  officeId: number | null;
  provinceId: number;
  applicantCitizenId: number;
  createdBy: number;
  courtId: number;
  branch: number | null;
  subject: string;
  facts: string;
  claims: string;
  totalRials: number;
  paidRials: number;
  billedRials: number;
  confirmedAt: string;
  caseNumber: string | null;
  returnReasons: string | null;
  createdAt: string;
  submittedAt: string;
  decidedAt: string | null;
}
export interface PartyRowH {
  id: number;
  filingId: number;
  role: string;
  citizenId: number | null;
  name: string;
  nationalId: string;
}
export interface ServiceRecordRowH {
  id: number;
  serviceCode: string;
  channel: 'office' | 'online';
  officeId: number | null;
  provinceId: number;
  operatorUserId: number | null;
  citizenId: number;
  filingId: number;
  scheduleId: number;
  amountRials: number;
  createdAt: string;
}
export interface CaseRowH {
  id: number;
  caseNumber: string;
  courtId: number;
  branch: number;
  provinceId: number;
  filingId: number;
  subject: string;
  openedAt: string;
  openedBy: number;
}
export interface CasePartyRowH {
  id: number;
  caseId: number;
  role: string;
  citizenId: number | null;
  name: string;
  nationalId: string;
}
export interface NoticeRowH {
  id: number;
  caseId: number;
  courtId: number;
  provinceId: number;
  kind: NoticeKind;
  title: string;
  body: string;
  hearingAt: string | null;
  issuedBy: number;
  issuedAt: string;
}
export interface DeliveryRowH {
  id: number;
  noticeId: number;
  citizenId: number;
  provinceId: number;
  deliveredAt: string | null;
  deliveredChannel: 'online' | 'office' | null;
  deliveredOfficeId: number | null;
  deliveredBy: number | null;
  deadlineDays: number | null;
  deadlineDate: string | null;
}

export interface FilingBundle {
  filing: FilingRowH;
  parties: PartyRowH[];
  serviceRecord: ServiceRecordRowH;
  kase: CaseRowH | null;
  caseParties: CasePartyRowH[];
  notices: NoticeRowH[];
  deliveries: DeliveryRowH[];
}

// Petitions most; shares of a busy office's filings.
const SERVICES: { code: FilingService; weight: number; first: string; other: string; fa: string[] }[] = [
  {
    code: 'petition',
    weight: 46,
    first: 'claimant',
    other: 'defendant',
    fa: [
      'مطالبهٔ وجه چک',
      'مطالبهٔ مهریه',
      'الزام به تنظیم سند رسمی',
      'تخلیهٔ ید',
      'مطالبهٔ اجرت‌المثل',
      'دستور تخلیهٔ عین مستأجره',
    ],
  },
  {
    code: 'complaint',
    weight: 18,
    first: 'complainant',
    other: 'accused',
    fa: ['کلاهبرداری', 'خیانت در امانت', 'توهین و تهدید', 'ضرب و جرح عمدی', 'صدور چک بلامحل'],
  },
  {
    code: 'legal-notice',
    weight: 10,
    first: 'notifier',
    other: 'addressee',
    fa: ['اظهارنامهٔ مطالبهٔ وجه', 'اظهارنامهٔ فسخ قرارداد', 'اظهارنامهٔ تخلیه'],
  },
  {
    code: 'appeal',
    weight: 8,
    first: 'appellant',
    other: 'respondent',
    fa: ['تجدیدنظرخواهی از دادنامه', 'تجدیدنظرخواهی از قرار رد دعوا'],
  },
  { code: 'brief', weight: 7, first: 'claimant', other: 'defendant', fa: ['لایحهٔ دفاعیه', 'لایحهٔ توضیحات'] },
  {
    code: 'objection',
    weight: 5,
    first: 'objector',
    other: 'respondent',
    fa: ['واخواهی از دادنامهٔ غیابی', 'اعتراض ثالث'],
  },
  {
    code: 'expert-opinion',
    weight: 3,
    first: 'claimant',
    other: 'defendant',
    fa: ['اعتراض به نظر کارشناس', 'درخواست ارجاع به کارشناسی'],
  },
  {
    code: 'protest',
    weight: 3,
    first: 'objector',
    other: 'respondent',
    fa: ['اعتراض به قرار منع تعقیب', 'اعتراض به عملیات اجرایی'],
  },
];
const SERVICE_WEIGHTS = cumulative(SERVICES.map((s) => s.weight));

// The courts a service usually goes to, by kind.
const COURT_KINDS_FOR: Record<FilingService, string[]> = {
  petition: ['general', 'general', 'dispute-council', 'family'],
  complaint: ['criminal', 'general', 'revolutionary'],
  'legal-notice': ['general', 'dispute-council'],
  appeal: ['appeals'],
  brief: ['general', 'family'],
  objection: ['general', 'dispute-council'],
  'expert-opinion': ['general'],
  protest: ['criminal', 'general'],
};

const RETURN_REASONS = [
  'پیوست‌ها ناقص است: تصویر مصدق سند مالکیت پیوست نشده است.',
  'نشانی خوانده کامل نیست.',
  'خواسته تقویم نشده است.',
  'دادخواست به امضای خواهان نرسیده است.',
];

const NOTICE_TEXT: Record<NoticeKind, { title: string; body: string }> = {
  summons: { title: 'احضاریه برای جلسهٔ رسیدگی', body: 'برای رسیدگی در وقت مقرر در شعبه حاضر شوید.' },
  decision: { title: 'ابلاغ دادنامه', body: 'رأی دادگاه صادر شد؛ متن دادنامه در حساب کاربری شما است.' },
  order: { title: 'ابلاغ قرار', body: 'قرار دادگاه صادر شد؛ متن آن در حساب کاربری شما است.' },
  notification: { title: 'اخطاریه', body: 'برای رفع نقص یا ارائهٔ مدارک اقدام کنید.' },
};

const iso = (ms: number) => new Date(ms).toISOString();
/** The Tehran calendar day of an instant (ISO). */
export const tehranDay = (ms: number) => new Date(ms + TEHRAN_OFFSET).toISOString().slice(0, 10);

/** The app's tracking code rule: `{Jalali year}{province, 2}{filing id, 8}` and a Verhoeff check digit. */
export function historicalTrackingCode(jalaliYear: number, provinceId: number, filingId: number): string {
  return withCheckDigit(`${jalaliYear}${String(provinceId).padStart(2, '0')}${String(filingId).padStart(8, '0')}`);
}

/** The court desk's case number rule. */
export function historicalCaseNumber(jalaliYear: number, courtCode: string, sequence: number): string {
  return `${jalaliYear}-${courtCode}-${String(sequence).padStart(6, '0')}`;
}

/** Skips Fridays (offices and courts are closed): moves an instant to the same hour on Saturday. */
function workingInstant(ms: number): number {
  const weekday = new Date(ms + TEHRAN_OFFSET).getUTCDay();
  return weekday === 5 ? ms + DAY : ms;
}

export function* history(input: HistoryInput): Generator<FilingBundle> {
  const rng = createRng(input.seed, 'filings');
  const s = { ...input.start };
  const jalaliYears = new Map<string, number>();
  const jalaliYear = (day: string) => {
    let y = jalaliYears.get(day);
    if (y === undefined) {
      y = isoToJalali(day).jy;
      jalaliYears.set(day, y);
    }
    return y;
  };
  const caseSeq = new Map<string, number>();

  // Offices by size (operators), online filings by where the citizens live.
  const officeWeights = cumulative(input.offices.map((o) => Math.max(1, o.operators.length)));
  const provinceIndex = new Map(input.provinces.map((p) => [p.provinceId, p]));
  const populated = input.provinces.filter((p) => p.count > 0);
  if (!populated.length) throw new Error('historical filings need generated citizens');
  const citizenWeights = cumulative(populated.map((p) => p.count));
  const courtsOf = new Map<number, HistoryCourt[]>();
  for (const c of input.courts) courtsOf.set(c.provinceId, [...(courtsOf.get(c.provinceId) ?? []), c]);
  const officeOfCitizenProvince = new Map<number, HistoryOffice[]>();
  for (const o of input.offices)
    officeOfCitizenProvince.set(o.provinceId, [...(officeOfCitizenProvince.get(o.provinceId) ?? []), o]);
  let outsiders = 0;

  const citizenIn = (provinceId: number) => {
    const p = provinceIndex.get(provinceId);
    const pool = p && p.count > 0 ? p : populated[rng.weighted(citizenWeights)];
    return pool.citizenStart + rng.int(0, pool.count - 1);
  };

  const span = input.toMs - input.fromMs;
  for (let n = 0; n < input.filings; n++) {
    const service = SERVICES[rng.weighted(SERVICE_WEIGHTS)];
    const online = rng.chance(0.15) || !input.offices.length;
    let office: HistoryOffice | null = null;
    let provinceId: number;
    let applicant: number;
    if (online) {
      const p = populated[rng.weighted(citizenWeights)];
      provinceId = p.provinceId;
      applicant = p.citizenStart + rng.int(0, p.count - 1);
    } else {
      office = input.offices[rng.weighted(officeWeights)];
      provinceId = office.provinceId;
      applicant = citizenIn(provinceId);
    }
    const operator = office?.operators.length ? office.operators[rng.int(0, office.operators.length - 1)] : null;
    const createdBy = operator ?? input.userOfCitizen(applicant);

    // When: created on a working day in office hours; confirmed, paid and submitted within days; decided within weeks.
    // Filings come in id order over the window, so ids (and tracking codes, case numbers) follow time as in the app.
    // The last days are left out so that every step up to submission falls before `toMs`.
    const dayStart = input.fromMs + Math.floor(((n + rng.next()) / input.filings) * Math.max(1, span / DAY - 5)) * DAY;
    const created = workingInstant(dayStart + (8 * 3_600_000 - TEHRAN_OFFSET) + Math.floor(rng.next() * 7 * 3_600_000));
    const confirmed = created + Math.floor(rng.next() * 2 * 3_600_000);
    const submitted =
      confirmed + (rng.chance(0.7) ? Math.floor(rng.next() * 3_600_000) : Math.floor(rng.next() * 3 * DAY));
    const decided = submitted + DAY + Math.floor(rng.next() * 20 * DAY);
    const pending = decided >= input.toMs;
    const status: FilingRowH['status'] = pending ? 'submitted' : rng.chance(0.92) ? 'accepted' : 'returned';

    // Court of the province, of a kind the service goes to.
    const provinceCourts = courtsOf.get(provinceId) ?? input.courts;
    const kinds = COURT_KINDS_FOR[service.code];
    const wanted = kinds[rng.int(0, kinds.length - 1)];
    const candidates = provinceCourts.filter((c) => c.kind === wanted);
    const list = candidates.length ? candidates : provinceCourts;
    const court = list[rng.int(0, list.length - 1)];

    // Parties: the applicant first, then 1–3 others; some of them citizens with an e-account.
    const filingId = s.filingId++;
    const r = rng.next();
    const partyCount = r < 0.55 ? 2 : r < 0.85 ? 3 : 4;
    const parties: PartyRowH[] = [];
    const applicantPerson = input.citizen(applicant);
    parties.push({
      id: s.partyId++,
      filingId,
      role: service.first,
      citizenId: applicant,
      name: applicantPerson.name,
      nationalId: applicantPerson.nationalId,
    });
    for (let k = 1; k < partyCount; k++) {
      const role =
        k === 3 && rng.chance(0.5) ? 'third-party' : k === 2 && rng.chance(0.3) ? service.first : service.other;
      if (rng.chance(0.4)) {
        let citizenId = citizenIn(provinceId);
        if (citizenId === applicant || parties.some((p) => p.citizenId === citizenId)) citizenId = -1;
        if (citizenId > 0) {
          const person = input.citizen(citizenId);
          parties.push({
            id: s.partyId++,
            filingId,
            role,
            citizenId,
            name: person.name,
            nationalId: person.nationalId,
          });
          continue;
        }
      }
      const person = input.outsider(outsiders++, rng);
      parties.push({
        id: s.partyId++,
        filingId,
        role,
        citizenId: null,
        name: person.name,
        nationalId: person.nationalId,
      });
    }

    const createdDay = tehranDay(created);
    const submittedYear = jalaliYear(tehranDay(submitted));
    const fee = input.feeRials(service.code, partyCount, createdDay);
    const subject = service.fa[rng.int(0, service.fa.length - 1)];
    const claims =
      service.code === 'petition'
        ? `[{"description": "${subject}", "valueRials": ${rng.int(20, 5_000) * 1_000_000}}]`
        : '[]';

    let kase: CaseRowH | null = null;
    const caseParties: CasePartyRowH[] = [];
    const notices: NoticeRowH[] = [];
    const deliveries: DeliveryRowH[] = [];
    let branch: number | null = null;
    let caseNumber: string | null = null;
    if (status === 'accepted') {
      branch = rng.int(1, court.branches);
      const year = jalaliYear(tehranDay(decided));
      const key = `${court.id}|${year}`;
      const seq = (caseSeq.get(key) ?? 0) + 1;
      caseSeq.set(key, seq);
      caseNumber = historicalCaseNumber(year, court.code, seq);
      const clerk = court.clerks.length ? court.clerks[rng.int(0, court.clerks.length - 1)] : createdBy;
      kase = {
        id: s.caseId++,
        caseNumber,
        courtId: court.id,
        branch,
        provinceId: court.provinceId,
        filingId,
        subject,
        openedAt: iso(decided),
        openedBy: clerk,
      };
      for (const p of parties)
        caseParties.push({
          id: s.casePartyId++,
          caseId: kase.id,
          role: p.role,
          citizenId: p.citizenId,
          name: p.name,
          nationalId: p.nationalId,
        });

      // Notices: a summons or a notification first, then (for one case in three) a decision or an order.
      const judge = court.judges.length ? court.judges[rng.int(0, court.judges.length - 1)] : clerk;
      const noticeCount = rng.chance(0.4) ? 2 : 1;
      let issued = decided;
      for (let k = 0; k < noticeCount; k++) {
        issued = workingInstant(issued + DAY + Math.floor(rng.next() * (k === 0 ? 20 : 90) * DAY));
        if (issued >= input.toMs) break;
        const kind: NoticeKind =
          k === 0 ? (rng.chance(0.75) ? 'summons' : 'notification') : rng.chance(0.7) ? 'decision' : 'order';
        const hearing = kind === 'summons' ? workingInstant(issued + (20 + rng.int(0, 40)) * DAY) : null;
        const notice: NoticeRowH = {
          id: s.noticeId++,
          caseId: kase.id,
          courtId: court.id,
          provinceId: court.provinceId,
          kind,
          title: `${NOTICE_TEXT[kind].title} — پروندهٔ ${caseNumber}`,
          body: NOTICE_TEXT[kind].body,
          hearingAt: hearing ? iso(hearing) : null,
          issuedBy: judge,
          issuedAt: iso(issued),
        };
        notices.push(notice);
        const recent = input.toMs - issued < 30 * DAY;
        for (const p of caseParties) {
          if (p.citizenId == null) continue;
          const days = input.deadlineDays[kind] ?? null;
          let delivered = rng.chance(recent ? 0.6 : 0.95) ? issued + Math.floor(rng.next() * 7 * DAY) : null;
          if (delivered != null && delivered >= input.toMs) delivered = null;
          const atOffice = delivered != null && rng.chance(0.3);
          const deliveryOffice = atOffice ? (office ?? officeOfCitizenProvince.get(provinceId)?.[0] ?? null) : null;
          const deliveredBy =
            delivered == null
              ? null
              : deliveryOffice?.operators.length
                ? deliveryOffice.operators[rng.int(0, deliveryOffice.operators.length - 1)]
                : input.userOfCitizen(p.citizenId);
          const deadline =
            delivered != null && days ? deadlineFromDelivery(tehranDay(delivered), days, input.holidays).lastDay : null;
          deliveries.push({
            id: s.deliveryId++,
            noticeId: notice.id,
            citizenId: p.citizenId,
            provinceId: court.provinceId,
            deliveredAt: delivered == null ? null : iso(delivered),
            deliveredChannel: delivered == null ? null : deliveryOffice ? 'office' : 'online',
            deliveredOfficeId: deliveryOffice?.id ?? null,
            deliveredBy,
            deadlineDays: delivered != null ? days : null,
            deadlineDate: deadline,
          });
        }
      }
    }

    const filing: FilingRowH = {
      id: filingId,
      trackingCode: historicalTrackingCode(submittedYear, provinceId, filingId),
      serviceCode: service.code,
      status,
      channel: online ? 'online' : 'office',
      officeId: office?.id ?? null,
      provinceId,
      applicantCitizenId: applicant,
      createdBy,
      courtId: court.id,
      branch,
      subject,
      facts: '',
      claims,
      totalRials: fee.totalRials,
      paidRials: fee.totalRials,
      billedRials: fee.totalRials,
      confirmedAt: iso(confirmed),
      caseNumber,
      returnReasons: status === 'returned' ? RETURN_REASONS[rng.int(0, RETURN_REASONS.length - 1)] : null,
      createdAt: iso(created),
      submittedAt: iso(submitted),
      decidedAt: pending ? null : iso(decided),
    };
    const serviceRecord: ServiceRecordRowH = {
      id: s.serviceRecordId++,
      serviceCode: service.code,
      channel: filing.channel,
      officeId: filing.officeId,
      provinceId,
      operatorUserId: operator,
      citizenId: applicant,
      filingId,
      scheduleId: fee.scheduleId,
      amountRials: fee.totalRials,
      createdAt: filing.submittedAt,
    };
    yield { filing, parties, serviceRecord, kase, caseParties, notices, deliveries };
  }
}
