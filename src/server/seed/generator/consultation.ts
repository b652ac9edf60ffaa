/**
 * The consultation registry at a dataset's scale, and more arbitrators: the association's fee range
 * for every province that has none yet; consultants (the plan's consultant accounts, and as many
 * again of the registry without one) with a lawyer's or legal adviser's licence (a few lapsed),
 * fields, languages, a fee within their province's range, weekly hours in their own room at one or
 * two offices of their province holding the consultation competency, and video hours for most;
 * sessions booked on their hours from 60 days before the dataset's day to 30 days after it (held,
 * no-shows and cancellations behind, confirmed ones ahead, thinning with distance); and arbitrators
 * of the registry (staff accounts with the arbitrator role) in proportion to each province's offices.
 *
 * Pure and deterministic for a seed: `loadConsultation` reads what it needs from the loaded
 * dataset and copies the rows. Bookings never clash: one consultant per room, office hours by day
 * and video hours in the evening, and at most one booking per consultant and start.
 */
import { sql } from 'drizzle-orm';
import { tehranInstant } from '#core/consultation-slots';
import { channelFee, scheduleInForce } from '#core/fees';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import { iranianWeekday } from '#core/office-finder';
import type { OpeningPeriod } from '#core/office-hours';
import type { Tx } from '#server/db/transaction';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { CONSULTATION_FIELDS, type BOOKING_STATUSES, type NEXT_STEPS } from '#server/modules/consultation/values';
import { copyColumns, copyLine, ROLE_GRANTS, USERS, type TableShape } from './copy-text';
import { syntheticMobile, syntheticNationalId } from './ids';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES } from './names';
import type { GrantRow, Plan, UserRow } from './plan';
import { createRng, type Rng } from './prng';

/** Days of bookings behind and ahead of the dataset's day (ahead: the booking horizon). */
const BOOKED_DAYS_BEFORE = 60;
const BOOKED_DAYS_AFTER = 30;

export interface ConsultationInput {
  seed: number;
  /** The Tehran day bookings are placed around (the demo's day). */
  today: string;
  createdAt: string;
  /** Fridays and official holidays: no sessions. */
  closed: (isoDay: string) => boolean;
  start: { consultantId: number; sittingId: number; bookingId: number; userId: number; grantId: number };
  /** Index in the staff national-ID stream the new arbitrators start from (after the plan's staff). */
  staffIndex: number;
  reservedNationalIds: ReadonlySet<string>;
  passwordHash: string;
  /** Generated offices holding the consultation competency, with their province and code. */
  offices: { id: number; code: string; provinceId: number }[];
  /** The plan's consultant accounts, each at its office. */
  accounts: { userId: number; officeId: number; provinceId: number; firstName: string; lastName: string }[];
  /** Fee ranges already set (the demo's); every other province in scope gets one. */
  feeRanges: Map<number, { minRials: number; maxRials: number }>;
  /** The provinces in scope: their code, and their generated citizens' ids and their accounts' user ids. */
  provinces: { provinceId: number; code: string; citizenStart: number; count: number; userStart: number }[];
  /** The association account that keeps the registry. */
  createdBy: number;
  /** The office's fee for a session from the tariff in force (0 when the schedule has no line). */
  officeFeeRials: { office: number; online: number };
}

interface FeeRangeRowC {
  provinceId: number;
  minRials: number;
  maxRials: number;
  updatedBy: number;
  updatedAt: string;
}
interface ConsultantRowC {
  id: number;
  userId: number | null;
  kind: 'lawyer' | 'legal-adviser';
  firstName: string;
  lastName: string;
  licenceNumber: string;
  licenceExpiresOn: string;
  provinceId: number;
  fields: string;
  languages: string;
  feeRials: number;
  sessionMinutes: number;
  cutoffHours: number;
  active: boolean;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}
interface SittingRowC {
  id: number;
  consultantId: number;
  mode: 'office' | 'video';
  officeId: number | null;
  room: number | null;
  hours: string;
}
interface BookingRowC {
  id: number;
  consultantId: number;
  citizenId: number;
  mode: 'office' | 'video';
  officeId: number | null;
  room: number | null;
  provinceId: number;
  field: string;
  startsAt: string;
  endsAt: string;
  status: (typeof BOOKING_STATUSES)[number];
  channel: 'online' | 'office';
  bookedAtOfficeId: number | null;
  bookedBy: number;
  consultantFeeRials: number;
  officeFeeRials: number;
  totalRials: number;
  holdUntil: string;
  refundRials: number | null;
  cancelledAt: string | null;
  cancelledBy: number | null;
  advice: string | null;
  documentsToBring: string | null;
  nextStep: (typeof NEXT_STEPS)[number] | null;
  noteWrittenAt: string | null;
  rating: number | null;
  ratingText: string | null;
  ratedAt: string | null;
  createdAt: string;
}

export interface ConsultationRows {
  feeRanges: FeeRangeRowC[];
  consultants: ConsultantRowC[];
  sittings: SittingRowC[];
  bookings: BookingRowC[];
  arbitrators: { user: UserRow; grant: GrantRow }[];
}

const FEE_RANGES: TableShape<FeeRangeRowC> = {
  table: 'consultation_fee_ranges',
  columns: [
    ['province_id', 'provinceId'],
    ['min_rials', 'minRials'],
    ['max_rials', 'maxRials'],
    ['updated_by', 'updatedBy'],
    ['updated_at', 'updatedAt'],
  ],
};
const CONSULTANTS: TableShape<ConsultantRowC> = {
  table: 'consultants',
  columns: [
    ['id', 'id'],
    ['user_id', 'userId'],
    ['kind', 'kind'],
    ['first_name', 'firstName'],
    ['last_name', 'lastName'],
    ['licence_number', 'licenceNumber'],
    ['licence_expires_on', 'licenceExpiresOn'],
    ['province_id', 'provinceId'],
    ['fields', 'fields'],
    ['languages', 'languages'],
    ['fee_rials', 'feeRials'],
    ['session_minutes', 'sessionMinutes'],
    ['cutoff_hours', 'cutoffHours'],
    ['active', 'active'],
    ['created_by', 'createdBy'],
    ['created_at', 'createdAt'],
    ['updated_at', 'updatedAt'],
  ],
};
const SITTINGS: TableShape<SittingRowC> = {
  table: 'consultant_sittings',
  columns: [
    ['id', 'id'],
    ['consultant_id', 'consultantId'],
    ['mode', 'mode'],
    ['office_id', 'officeId'],
    ['room', 'room'],
    ['hours', 'hours'],
  ],
};
const BOOKINGS: TableShape<BookingRowC> = {
  table: 'consultation_bookings',
  columns: (
    [
      'id',
      'consultantId',
      'citizenId',
      'mode',
      'officeId',
      'room',
      'provinceId',
      'field',
      'startsAt',
      'endsAt',
      'status',
      'channel',
      'bookedAtOfficeId',
      'bookedBy',
      'consultantFeeRials',
      'officeFeeRials',
      'totalRials',
      'holdUntil',
      'refundRials',
      'cancelledAt',
      'cancelledBy',
      'advice',
      'documentsToBring',
      'nextStep',
      'noteWrittenAt',
      'rating',
      'ratingText',
      'ratedAt',
      'createdAt',
    ] as const
  ).map((f) => [f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), f] as const),
};

/** A province without a range gets one: a minimum of 0.6–1.0 million Rials and a maximum four to five times it. */
function feeRangeFor(rng: Rng) {
  const minRials = rng.int(6, 10) * 100_000;
  return { minRials, maxRials: minRials * rng.int(4, 5) };
}

const hours = (days: number[], opens: string, closes: string): OpeningPeriod[] =>
  days.map((day) => ({ day, opens, closes }));

/** Two or three weekdays (Saturday–Wednesday) in a three-hour block within office hours. */
function officeHours(rng: Rng): OpeningPeriod[] {
  const days = new Set<number>();
  const n = rng.int(2, 3);
  while (days.size < n) days.add(rng.int(0, 4));
  const opens = rng.pick(['08:00', '09:00', '10:00', '13:00', '14:00']);
  const closes = `${String(Number(opens.slice(0, 2)) + 3).padStart(2, '0')}:00`;
  return hours([...days].sort(), opens, closes);
}

/** Video sessions in the evening, after office hours, on two weekdays. */
function videoHours(rng: Rng): OpeningPeriod[] {
  const first = rng.int(0, 3);
  return hours([first, rng.int(first + 1, 4)], '17:00', '20:00');
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const ADVICE: { text: string; documents: string; step: (typeof NEXT_STEPS)[number] }[] = [
  { text: 'نخست اظهارنامه بفرستید و پاسخ طرف را بخواهید.', documents: 'قرارداد و رسیدها', step: 'legal-notice' },
  { text: 'برای مطالبهٔ وجه دادخواست بدهید.', documents: 'سند طلب و کارت ملی', step: 'petition' },
  {
    text: 'قرارداد شرط داوری دارد؛ اختلاف را به داوری ببرید.',
    documents: 'قرارداد دارای شرط داوری',
    step: 'arbitration',
  },
  { text: 'اقدامی لازم نیست؛ مدارک را نگه دارید.', documents: 'مدارک موجود', step: 'none' },
];

export function buildConsultation(input: ConsultationInput): ConsultationRows {
  const rng = createRng(input.seed, 'consultation');
  const hoursRng = createRng(input.seed, 'consultation-hours');
  const bookRng = createRng(input.seed, 'consultation-bookings');
  const ids = { ...input.start };

  const feeRanges: FeeRangeRowC[] = [];
  const ranges = new Map(input.feeRanges);
  for (const p of input.provinces) {
    if (ranges.has(p.provinceId)) continue;
    const range = feeRangeFor(rng);
    ranges.set(p.provinceId, range);
    feeRanges.push({ provinceId: p.provinceId, ...range, updatedBy: input.createdBy, updatedAt: input.createdAt });
  }

  // Who: every consultant account at its office, and a registry consultant at two offices in five.
  const officesByProvince = new Map<number, ConsultationInput['offices']>();
  for (const o of input.offices)
    officesByProvince.set(o.provinceId, [...(officesByProvince.get(o.provinceId) ?? []), o]);
  const competent = new Set(input.offices.map((o) => o.id));
  const people: { userId: number | null; officeId: number; provinceId: number; firstName: string; lastName: string }[] =
    input.accounts.filter((a) => competent.has(a.officeId));
  for (const o of input.offices) {
    if (!rng.chance(0.4)) continue;
    const female = rng.chance(0.5);
    people.push({
      userId: null,
      officeId: o.id,
      provinceId: o.provinceId,
      firstName: rng.pick(female ? FEMALE_NAMES : MALE_NAMES),
      lastName: rng.pick(LAST_NAMES),
    });
  }

  const consultants: ConsultantRowC[] = [];
  const sittings: SittingRowC[] = [];
  const rooms = new Map<number, number>();
  const room = (officeId: number) => {
    const next = (rooms.get(officeId) ?? 0) + 1;
    rooms.set(officeId, next);
    return next;
  };
  for (const [k, p] of people.entries()) {
    const range = ranges.get(p.provinceId)!;
    const kind = rng.chance(0.7) ? ('lawyer' as const) : ('legal-adviser' as const);
    const fields = new Set<string>();
    const nFields = rng.int(1, 3);
    while (fields.size < nFields) fields.add(rng.pick(CONSULTATION_FIELDS));
    const languages = ['fa', ...(rng.chance(0.2) ? [rng.pick(['az', 'ku', 'ar', 'en', 'lur', 'bal'])] : [])];
    const id = ids.consultantId++;
    const lapsed = rng.chance(0.05);
    consultants.push({
      id,
      userId: p.userId,
      kind,
      firstName: p.firstName,
      lastName: p.lastName,
      // Numbered apart from the demo's four-digit licences: a six-digit serial per registry.
      licenceNumber: kind === 'lawyer' ? `${String(p.provinceId).padStart(2, '0')}-${100_000 + k}` : `M-${100_000 + k}`,
      licenceExpiresOn: addDaysIso(input.today, lapsed ? -rng.int(1, 120) : rng.int(45, 900)),
      provinceId: p.provinceId,
      fields: JSON.stringify([...fields]),
      languages: JSON.stringify(languages),
      feeRials: Math.round(rng.int(range.minRials, range.maxRials) / 100_000) * 100_000,
      sessionMinutes: rng.pick([30, 45, 60]),
      cutoffHours: rng.pick([12, 24, 48]),
      active: true,
      createdBy: input.createdBy,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    });
    const sit = (mode: 'office' | 'video', officeId: number | null, periods: OpeningPeriod[]) =>
      sittings.push({
        id: ids.sittingId++,
        consultantId: id,
        mode,
        officeId,
        room: officeId == null ? null : room(officeId),
        hours: JSON.stringify(periods),
      });
    const home = officeHours(hoursRng);
    sit('office', p.officeId, home);
    const others = (officesByProvince.get(p.provinceId) ?? []).filter((o) => o.id !== p.officeId);
    if (others.length && hoursRng.chance(0.3)) {
      // A second office on the other weekdays, so the consultant is never in two rooms at once.
      const taken = new Set(home.map((h) => h.day));
      const free = [0, 1, 2, 3, 4].filter((d) => !taken.has(d));
      sit('office', hoursRng.pick(others).id, hours(free, home[0].opens, home[0].closes));
    }
    if (hoursRng.chance(0.6)) sit('video', null, videoHours(hoursRng));
  }

  // Sessions on their hours, each slot taken with a chance that thins with distance from today.
  const bookings: BookingRowC[] = [];
  const provinceOf = new Map(input.provinces.map((p) => [p.provinceId, p]));
  const byId = new Map(consultants.map((c) => [c.id, c]));
  const days: { iso: string; weekday: number; offset: number }[] = [];
  for (let d = -BOOKED_DAYS_BEFORE; d <= BOOKED_DAYS_AFTER; d++) {
    const iso = addDaysIso(input.today, d);
    if (!input.closed(iso)) days.push({ iso, weekday: iranianWeekday(iso), offset: d });
  }
  const iso = (at: Date) => at.toISOString();
  for (const s of sittings) {
    const c = byId.get(s.consultantId)!;
    const province = provinceOf.get(c.provinceId);
    if (!province || province.count === 0) continue;
    const periods = JSON.parse(s.hours) as OpeningPeriod[];
    const fields = JSON.parse(c.fields) as string[];
    for (const day of days) {
      if (day.iso > c.licenceExpiresOn) break;
      for (const p of periods) {
        if (p.day !== day.weekday) continue;
        for (let t = minutes(p.opens); t + c.sessionMinutes <= minutes(p.closes); t += c.sessionMinutes) {
          const chance = day.offset < 0 ? 0.45 : 0.55 - (0.45 * day.offset) / BOOKED_DAYS_AFTER;
          if (!bookRng.chance(chance)) continue;
          const startsAt = tehranInstant(day.iso, hhmm(t));
          const endsAt = new Date(startsAt.getTime() + c.sessionMinutes * 60_000);
          const n = bookRng.int(0, province.count - 1);
          const citizenId = province.citizenStart + n;
          const userId = province.userStart + n;
          const createdAt = new Date(startsAt.getTime() - bookRng.int(1, 20) * 86_400_000);
          const atCounter = s.mode === 'office' && bookRng.chance(0.3);
          const officeFee = atCounter ? input.officeFeeRials.office : input.officeFeeRials.online;
          const total = c.feeRials + officeFee;
          const roll = bookRng.next();
          const past = day.offset < 0;
          const status: BookingRowC['status'] = past
            ? roll < 0.08
              ? 'cancelled'
              : roll < 0.13
                ? 'citizen-no-show'
                : roll < 0.15
                  ? 'consultant-no-show'
                  : 'held'
            : roll < 0.08
              ? 'cancelled'
              : 'confirmed';
          const cancelledAt =
            status === 'cancelled'
              ? new Date(Math.min(startsAt.getTime() - c.cutoffHours * 3_600_000, createdAt.getTime() + 3_600_000))
              : null;
          const noted = status === 'held' && bookRng.chance(0.6);
          const advice = noted ? ADVICE[bookRng.int(0, ADVICE.length - 1)] : null;
          const rated = status === 'held' && bookRng.chance(0.4);
          bookings.push({
            id: ids.bookingId++,
            consultantId: c.id,
            citizenId,
            mode: s.mode,
            officeId: s.officeId,
            room: s.room,
            provinceId: c.provinceId,
            field: fields[bookRng.int(0, fields.length - 1)],
            startsAt: iso(startsAt),
            endsAt: iso(endsAt),
            status,
            channel: atCounter ? 'office' : 'online',
            bookedAtOfficeId: atCounter ? s.officeId : null,
            bookedBy: userId,
            consultantFeeRials: c.feeRials,
            officeFeeRials: officeFee,
            totalRials: total,
            holdUntil: iso(new Date(createdAt.getTime() + 15 * 60_000)),
            refundRials: cancelledAt ? total : null,
            cancelledAt: cancelledAt ? iso(cancelledAt) : null,
            cancelledBy: cancelledAt ? userId : null,
            advice: advice?.text ?? null,
            documentsToBring: advice?.documents ?? null,
            nextStep: advice?.step ?? null,
            noteWrittenAt: advice ? iso(endsAt) : null,
            rating: rated ? bookRng.pick([3, 4, 4, 5, 5, 5]) : null,
            ratingText: null,
            ratedAt: rated ? iso(new Date(endsAt.getTime() + 86_400_000)) : null,
            createdAt: iso(createdAt),
          });
        }
      }
    }
  }

  // Arbitrators of the registry: one per 40 offices of the province (at least one more than the plan's).
  const arbitrators: ConsultationRows['arbitrators'] = [];
  let staffIndex = input.staffIndex;
  for (const p of input.provinces) {
    const count = Math.max(1, Math.round((officesByProvince.get(p.provinceId)?.length ?? 0) / 40));
    for (let k = 2; k <= count + 1; k++) {
      const female = rng.chance(0.5);
      const id = ids.userId++;
      arbitrators.push({
        user: {
          id,
          kind: 'staff',
          username: `arbitrator.${p.code.toLowerCase()}.${k}`,
          passwordHash: input.passwordHash,
          firstName: rng.pick(female ? FEMALE_NAMES : MALE_NAMES),
          lastName: rng.pick(LAST_NAMES),
          nationalId: syntheticNationalId('staff', staffIndex++, input.reservedNationalIds),
          mobile: syntheticMobile(rng),
          birthDate: `${rng.int(1960, 1990)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
          citizenId: null,
          createdAt: input.createdAt,
        },
        grant: {
          id: ids.grantId++,
          userId: id,
          role: 'arbitrator',
          scopeKind: 'province',
          provinceId: p.provinceId,
          officeId: null,
          courtId: null,
          grantedAt: input.createdAt,
        },
      });
    }
  }
  return { feeRanges, consultants, sittings, bookings, arbitrators };
}

type Copy = (table: string, columns: string, text: string) => Promise<void>;

/**
 * Builds and copies the consultation rows into a dataset whose plan, network and citizens are
 * loaded (inside the load's transaction); moves the new tables' identity sequences past them.
 * Returns the rows written per table (the arbitrators as users and role_grants).
 */
export async function loadConsultation(
  tx: Tx,
  copy: Copy,
  options: {
    seed: number;
    now: Date;
    plan: Plan;
    reservedNationalIds: ReadonlySet<string>;
    passwordHash: string;
    chunkSize: number;
    progress: (table: string, done: number, total: number) => void;
  },
): Promise<Record<string, number>> {
  const { plan, now } = options;
  const today = tehranIsoDate(now);
  const rows = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as T[];
  const generatedOffices = new Map(plan.offices.map((o) => [o.id, o]));
  const competent = (
    await rows<{ officeId: number }>(sql`select distinct office_id as "officeId" from office_competencies
      where service_code = 'consultation' and status = 'active' and valid_from <= ${today}
        and (valid_until is null or valid_until > ${today})`)
  )
    .map((r) => generatedOffices.get(Number(r.officeId)))
    .filter((o) => o !== undefined)
    .sort((a, b) => a.id - b.id)
    .map((o) => ({ id: o.id, code: o.code, provinceId: o.provinceId }));
  const [next] = await rows<Record<string, string | number>>(sql`select
    (select coalesce(max(id), 0) + 1 from consultants) as "consultantId",
    (select coalesce(max(id), 0) + 1 from consultant_sittings) as "sittingId",
    (select coalesce(max(id), 0) + 1 from consultation_bookings) as "bookingId",
    (select coalesce(max(id), 0) + 1 from users) as "userId",
    (select coalesce(max(id), 0) + 1 from role_grants) as "grantId"`);
  const ranges = await rows<{ provinceId: number; minRials: string; maxRials: string }>(
    sql`select province_id as "provinceId", min_rials as "minRials", max_rials as "maxRials" from consultation_fee_ranges`,
  );
  const [association] = await rows<{ id: number }>(sql`select id from users where username = 'association'`);
  const holidays = await loadHolidayCalendar(
    tx,
    addDaysIso(today, -BOOKED_DAYS_BEFORE),
    addDaysIso(today, BOOKED_DAYS_AFTER),
  );
  const line = scheduleInForce(await approvedSchedules(tx), today)?.lines.find((l) => l.code === 'consultation');
  const provinceCodes = new Map(
    (await rows<{ id: number; code: string }>(sql`select id, code from provinces`)).map((p) => [Number(p.id), p.code]),
  );
  let citizenStart = plan.citizenStart.citizenId;
  const provinces = plan.citizensPerProvince.map(({ provinceId, count }) => {
    const p = {
      provinceId,
      code: provinceCodes.get(provinceId) ?? String(provinceId),
      citizenStart,
      count,
      userStart: plan.citizenStart.userId + (citizenStart - plan.citizenStart.citizenId),
    };
    citizenStart += count;
    return p;
  });
  const built = buildConsultation({
    seed: options.seed,
    today,
    createdAt: now.toISOString(),
    closed: (day) => Boolean(holidays.closure(day)),
    start: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, Number(v)])) as ConsultationInput['start'],
    staffIndex: plan.staff.length,
    reservedNationalIds: options.reservedNationalIds,
    passwordHash: options.passwordHash,
    offices: competent,
    accounts: plan.staff
      .filter((s) => s.grant.role === 'consultant' && s.grant.officeId != null)
      .map((s) => ({
        userId: s.user.id,
        officeId: s.grant.officeId!,
        provinceId: s.grant.provinceId!,
        firstName: s.user.firstName,
        lastName: s.user.lastName,
      })),
    feeRanges: new Map(
      ranges.map((r) => [Number(r.provinceId), { minRials: Number(r.minRials), maxRials: Number(r.maxRials) }]),
    ),
    provinces,
    createdBy: Number(association?.id ?? 1),
    officeFeeRials: {
      office: line ? channelFee(line, 'office') : 0,
      online: line ? channelFee(line, 'online') : 0,
    },
  });

  const written: Record<string, number> = {};
  const copyAll = async <T>(shape: TableShape<T>, list: T[]) => {
    written[shape.table] = (written[shape.table] ?? 0) + list.length;
    options.progress(shape.table, 0, list.length);
    for (let i = 0; i < list.length; i += options.chunkSize) {
      const chunk = list.slice(i, i + options.chunkSize);
      await copy(shape.table, copyColumns(shape as TableShape<unknown>), chunk.map((r) => copyLine(shape, r)).join(''));
      options.progress(shape.table, Math.min(list.length, i + chunk.length), list.length);
    }
  };
  await copyAll(FEE_RANGES, built.feeRanges);
  await copyAll(CONSULTANTS, built.consultants);
  await copyAll(SITTINGS, built.sittings);
  await copyAll(BOOKINGS, built.bookings);
  await copyAll(
    USERS,
    built.arbitrators.map((a) => a.user),
  );
  await copyAll(
    ROLE_GRANTS,
    built.arbitrators.map((a) => a.grant),
  );
  for (const table of ['consultants', 'consultant_sittings', 'consultation_bookings', 'users', 'role_grants']) {
    await tx.execute(
      sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
    );
  }
  return {
    consultation_fee_ranges: built.feeRanges.length,
    consultants: built.consultants.length,
    consultant_sittings: built.sittings.length,
    consultation_bookings: built.bookings.length,
    // The arbitrators' accounts and their grants.
    users: built.arbitrators.length,
    role_grants: built.arbitrators.length,
  };
}
