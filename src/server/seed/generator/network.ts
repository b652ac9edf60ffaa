/**
 * The generated offices' network and people, as plain rows: each office's opening hours and
 * capacity, status history and competencies; each office staff member's profile, employment
 * contracts, insurance, training (enrolments in the demo's courses), exam attempts and activity
 * licences with their events. Pure and deterministic: the same plan, seed and starting ids give
 * the same rows. Dates fall before DATASET_EPOCH, except what runs on after it (contract and
 * licence ends, upcoming sessions).
 */
import { expiryForIssue, renewedExpiry } from '#core/licensing';
import { PROVINCES } from '#server/modules/geo/data/provinces';
import type { OpeningPeriod } from '#server/modules/offices/tables';
import { createRng, type Rng } from './prng';
import { DATASET_EPOCH, type OfficeRow, type Plan } from './plan';

const DAY = 86_400_000;
const EPOCH_DAY = Math.floor(DATASET_EPOCH / DAY);
const dayOf = (isoOrMs: string | number) =>
  Math.floor((typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs)) / DAY);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const isoAt = (day: number, minutes = 6 * 60) => new Date(day * DAY + minutes * 60_000).toISOString();
const dayOfYear = (year: number, month = 0, date = 1) => Math.floor(Date.UTC(year, month, date) / DAY);

export interface NetworkStartIds {
  statusEventId: number;
  competencyId: number;
  contractId: number;
  insuranceId: number;
  sessionId: number;
  enrolmentId: number;
  attemptId: number;
  licenceId: number;
  licenceEventId: number;
}

interface NetworkCourse {
  id: number;
  code: string;
  hours: number;
  serviceCodes: string[];
}

export interface NetworkInput {
  seed: number;
  plan: Pick<Plan, 'offices' | 'staff'>;
  start: NetworkStartIds;
  /** The demo's courses (GEN-101, SPC-201, SPC-202, CE-301) as loaded, with their ids. */
  courses: NetworkCourse[];
  /** The general course's exam and its question bank, as loaded. */
  exam: {
    id: number;
    courseId: number;
    questionCount: number;
    durationMinutes: number;
    passPercent: number;
    maxAttempts: number;
  };
  questions: { id: number; correctIndex: number; options: number }[];
  /** Catalog services an office needs a competency for. */
  officeServices: string[];
  regulatorId: number;
  /** The national association admin: issues where no provincial admin exists. */
  associationId: number;
}

// ——— Row shapes (fields named as the tables' columns in camelCase) ———

export interface OfficeCapacity {
  openingHours: string;
  counters: number;
  hearingBooths: number;
}
export interface StatusEventRow {
  id: number;
  officeId: number;
  status: OfficeRow['status'];
  reason: string | null;
  fromDate: string;
  untilDate: string | null;
  decidedBy: number;
  createdAt: string;
}
export interface CompetencyRow {
  id: number;
  officeId: number;
  serviceCode: string;
  status: 'active' | 'suspended' | 'withdrawn';
  validFrom: string;
  validUntil: string | null;
  pilot: boolean;
  reason: string | null;
  grantedBy: number;
  grantedAt: string;
  changedBy: number | null;
  changedAt: string | null;
}
export interface ProfileRow {
  userId: number;
  educationLevel: string;
  educationField: string;
  insuranceNumber: string;
  updatedAt: string;
}
export interface ContractRow {
  id: number;
  userId: number;
  officeId: number;
  provinceId: number;
  type: 'permanent' | 'fixed-term' | 'probation' | 'hourly';
  fullTime: boolean;
  weeklyHours: number;
  monthlyWageRials: number;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  createdBy: number;
  createdAt: string;
}
export interface InsuranceRow {
  id: number;
  userId: number;
  officeId: number;
  provinceId: number;
  insuranceNumber: string;
  startsOn: string;
  endsOn: string | null;
  createdBy: number;
  createdAt: string;
}
export interface SessionRow {
  id: number;
  courseId: number;
  provinceId: number;
  startsOn: string;
  endsOn: string;
  capacity: number;
  location: string;
  createdBy: number;
  createdAt: string;
}
export interface EnrolmentRow {
  id: number;
  sessionId: number;
  userId: number;
  status: 'enrolled' | 'attended' | 'absent';
  attendedHours: number;
  recordedBy: number | null;
  createdAt: string;
}
export interface AttemptRow {
  id: number;
  examId: number;
  userId: number;
  attemptNumber: number;
  questionIds: string;
  answers: string | null;
  status: 'submitted' | 'expired';
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  scorePercent: number | null;
  passed: boolean;
}
export interface LicenceRow {
  id: number;
  number: string;
  userId: number;
  officeId: number;
  provinceId: number;
  serviceCodes: string;
  status: 'active' | 'suspended' | 'revoked';
  issuedOn: string;
  expiresOn: string;
  statusReason: string | null;
  suspendedUntil: string | null;
  reminderSentFor: string | null;
  issuedBy: number;
  createdAt: string;
}
export interface LicenceEventRow {
  id: number;
  licenceId: number;
  kind: 'issued' | 'renewed' | 'suspended' | 'reinstated' | 'revoked' | 'reminded';
  reason: string | null;
  data: string | null;
  actorUserId: number;
  createdAt: string;
}

export interface Network {
  capacity: Map<number, OfficeCapacity>;
  statusEvents: StatusEventRow[];
  competencies: CompetencyRow[];
  profiles: ProfileRow[];
  contracts: ContractRow[];
  insurance: InsuranceRow[];
  sessions: SessionRow[];
  enrolments: EnrolmentRow[];
  attempts: AttemptRow[];
  licences: LicenceRow[];
  licenceEvents: LicenceEventRow[];
}

// ——— What the generator draws from ———

/** Lawyer / expert / translator licence renewal is piloted in a handful of provinces (the demo's Tehran and Isfahan among them). */
export const PILOT_SERVICE = 'licence-renewal';
export const PILOT_PROVINCES = [1, 3, 5, 6, 11];
const PILOT_FROM = dayOfYear(2025, 2, 21);
/** The services some offices are not (yet) competent for. */
const SOMETIMES_LACKING = ['expert-opinion', 'protest', 'contract', 'sana-edit'];

const WEEKDAYS = [0, 1, 2, 3, 4];
const HOURS_PATTERNS: { weight: number; periods: OpeningPeriod[] }[] = [
  // Saturday–Wednesday 08:00–17:00, Thursday morning (as the demo offices).
  {
    weight: 70,
    periods: [
      ...WEEKDAYS.map((day) => ({ day, opens: '08:00', closes: '17:00' })),
      { day: 5, opens: '08:00', closes: '13:00' },
    ],
  },
  { weight: 15, periods: WEEKDAYS.map((day) => ({ day, opens: '08:00', closes: '16:00' })) },
  // Two shifts: the morning and the early evening.
  {
    weight: 10,
    periods: [
      ...WEEKDAYS.flatMap((day) => [
        { day, opens: '08:00', closes: '13:00' },
        { day, opens: '16:00', closes: '20:00' },
      ]),
      { day: 5, opens: '08:00', closes: '13:00' },
    ],
  },
  { weight: 5, periods: [0, 1, 2, 3, 4, 5].map((day) => ({ day, opens: '07:30', closes: '19:30' })) },
];

const OFFICE_SUSPENSION_REASONS = [
  'تخلف در دریافت هزینهٔ خدمات — overcharging for services',
  'عدم رعایت ضوابط فنی و امنیتی — technical and security rules not met',
  'گزارش بازرسی استان — provincial inspection report',
  'نبود مدیر مسئول واجد شرایط — no qualified manager in charge',
];
const OFFICE_CLOSURE_REASONS = [
  'انصراف مؤسس — the founder gave up the licence',
  'لغو پروانهٔ دفتر — office licence cancelled',
];
const LICENCE_SUSPENSION_REASONS = [
  'شکایت شهروند و بررسی تخلف — citizen complaint under review',
  'عدم ارائهٔ گواهی آموزش ضمن خدمت — continuing-education certificate missing',
  'گزارش بازرسی — inspection report',
];
const LICENCE_REVOCATION_REASONS = ['تخلف مکرر — repeated violations', 'جعل مدرک تحصیلی — forged degree'];
const LEAVING_REASONS = [
  'استعفا — resignation',
  'پایان همکاری — end of cooperation',
  'انتقال به شهر دیگر — moved to another city',
];

const EDUCATION: { level: string; weight: number }[] = [
  { level: 'diploma', weight: 8 },
  { level: 'associate', weight: 14 },
  { level: 'bachelor', weight: 52 },
  { level: 'master', weight: 23 },
  { level: 'doctorate', weight: 3 },
];
const FIELDS = [
  'حقوق',
  'حقوق',
  'حقوق',
  'فقه و مبانی حقوق',
  'حقوق خصوصی',
  'حقوق جزا و جرم‌شناسی',
  'مدیریت',
  'مهندسی کامپیوتر',
  'حسابداری',
];
const CONSULTANT_FIELDS = ['حقوق خصوصی', 'حقوق جزا و جرم‌شناسی', 'حقوق عمومی', 'فقه و مبانی حقوق'];

/** Course code → how often a session runs per province (sessions a year), how many days it takes, and from which year. */
const SCHEDULE: Record<string, { perYear: number; days: number; fromDay: number }> = {
  'GEN-101': { perYear: 4, days: 5, fromDay: dayOfYear(2010) },
  'SPC-201': { perYear: 2, days: 3, fromDay: dayOfYear(2016) },
  'SPC-202': { perYear: 1, days: 2, fromDay: PILOT_FROM },
  'CE-301': { perYear: 2, days: 2, fromDay: dayOfYear(2018) },
};
const SESSION_CAPACITY = 35;

const OFFICE_ROLES = new Set(['office_manager', 'operator', 'consultant']);

function weightedPick<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((a, i) => a + i.weight, 0);
  let x = rng.next() * total;
  for (const item of items) if ((x -= item.weight) < 0) return item;
  return items[items.length - 1];
}

/** A 10-digit insurance number, different for every user id (7,919 is prime to 9·10⁹). */
export function insuranceNumberFor(userId: number): string {
  return String(1_000_000_000 + ((userId * 7_919) % 9_000_000_000));
}

/** Licensing's own expiry rules, remembered per day: tens of thousands of licences share a few thousand days. */
const memo = <A extends string[]>(fn: (...args: A) => string) => {
  const cache = new Map<string, string>();
  return (...args: A) => {
    const key = args.join('|');
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = fn(...args)));
    return value;
  };
};
const expiryOnIssue = memo(expiryForIssue);
const expiryOnRenewal = memo(renewedExpiry);

interface OfficeTimeline {
  office: OfficeRow;
  opened: number;
  closed: number | null;
  competent: Set<string>;
  manager: number | null;
}

export function buildNetwork(input: NetworkInput): Network {
  const { seed, plan, start } = input;
  const ids = { ...start };
  const provinceAdmin = new Map<number, number>();
  const staffByOffice = new Map<number, { id: number; role: string }[]>();
  for (const { user, grant } of plan.staff) {
    if (
      grant.role === 'association_admin' &&
      grant.scopeKind === 'province' &&
      grant.provinceId != null &&
      !provinceAdmin.has(grant.provinceId)
    )
      provinceAdmin.set(grant.provinceId, user.id);
    if (grant.scopeKind === 'office' && grant.officeId != null && OFFICE_ROLES.has(grant.role)) {
      const list = staffByOffice.get(grant.officeId) ?? [];
      list.push({ id: user.id, role: grant.role });
      staffByOffice.set(grant.officeId, list);
    }
  }
  const adminOf = (provinceId: number) => provinceAdmin.get(provinceId) ?? input.associationId;

  // ——— Offices: capacity by size, status history, competencies ———
  const capacityRng = createRng(seed, 'network-capacity');
  const statusRng = createRng(seed, 'network-office-status');
  const competencyRng = createRng(seed, 'network-competencies');
  const capacity = new Map<number, OfficeCapacity>();
  const statusEvents: StatusEventRow[] = [];
  const competencies: CompetencyRow[] = [];
  const timelines = new Map<number, OfficeTimeline>();
  const regulator = input.regulatorId;

  for (const office of plan.offices) {
    const people = staffByOffice.get(office.id) ?? [];
    const operators = people.filter((p) => p.role === 'operator').length;
    capacity.set(office.id, {
      openingHours: JSON.stringify(weightedPick(capacityRng, HOURS_PATTERNS).periods),
      counters: Math.max(1, operators - (capacityRng.chance(0.3) ? 1 : 0)),
      hearingBooths: operators >= 4 ? 2 : operators >= 3 ? 1 : capacityRng.chance(0.3) ? 1 : 0,
    });

    const opened = dayOf(office.openedOn);
    const event = (status: OfficeRow['status'], from: number, until: number | null, reason: string | null) =>
      statusEvents.push({
        id: ids.statusEventId++,
        officeId: office.id,
        status,
        reason,
        fromDate: isoDay(from),
        untilDate: until == null ? null : isoDay(until),
        decidedBy: regulator,
        createdAt: isoAt(from),
      });
    event('active', opened, null, 'صدور پروانهٔ دفتر — office licensed');
    let closed: number | null = null;
    const pastSuspension = (from: number, to: number) => {
      if (to - from < 30) return;
      const s = from + Math.floor(statusRng.next() * (to - from - 30));
      const until = s + statusRng.int(14, Math.min(90, to - s));
      event('suspended', s, until, statusRng.pick(OFFICE_SUSPENSION_REASONS));
      event('active', until, null, 'رفع تعلیق — suspension lifted');
    };
    if (office.status === 'closed') {
      closed = Math.min(
        EPOCH_DAY - 10,
        opened + 365 + Math.floor(statusRng.next() * Math.max(1, EPOCH_DAY - 30 - opened - 365)),
      );
      if (statusRng.chance(0.3)) pastSuspension(opened + 90, closed - 10);
      event('closed', closed, null, statusRng.pick(OFFICE_CLOSURE_REASONS));
    } else if (office.status === 'suspended') {
      if (statusRng.chance(0.2)) pastSuspension(opened + 90, EPOCH_DAY - 200);
      const s = EPOCH_DAY - statusRng.int(5, 120);
      event(
        'suspended',
        Math.max(s, opened + 1),
        statusRng.chance(0.5) ? null : EPOCH_DAY + statusRng.int(10, 90),
        statusRng.pick(OFFICE_SUSPENSION_REASONS),
      );
    } else if (statusRng.chance(0.05)) {
      pastSuspension(opened + 90, EPOCH_DAY - 10);
    }

    // Competencies: every office service from the opening day; a few lacking at one office in ten;
    // licence renewal only as a pilot in some provinces; all withdrawn when an office closes.
    const lacking = new Set<string>();
    if (competencyRng.chance(0.1)) {
      const n = competencyRng.int(1, 3);
      while (lacking.size < n) lacking.add(competencyRng.pick(SOMETIMES_LACKING));
    }
    const suspendedOne = competencyRng.chance(0.02) ? competencyRng.pick(['expert-opinion', 'protest']) : null;
    const competent = new Set<string>();
    for (const serviceCode of input.officeServices) {
      if (lacking.has(serviceCode)) continue;
      const pilot = serviceCode === PILOT_SERVICE;
      if (pilot && !PILOT_PROVINCES.includes(office.provinceId)) continue;
      const from = pilot ? Math.max(PILOT_FROM, opened) : opened;
      if (closed != null && from >= closed) continue;
      competent.add(serviceCode);
      const row: CompetencyRow = {
        id: ids.competencyId++,
        officeId: office.id,
        serviceCode,
        status: 'active',
        validFrom: isoDay(from),
        validUntil: null,
        pilot,
        reason: null,
        grantedBy: regulator,
        grantedAt: isoAt(from),
        changedBy: null,
        changedAt: null,
      };
      if (closed != null)
        Object.assign(row, {
          status: 'withdrawn',
          validUntil: isoDay(closed),
          reason: 'تعطیلی دفتر — office closed',
          changedBy: regulator,
          changedAt: isoAt(closed),
        });
      else if (serviceCode === suspendedOne && !lacking.has(serviceCode)) {
        const when = EPOCH_DAY - competencyRng.int(10, 200);
        Object.assign(row, {
          status: 'suspended',
          reason: 'نقص تجهیزات یا نیروی آموزش‌دیده — equipment or trained staff lacking',
          changedBy: regulator,
          changedAt: isoAt(Math.max(when, from + 1)),
        });
      }
      competencies.push(row);
    }
    timelines.set(office.id, {
      office,
      opened,
      closed,
      competent,
      manager: people.find((p) => p.role === 'office_manager')?.id ?? null,
    });
  }

  // ——— People: profiles, contracts, insurance ———
  const peopleRng = createRng(seed, 'network-people');
  const insuranceRng = createRng(seed, 'network-insurance');
  const trainingRng = createRng(seed, 'network-training');
  const examRng = createRng(seed, 'network-exams');
  const licenceRng = createRng(seed, 'network-licences');
  const profiles: ProfileRow[] = [];
  const contracts: ContractRow[] = [];
  const insurance: InsuranceRow[] = [];
  const enrolments: (Omit<EnrolmentRow, 'sessionId'> & { session: PendingSession })[] = [];
  const attempts: AttemptRow[] = [];
  const licences: LicenceRow[] = [];
  const licenceEvents: LicenceEventRow[] = [];
  const officesByProvince = new Map<number, OfficeTimeline[]>();
  for (const t of timelines.values()) {
    const list = officesByProvince.get(t.office.provinceId) ?? [];
    list.push(t);
    officesByProvince.set(t.office.provinceId, list);
  }
  const courseByCode = new Map(input.courses.map((c) => [c.code, c]));
  const sessions = new SessionBook(courseByCode, trainingRng, adminOf);
  const licenceSeq = new Map<number, number>();

  for (const { user, grant } of plan.staff) {
    if (grant.scopeKind !== 'office' || grant.officeId == null || !OFFICE_ROLES.has(grant.role)) continue;
    const here = timelines.get(grant.officeId);
    if (!here) continue;
    const role = grant.role as 'office_manager' | 'operator' | 'consultant';
    const provinceId = here.office.provinceId;
    const creator = here.manager ?? user.id;

    // Profile.
    const level =
      role === 'consultant'
        ? peopleRng.pick(['master', 'master', 'doctorate', 'bachelor'])
        : weightedPick(peopleRng, EDUCATION).level;
    const insuranceNumber = insuranceNumberFor(user.id);
    profiles.push({
      userId: user.id,
      educationLevel: level,
      educationField: peopleRng.pick(role === 'consultant' ? CONSULTANT_FIELDS : FIELDS),
      insuranceNumber,
      updatedAt: user.createdAt,
    });

    // The day they started here (their account's day), kept before a closure.
    let started = dayOf(user.createdAt);
    if (here.closed != null && started > here.closed - 30)
      started = here.opened + ((started - here.opened) % Math.max(1, here.closed - here.opened - 30));
    // Where the employment here ends: the office closed, or they left (about one operator in twenty-five).
    let leftOn: number | null = null;
    let leftReason: string | null = null;
    if (here.closed != null) {
      leftOn = here.closed;
      leftReason = 'تعطیلی دفتر — office closed';
    } else if (role === 'operator' && peopleRng.chance(0.04) && EPOCH_DAY - 10 - (started + 60) > 0) {
      leftOn = started + 60 + Math.floor(peopleRng.next() * (EPOCH_DAY - 10 - started - 60));
      leftReason = peopleRng.pick(LEAVING_REASONS);
    }

    const wage =
      role === 'office_manager'
        ? peopleRng.int(40, 55) * 10_000_000
        : role === 'operator'
          ? peopleRng.int(22, 32) * 10_000_000
          : peopleRng.int(12, 20) * 10_000_000;
    const add = (
      officeId: number,
      prov: number,
      type: ContractRow['type'],
      from: number,
      to: number | null,
      full: boolean,
      by: number,
    ) => {
      const row: ContractRow = {
        id: ids.contractId++,
        userId: user.id,
        officeId,
        provinceId: prov,
        type,
        fullTime: full,
        weeklyHours: full ? 44 : peopleRng.int(8, 24),
        monthlyWageRials: full ? wage : Math.round(wage * 0.5),
        startsOn: isoDay(from),
        endsOn: to == null ? null : isoDay(to),
        terminatedOn: null,
        terminationReason: null,
        createdBy: by,
        createdAt: isoAt(from),
      };
      contracts.push(row);
      return row;
    };

    // An earlier job at another office of the province (one operator in eight), ended before this one began.
    let firstDay = started;
    if (role === 'operator' && peopleRng.chance(0.125)) {
      const others = (officesByProvince.get(provinceId) ?? []).filter((t) => t !== here && t.closed == null);
      const other = others.length ? peopleRng.pick(others) : null;
      const end = started - peopleRng.int(15, 120);
      const begin = end - peopleRng.int(300, 1500);
      if (other && begin > other.opened) {
        const row = add(other.office.id, provinceId, 'permanent', begin, null, true, other.manager ?? user.id);
        row.terminatedOn = isoDay(end);
        row.terminationReason = peopleRng.pick(LEAVING_REASONS);
        firstDay = begin;
        if (insuranceRng.chance(0.85))
          insurance.push({
            id: ids.insuranceId++,
            userId: user.id,
            officeId: other.office.id,
            provinceId,
            insuranceNumber,
            startsOn: isoDay(begin),
            endsOn: isoDay(end),
            createdBy: other.manager ?? user.id,
            createdAt: isoAt(begin),
          });
      }
    }

    // The contracts here, one after the other: permanent; or probation then permanent; or yearly
    // fixed-term renewals; consultants part-time. The one running when they left is terminated.
    const chain: { type: ContractRow['type']; from: number; to: number | null }[] = [];
    const r = peopleRng.next();
    if (role === 'office_manager') chain.push({ type: 'permanent', from: started, to: null });
    else if (role === 'consultant') {
      if (r < 0.3) chain.push({ type: 'hourly', from: started, to: null });
      else
        for (let from = started; from <= EPOCH_DAY; from += 365)
          chain.push({ type: 'fixed-term', from, to: from + 364 });
    } else if (r < 0.7) chain.push({ type: 'permanent', from: started, to: null });
    else if (r < 0.85) {
      chain.push({ type: 'probation', from: started, to: started + 89 });
      if (started + 90 <= EPOCH_DAY) chain.push({ type: 'permanent', from: started + 90, to: null });
    } else
      for (let from = started; from <= EPOCH_DAY; from += 365) chain.push({ type: 'fixed-term', from, to: from + 364 });
    const fullTime = role !== 'consultant';
    for (const link of chain) {
      if (leftOn != null && link.from >= leftOn) break;
      const row = add(here.office.id, provinceId, link.type, link.from, link.to, fullTime, creator);
      if (leftOn != null && (link.to == null || link.to >= leftOn)) {
        row.terminatedOn = isoDay(leftOn);
        row.terminationReason = leftReason;
      }
    }

    // Insurance here: most full-time staff covered throughout, some lapsed, some never; consultants rarely.
    const ir = insuranceRng.next();
    const covered = fullTime ? 0.85 : 0.3;
    const lapsed = fullTime ? 0.05 : 0.05;
    if (ir < covered) {
      insurance.push({
        id: ids.insuranceId++,
        userId: user.id,
        officeId: here.office.id,
        provinceId,
        insuranceNumber,
        startsOn: isoDay(started),
        endsOn: leftOn == null ? null : isoDay(leftOn),
        createdBy: creator,
        createdAt: isoAt(started),
      });
    } else if (ir < covered + lapsed && (leftOn ?? EPOCH_DAY) - 30 - (started + 90) > 0) {
      const end = started + 90 + Math.floor(insuranceRng.next() * ((leftOn ?? EPOCH_DAY) - 30 - started - 90));
      insurance.push({
        id: ids.insuranceId++,
        userId: user.id,
        officeId: here.office.id,
        provinceId,
        insuranceNumber,
        startsOn: isoDay(started),
        endsOn: isoDay(end),
        createdBy: creator,
        createdAt: isoAt(started),
      });
    }

    // ——— Training, exam and licence: only those who perform services (operators and managers) ———
    if (role === 'consultant') continue;
    const admin = adminOf(provinceId);
    // A person takes a course's sessions one after another: never the same session twice.
    const nextFree = new Map<string, number>();
    const attend = (code: string, fromDay: number, absentChance: number): { attendedEnd: number | null } => {
      let day = Math.max(fromDay, nextFree.get(code) ?? fromDay);
      for (let tries = 0; tries < 4; tries++) {
        const session = sessions.next(code, provinceId, day);
        const future = session.startDay > EPOCH_DAY;
        const absent = !future && trainingRng.chance(absentChance);
        const course = courseByCode.get(code)!;
        enrolments.push({
          id: 0,
          session,
          userId: user.id,
          status: future ? 'enrolled' : absent ? 'absent' : 'attended',
          attendedHours: future || absent ? 0 : course.hours,
          recordedBy: future ? null : session.createdBy,
          createdAt: isoAt(session.startDay - trainingRng.int(5, 30)),
        });
        day = session.endDay + 1;
        nextFree.set(code, day);
        if (future) return { attendedEnd: null };
        if (!absent) return { attendedEnd: session.endDay };
      }
      return { attendedEnd: null };
    };
    const general = attend('GEN-101', firstDay - 60, 0.05);
    if (general.attendedEnd == null) continue;

    // Exam attempts: most pass at once, some on the second or third try, a few never within the attempts allowed.
    const passedOn = sitExam(input, examRng, user.id, general.attendedEnd, ids, attempts);
    if (passedOn == null) continue;

    const services = new Set(courseByCode.get('GEN-101')!.serviceCodes);
    if ([...courseByCode.get('SPC-201')!.serviceCodes].some((c) => here.competent.has(c)) && trainingRng.chance(0.6)) {
      const spc = attend('SPC-201', passedOn + 30, 0.03);
      if (spc.attendedEnd != null) for (const c of courseByCode.get('SPC-201')!.serviceCodes) services.add(c);
    }
    if (here.competent.has(PILOT_SERVICE) && trainingRng.chance(0.5)) {
      const spc = attend('SPC-202', Math.max(passedOn + 30, PILOT_FROM), 0.03);
      if (spc.attendedEnd != null) services.add(PILOT_SERVICE);
    }
    const serviceCodes = [...services].filter((c) => here.competent.has(c)).sort();

    const issued = Math.max(passedOn + licenceRng.int(3, 20), started + licenceRng.int(0, 10));
    const stop = leftOn ?? EPOCH_DAY;
    if (issued >= stop || !serviceCodes.length) continue;
    const seq = (licenceSeq.get(here.office.id) ?? 0) + 1;
    licenceSeq.set(here.office.id, seq);
    const licence: LicenceRow = {
      id: ids.licenceId++,
      number: `${here.office.code}-${String(seq).padStart(4, '0')}`,
      userId: user.id,
      officeId: here.office.id,
      provinceId,
      serviceCodes: JSON.stringify(serviceCodes),
      status: 'active',
      issuedOn: isoDay(issued),
      expiresOn: '',
      statusReason: null,
      suspendedUntil: null,
      reminderSentFor: null,
      issuedBy: admin,
      createdAt: isoAt(issued),
    };
    licences.push(licence);
    let lastEventDay = issued;
    const licenceEvent = (
      kind: LicenceEventRow['kind'],
      day: number,
      reason: string | null,
      data: object | null = null,
    ) => {
      lastEventDay = Math.max(lastEventDay, day);
      licenceEvents.push({
        id: ids.licenceEventId++,
        licenceId: licence.id,
        kind,
        reason,
        data: data ? JSON.stringify(data) : null,
        actorUserId: admin,
        createdAt: isoAt(day, 7 * 60 + (licenceEvents.length % 300)),
      });
    };
    licenceEvent('issued', issued, 'دورهٔ عمومی و آزمون گذرانده شد — general course and exam passed');

    // What happens to the licence: most renewed every year (as licensing renews: continuing-education
    // hours first, then one validity period on), some not renewed (expired), some suspended now, a few
    // revoked; it ends with the employment here.
    const lr = licenceRng.next();
    const fate =
      leftOn != null ? 'ended' : lr < 0.05 ? 'lapses' : lr < 0.09 ? 'suspended' : lr < 0.11 ? 'revoked' : 'renewed';
    const endOfLife =
      fate === 'revoked' ? issued + 60 + Math.floor(licenceRng.next() * Math.max(1, EPOCH_DAY - issued - 61)) : stop;
    let expiresOn = expiryOnIssue(isoDay(issued));
    const renewUntil = fate === 'lapses' ? EPOCH_DAY - 365 : endOfLife;
    for (let expires = dayOf(expiresOn); expires <= renewUntil && expires < endOfLife; expires = dayOf(expiresOn)) {
      // Continuing education became a condition of renewal with its first sessions (2018).
      const needsCe = expires - 330 >= SCHEDULE['CE-301'].fromDay;
      const ce = needsCe ? attend('CE-301', expires - 330, 0.02) : { attendedEnd: expires - 30 };
      // Without the continuing-education hours the licence cannot be renewed: it lapses.
      if (ce.attendedEnd == null || ce.attendedEnd >= expires) break;
      const day = Math.max(ce.attendedEnd + 1, expires - licenceRng.int(1, 20));
      const renewed = expiryOnRenewal(expiresOn, isoDay(day));
      licenceEvent(
        'renewed',
        day,
        needsCe ? 'تمدید با گذراندن آموزش ضمن خدمت — renewed with continuing education' : 'تمدید — renewed',
        { expiresOn: renewed, continuingHours: needsCe ? courseByCode.get('CE-301')!.hours : 0 },
      );
      expiresOn = renewed;
    }
    const expires = dayOf(expiresOn);
    licence.expiresOn = expiresOn;
    if (expires - 30 <= EPOCH_DAY && expires - 30 < endOfLife) {
      licenceEvent('reminded', expires - 30, null, { expiresOn: licence.expiresOn });
      licence.reminderSentFor = licence.expiresOn;
    }
    if (fate === 'renewed' && licenceRng.chance(0.04) && EPOCH_DAY - issued > 200) {
      const s = issued + 30 + Math.floor(licenceRng.next() * (EPOCH_DAY - issued - 150));
      const back = s + licenceRng.int(14, 90);
      licenceEvent('suspended', s, licenceRng.pick(LICENCE_SUSPENSION_REASONS), { until: isoDay(back) });
      licenceEvent('reinstated', back, 'رفع تعلیق — suspension lifted');
    }
    if (fate === 'suspended') {
      const s = Math.min(EPOCH_DAY, Math.max(lastEventDay + 1, EPOCH_DAY - licenceRng.int(3, 150)));
      licence.status = 'suspended';
      licence.statusReason = licenceRng.pick(LICENCE_SUSPENSION_REASONS);
      licence.suspendedUntil = licenceRng.chance(0.5) ? null : isoDay(EPOCH_DAY + licenceRng.int(10, 120));
      licenceEvent(
        'suspended',
        s,
        licence.statusReason,
        licence.suspendedUntil ? { until: licence.suspendedUntil } : null,
      );
    } else if (fate === 'revoked' || fate === 'ended') {
      const reason =
        fate === 'revoked'
          ? licenceRng.pick(LICENCE_REVOCATION_REASONS)
          : `پایان اشتغال در دفتر — employment at the office ended (${leftReason})`;
      if (fate === 'revoked' || endOfLife < expires) {
        licence.status = 'revoked';
        licence.statusReason = reason;
        licenceEvent('revoked', endOfLife, reason);
      }
    }
  }

  const { rows: sessionRows, idOf } = sessions.rows(ids);
  const enrolmentRows: EnrolmentRow[] = enrolments
    .map(({ session, ...e }) => ({ ...e, sessionId: idOf(session) }))
    .sort((a, b) => a.sessionId - b.sessionId || a.userId - b.userId)
    .map((e) => ({ ...e, id: ids.enrolmentId++ }));

  return {
    capacity,
    statusEvents,
    competencies,
    profiles,
    contracts,
    insurance,
    sessions: sessionRows,
    enrolments: enrolmentRows,
    attempts,
    licences,
    licenceEvents,
  };
}

/** Sits the general exam after the course; returns the day it was passed, or null. */
function sitExam(
  input: NetworkInput,
  rng: Rng,
  userId: number,
  courseEnd: number,
  ids: NetworkStartIds,
  attempts: AttemptRow[],
): number | null {
  const { exam, questions } = input;
  const r = rng.next();
  // The outcomes in order: p = passed, f = failed, x = ran out of time.
  const plan = r < 0.72 ? 'p' : r < 0.86 ? 'fp' : r < 0.93 ? 'ffp' : r < 0.95 ? 'xp' : r < 0.98 ? 'fff' : 'ff';
  let day = courseEnd + rng.int(1, 7);
  for (let k = 0; k < plan.length && k < exam.maxAttempts; k++) {
    if (day >= EPOCH_DAY) return null;
    const drawn = [...questions];
    for (let i = drawn.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [drawn[i], drawn[j]] = [drawn[j], drawn[i]];
    }
    const chosen = drawn.slice(0, exam.questionCount);
    const outcome = plan[k];
    const needed = Math.ceil((exam.passPercent * exam.questionCount) / 100);
    const right = outcome === 'p' ? rng.int(needed, exam.questionCount) : rng.int(Math.max(0, needed - 4), needed - 1);
    const startedMin = rng.int(5 * 60, 12 * 60);
    const answers =
      outcome === 'x'
        ? null
        : JSON.stringify(
            Object.fromEntries(
              chosen.map((q, i) => [String(q.id), i < right ? q.correctIndex : (q.correctIndex + 1) % q.options]),
            ),
          );
    const score = Math.round((right * 100) / exam.questionCount);
    attempts.push({
      id: ids.attemptId++,
      examId: exam.id,
      userId,
      attemptNumber: k + 1,
      questionIds: JSON.stringify(chosen.map((q) => q.id)),
      answers,
      status: outcome === 'x' ? 'expired' : 'submitted',
      startedAt: isoAt(day, startedMin),
      deadlineAt: isoAt(day, startedMin + exam.durationMinutes),
      submittedAt: outcome === 'x' ? null : isoAt(day, startedMin + rng.int(5, exam.durationMinutes - 1)),
      scorePercent: outcome === 'x' ? null : score,
      passed: outcome === 'p',
    });
    if (outcome === 'p') return day;
    day += rng.int(7, 30);
  }
  return null;
}

interface PendingSession {
  courseId: number;
  code: string;
  provinceId: number;
  slot: number;
  startDay: number;
  endDay: number;
  enrolled: number;
  createdBy: number;
}

/**
 * Sessions of each course in each province at a fixed rhythm (GEN-101 every quarter, …), made when
 * the first person enrols, and full at SESSION_CAPACITY (the next one is taken then).
 */
class SessionBook {
  private readonly byKey = new Map<string, PendingSession>();
  private readonly firstFree = new Map<string, number>();
  constructor(
    private readonly courses: Map<string, NetworkCourse>,
    private readonly rng: Rng,
    private readonly adminOf: (provinceId: number) => number,
  ) {}

  /** The first session of `code` in the province starting on or after `day` with a free place. */
  next(code: string, provinceId: number, day: number): PendingSession {
    const { perYear, days, fromDay } = SCHEDULE[code];
    const period = 365 / perYear;
    for (let slot = Math.max(0, Math.ceil((day - fromDay) / period)); ; slot++) {
      // A full class gets a parallel one in the same round, in the same week or up to three weeks later (big provinces run many);
      // the round remembers its first class with a free place.
      const round = `${code}|${provinceId}|${slot}`;
      for (let group = this.firstFree.get(round) ?? 0; ; group++) {
        const key = `${code}|${provinceId}|${slot}|${group}`;
        let session = this.byKey.get(key);
        if (!session) {
          const first = group === 0 ? null : this.byKey.get(`${code}|${provinceId}|${slot}|0`)!;
          const startDay = first
            ? first.startDay + 7 * (group % 4)
            : fromDay + Math.floor(slot * period) + this.rng.int(0, Math.floor(period / 3));
          session = {
            courseId: this.courses.get(code)!.id,
            code,
            provinceId,
            slot,
            startDay,
            endDay: startDay + days - 1,
            enrolled: 0,
            createdBy: this.adminOf(provinceId),
          };
          this.byKey.set(key, session);
        }
        if (session.startDay < day) break;
        if (session.enrolled < SESSION_CAPACITY) {
          session.enrolled++;
          return session;
        }
        this.firstFree.set(round, group + 1);
      }
    }
  }

  /** The sessions as rows, in date order, with their ids. */
  rows(ids: NetworkStartIds): { rows: SessionRow[]; idOf: (s: PendingSession) => number } {
    const sorted = [...this.byKey.values()]
      .filter((s) => s.enrolled > 0)
      .sort((a, b) => a.startDay - b.startDay || a.provinceId - b.provinceId || a.courseId - b.courseId);
    const idMap = new Map<PendingSession, number>();
    const rows = sorted.map((s) => {
      const id = ids.sessionId++;
      idMap.set(s, id);
      const province = PROVINCES.find((p) => p.id === s.provinceId);
      return {
        id,
        courseId: s.courseId,
        provinceId: s.provinceId,
        startsOn: isoDay(s.startDay),
        endsOn: isoDay(s.endDay),
        capacity: SESSION_CAPACITY,
        location: `${province?.capital.fa ?? ''}، ساختمان کانون دفاتر استان، سالن آموزش`,
        createdBy: s.createdBy,
        createdAt: isoAt(s.startDay - 45),
      };
    });
    return { rows, idOf: (s) => idMap.get(s)! };
  }
}
