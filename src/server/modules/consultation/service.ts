/**
 * Legal consultation: the registry of consultants and the fee ranges (the association of the
 * province, the regulator), where and when each consultant sits, free slots, booking with payment
 * (online by the citizen or at the counter by an operator), cancelling with its refund rule, moving
 * a booking, and the session itself: the consultant's day, the note for the citizen, attendance and
 * the citizen's rating.
 *
 * The refund rule (docs/decisions/0040-consultation-booking.md): up to the consultant's cut-off
 * (`cutoffHours` before the session) a cancellation refunds the whole payment and a booking may be
 * moved; after it a cancellation refunds nothing and the booking cannot be moved.
 */
import {
  BOOKING_HORIZON_DAYS,
  BOOKING_LEAD_MINUTES,
  beforeCutoff,
  freeSlots,
  refundOnCancel,
  tehranInstant,
  type SlotRequest,
} from '#core/consultation-slots';
import { channelFee, scheduleInForce } from '#core/fees';
import { addDaysIso, formatJalali, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { isValidMobile } from '#core/identifiers';
import { openingHoursProblems } from '#core/office-hours';
import { toPersianDigits } from '#core/persian-digits';
import type { Tx } from '#server/db/transaction';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { servicesInForce } from '#server/modules/offices/store';
import { refundPaymentIn, startPaymentIn } from '#server/modules/payments/service';
import { approvedSchedules } from '#server/modules/tariffs/store';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, authorize, authorizeVisible, holds, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { idempotencyKeyFrom, runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import type { CreditHandler } from '#server/platform/ports/payment-credit';
import type { BookBody, BookingView, ConsultantBody, SittingsBody } from './schemas';
import { callOpen } from './call';
import * as store from './store';

/** The catalog service whose competency an office needs to host consultants, and whose tariff line is the office fee. */
const CONSULTATION_SERVICE = 'consultation';

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));
const nameOf = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
const bookable = (c: store.ConsultantRow, day: string) => c.active && c.licenceExpiresOn >= day;

// ---- views ----

function sittingView(s: store.SittingWithOffice) {
  return {
    mode: s.sitting.mode,
    office: s.office
      ? { id: s.office.id, code: s.office.code, name: { fa: s.office.nameFa, en: s.office.nameEn } }
      : null,
    room: s.sitting.room,
    hours: s.sitting.hours,
  };
}

function cardOf(c: store.ConsultantRow, sittings: store.SittingWithOffice[]) {
  return {
    id: c.id,
    kind: c.kind,
    name: nameOf(c),
    fields: c.fields,
    languages: c.languages,
    feeRials: c.feeRials,
    sessionMinutes: c.sessionMinutes,
    cutoffHours: c.cutoffHours,
    provinceId: c.provinceId,
    sittings: sittings.filter((s) => s.sitting.consultantId === c.id).map(sittingView),
  };
}

function recordOf(
  c: store.ConsultantRow,
  sittings: store.SittingWithOffice[],
  today: string,
  usernames: Map<number, string | null>,
) {
  return {
    ...cardOf(c, sittings),
    firstName: c.firstName,
    lastName: c.lastName,
    licenceNumber: c.licenceNumber,
    licenceExpiresOn: jalali(c.licenceExpiresOn),
    licenceExpiresOnIso: c.licenceExpiresOn,
    active: c.active,
    bookable: bookable(c, today),
    userId: c.userId,
    username: c.userId != null ? (usernames.get(c.userId) ?? null) : null,
  };
}

async function recordView(ctx: AppContext, c: store.ConsultantRow) {
  const [sittings, usernames] = await Promise.all([
    store.sittingsOf(ctx.db, [c.id]),
    store.usernamesOf(ctx.db, c.userId != null ? [c.userId] : []),
  ]);
  return recordOf(c, sittings, tehranIsoDate(ctx.clock.now()), usernames);
}

async function bookingViews(db: AppContext['db'] | Tx, rows: store.BookingRow[], now: Date): Promise<BookingView[]> {
  const p = await store.bookingParties(db, rows);
  return rows.map((b) => {
    const c = p.consultants.get(b.consultantId)!;
    const citizen = p.citizens.get(b.citizenId);
    const office = b.officeId != null ? p.offices.get(b.officeId) : undefined;
    return {
      id: b.id,
      status: b.status,
      mode: b.mode,
      consultant: { id: c.id, name: nameOf(c), kind: c.kind },
      citizen: { id: b.citizenId, name: citizen ? nameOf(citizen) : '' },
      office: office
        ? { id: office.id, code: office.code, name: { fa: office.nameFa, en: office.nameEn }, address: office.address }
        : null,
      room: b.room,
      field: b.field,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      channel: b.channel,
      consultantFeeRials: b.consultantFeeRials,
      officeFeeRials: b.officeFeeRials,
      totalRials: b.totalRials,
      paymentId: b.paymentId,
      refundRials: b.refundRials,
      cutoffAt: new Date(b.startsAt.getTime() - c.cutoffHours * 3_600_000).toISOString(),
      started: b.startsAt.getTime() <= now.getTime(),
      callOpen: callOpen(b, now),
      beforeCutoff: beforeCutoff(b.startsAt, c.cutoffHours, now),
      note:
        b.noteWrittenAt && b.advice != null
          ? {
              advice: b.advice,
              documentsToBring: b.documentsToBring ?? '',
              nextStep: b.nextStep ?? 'none',
              writtenAt: b.noteWrittenAt.toISOString(),
            }
          : null,
      rating:
        b.rating != null && b.ratedAt ? { stars: b.rating, text: b.ratingText, at: b.ratedAt.toISOString() } : null,
    };
  });
}

async function bookingView(db: AppContext['db'] | Tx, row: store.BookingRow, now: Date) {
  return (await bookingViews(db, [row], now))[0];
}

// ---- finding a consultant ----

export async function listBookable(
  ctx: AppContext,
  q: { field?: string; provinceId?: number; officeId?: number; mode?: 'office' | 'video'; language?: string },
) {
  const today = tehranIsoDate(ctx.clock.now());
  const rows = await store.searchConsultants(ctx.db, {
    provinceIds: null,
    provinceId: q.provinceId,
    bookableOn: today,
  });
  const sittings = await store.sittingsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows
    .filter((c) => (q.field ? c.fields.includes(q.field) : true))
    .filter((c) => (q.language ? c.languages.includes(q.language) : true))
    .map((c) => cardOf(c, sittings))
    .filter((c) => c.sittings.length > 0)
    .filter((c) => (q.mode ? c.sittings.some((s) => s.mode === q.mode) : true))
    .filter((c) => (q.officeId != null ? c.sittings.some((s) => s.office?.id === q.officeId) : true));
  return { items };
}

/** The sitting a booking or a slot list is for: the consultant's video hours, or their hours at one office. */
async function sittingFor(
  ctx: AppContext | { db: Tx },
  consultantId: number,
  mode: 'office' | 'video',
  officeId: number | null | undefined,
) {
  const all = await store.sittingsOf(ctx.db, [consultantId]);
  return all.find((s) => s.sitting.mode === mode && (mode === 'video' || s.sitting.officeId === officeId)) ?? null;
}

async function slotRequest(
  db: AppContext['db'] | Tx,
  c: store.ConsultantRow,
  sitting: store.SittingRow,
  fromIso: string,
  days: number,
  now: Date,
  exceptId?: number,
): Promise<SlotRequest> {
  const toIso = addDaysIso(fromIso, days - 1);
  const from = new Date(`${addDaysIso(fromIso, -1)}T00:00:00Z`);
  const to = new Date(`${addDaysIso(toIso, 1)}T23:59:59Z`);
  // One after the other: `db` may be a transaction, whose one connection takes one statement at a time.
  const closed = await loadHolidayCalendar(db, fromIso, toIso);
  const busy = await store.busyPeriods(db, {
    consultantId: c.id,
    officeId: sitting.officeId,
    room: sitting.room,
    from,
    to,
    now,
    exceptId,
  });
  return {
    hours: sitting.hours,
    fromIso,
    toIso,
    sessionMinutes: c.sessionMinutes,
    closed,
    busy,
    notBefore: new Date(now.getTime() + BOOKING_LEAD_MINUTES * 60_000),
    lastDay: c.licenceExpiresOn,
  };
}

export async function slots(
  ctx: AppContext,
  id: number,
  q: { mode: 'office' | 'video'; officeId?: number; from?: { iso: string }; days: number },
) {
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const found = await store.consultantWithSitting(ctx.db, id, q.mode, q.officeId);
  if (!found) throw new AppError('not_found');
  const { consultant: c, sitting } = found;
  if (!bookable(c, today)) throw new AppError('consultant_not_bookable');
  const fromIso = q.from && q.from.iso > today ? q.from.iso : today;
  const horizon = addDaysIso(today, BOOKING_HORIZON_DAYS);
  const days = Math.max(0, Math.min(q.days, Math.round((Date.parse(horizon) - Date.parse(fromIso)) / 86_400_000) + 1));
  const items =
    sitting && days > 0
      ? freeSlots(await slotRequest(ctx.db, c, sitting, fromIso, days, now)).map((s) => ({
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          day: jalali(s.day),
          time: s.time,
        }))
      : [];
  return {
    consultantId: c.id,
    mode: q.mode,
    officeId: q.mode === 'office' ? (q.officeId ?? null) : null,
    sessionMinutes: c.sessionMinutes,
    items,
  };
}

// ---- the registry ----

export async function registry(ctx: AppContext, actor: Actor, q: { provinceId?: number }) {
  const filter = scopeFilter(actor, 'consultation.registry.read');
  const rows = await store.searchConsultants(ctx.db, {
    provinceIds: filter.all ? null : filter.provinceIds,
    provinceId: q.provinceId,
  });
  const sittings = await store.sittingsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const usernames = await store.usernamesOf(
    ctx.db,
    rows.flatMap((r) => (r.userId != null ? [r.userId] : [])),
  );
  const today = tehranIsoDate(ctx.clock.now());
  return { items: rows.map((c) => recordOf(c, sittings, today, usernames)) };
}

async function checkConsultant(
  ctx: AppContext,
  body: ConsultantBody,
  exceptId: number | null,
  keepUserId: number | null = null,
) {
  const range = await store.feeRange(ctx.db, body.provinceId);
  if (!range) throw new AppError('consultation_fee_range_missing', { extra: { provinceId: body.provinceId } });
  if (body.feeRials < range.minRials || body.feeRials > range.maxRials)
    throw new AppError('consultant_fee_out_of_range', {
      fields: [fieldError('feeRials', body.feeRials < range.minRials ? 'too_small' : 'too_big')],
      extra: { minRials: range.minRials, maxRials: range.maxRials },
    });
  if (await store.licenceTaken(ctx.db, body.kind, body.licenceNumber, exceptId))
    throw new AppError('consultant_licence_taken', { fields: [fieldError('licenceNumber', 'duplicate_entry')] });
  // On a change, a username left out keeps the account the record is linked to; null unlinks it.
  let userId: number | null = body.username === undefined && exceptId != null ? keepUserId : null;
  if (body.username) {
    userId = await store.consultantUserId(ctx.db, body.username.toLowerCase());
    if (userId == null) throw invalidField('username', 'user_not_consultant');
    const holder = await store.consultantOfUser(ctx.db, userId);
    if (holder && holder.id !== exceptId) throw invalidField('username', 'duplicate_entry');
  }
  return userId;
}

function consultantColumns(body: ConsultantBody, userId: number | null) {
  return {
    userId,
    kind: body.kind,
    firstName: body.firstName,
    lastName: body.lastName,
    licenceNumber: body.licenceNumber,
    licenceExpiresOn: body.licenceExpiresOn.iso,
    provinceId: body.provinceId,
    fields: [...new Set(body.fields)],
    languages: [...new Set(body.languages)],
    feeRials: body.feeRials,
    sessionMinutes: body.sessionMinutes,
    cutoffHours: body.cutoffHours,
    active: body.active,
  };
}

export async function register(ctx: AppContext, actor: Actor, body: ConsultantBody) {
  authorize(actor, 'consultation.registry.manage', { provinceId: body.provinceId });
  const userId = await checkConsultant(ctx, body, null);
  const now = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    const row = await store.insertConsultant(tx, {
      ...consultantColumns(body, userId),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'consultation.consultant.register',
      entityType: 'consultant',
      entityId: row.id,
      provinceId: row.provinceId,
      data: {
        licenceNumber: row.licenceNumber,
        kind: row.kind,
        feeRials: row.feeRials,
        licenceExpiresOn: row.licenceExpiresOn,
      },
    });
    return row;
  });
  return recordView(ctx, created);
}

export async function update(ctx: AppContext, actor: Actor, id: number, body: ConsultantBody) {
  const existing = await store.findConsultant(ctx.db, id);
  if (!existing) throw new AppError('not_found');
  authorize(actor, 'consultation.registry.manage', { provinceId: existing.provinceId });
  authorize(actor, 'consultation.registry.manage', { provinceId: body.provinceId });
  const userId = await checkConsultant(ctx, body, id, existing.userId);
  await ctx.db.transaction(async (tx) => {
    await store.updateConsultant(tx, id, { ...consultantColumns(body, userId), updatedAt: ctx.clock.now() });
    await recordAudit(tx, actor, {
      action: 'consultation.consultant.update',
      entityType: 'consultant',
      entityId: id,
      provinceId: body.provinceId,
      data: {
        licenceNumber: body.licenceNumber,
        licenceExpiresOn: body.licenceExpiresOn.iso,
        feeRials: body.feeRials,
        active: body.active,
      },
    });
  });
  return recordView(ctx, (await store.findConsultant(ctx.db, id))!);
}

export async function me(ctx: AppContext, actor: Actor) {
  if (!holds(actor, 'consultation.sessions')) throw new AppError('forbidden');
  const c = await store.consultantOfUser(ctx.db, actor.userId);
  if (!c) throw new AppError('not_found');
  return recordView(ctx, c);
}

export async function setSittings(ctx: AppContext, actor: Actor, id: number, body: SittingsBody) {
  const c = await store.findConsultant(ctx.db, id);
  if (!c) throw new AppError('not_found');
  const own = c.userId === actor.userId && holds(actor, 'consultation.sittings.edit');
  if (!own) authorize(actor, 'consultation.sittings.edit', { provinceId: c.provinceId });

  const errors: FieldError[] = [];
  const today = tehranIsoDate(ctx.clock.now());
  const officeIds = [...new Set(body.sittings.map((s) => s.officeId).filter((x): x is number => x != null))];
  const [found, competent] = await Promise.all([
    store.officesByIds(ctx.db, officeIds),
    servicesInForce(ctx.db, officeIds, today),
  ]);
  const places = new Set<string>();
  body.sittings.forEach((s, i) => {
    if (s.mode === 'office') {
      const office = found.find((o) => o.id === s.officeId);
      if (s.officeId == null || !office || office.status !== 'active')
        errors.push(fieldError(`sittings.${i}.officeId`, 'office_not_found'));
      else if (!competent.get(office.id)?.includes(CONSULTATION_SERVICE))
        errors.push(fieldError(`sittings.${i}.officeId`, 'office_lacks_consultation'));
      if (s.room == null) errors.push(fieldError(`sittings.${i}.room`, 'room_required'));
    } else if (s.officeId != null || s.room != null) errors.push(fieldError(`sittings.${i}.officeId`, 'invalid_value'));
    const place = s.mode === 'video' ? 'video' : `office:${s.officeId}`;
    if (places.has(place)) errors.push(fieldError(`sittings.${i}.officeId`, 'duplicate_entry'));
    places.add(place);
    for (const p of openingHoursProblems(s.hours))
      errors.push(fieldError(`sittings.${i}.hours.${p.index}.${p.field}`, p.problem));
  });
  // One consultant is in one place at a time: hours at two places may not overlap.
  const all = body.sittings.flatMap((s, i) => s.hours.map((h) => ({ ...h, i })));
  for (const p of openingHoursProblems(all))
    if (p.problem === 'overlapping_hours' && all[p.index].i !== all[p.overlaps].i)
      errors.push(fieldError(`sittings.${all[p.index].i}.hours`, 'overlapping_hours'));
  if (errors.length) throw new AppError('validation_failed', { fields: errors });

  await ctx.db.transaction(async (tx) => {
    await store.replaceSittings(
      tx,
      id,
      body.sittings.map((s) => ({
        consultantId: id,
        mode: s.mode,
        officeId: s.mode === 'office' ? s.officeId! : null,
        room: s.mode === 'office' ? s.room! : null,
        hours: s.hours,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'consultation.sittings.update',
      entityType: 'consultant',
      entityId: id,
      provinceId: c.provinceId,
      data: {
        sittings: body.sittings.map((s) => ({
          mode: s.mode,
          officeId: s.officeId ?? null,
          room: s.room ?? null,
          periods: s.hours.length,
        })),
      },
    });
  });
  return recordView(ctx, c);
}

export async function listFeeRanges(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor, 'consultation.registry.read');
  const rows = await store.feeRanges(ctx.db, filter);
  return {
    items: rows.map((r) => ({
      provinceId: r.range.provinceId,
      province: { fa: r.nameFa, en: r.nameEn },
      minRials: r.range.minRials,
      maxRials: r.range.maxRials,
      updatedAt: r.range.updatedAt.toISOString(),
    })),
  };
}

export async function setFeeRange(
  ctx: AppContext,
  actor: Actor,
  provinceId: number,
  body: { minRials: number; maxRials: number },
) {
  scopeFilter(actor, 'consultation.registry.manage');
  const province = await store.provinceName(ctx.db, provinceId);
  if (!province) throw new AppError('not_found');
  authorize(actor, 'consultation.registry.manage', { provinceId });
  if (body.minRials > body.maxRials) throw invalidField('minRials', 'min_above_max');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await store.upsertFeeRange(tx, { provinceId, ...body, updatedBy: actor.userId, updatedAt: now });
    await recordAudit(tx, actor, {
      action: 'consultation.fee-range.set',
      entityType: 'consultation_fee_range',
      entityId: provinceId,
      provinceId,
      data: body,
    });
  });
  return { provinceId, province, ...body, updatedAt: now.toISOString() };
}

// ---- booking ----

/** The office fee of the tariff in force for a consultation, when the schedule has a line for it (none in 1403). */
async function officeFee(db: Tx, day: string, channel: 'office' | 'online') {
  const schedule = scheduleInForce(await approvedSchedules(db), day);
  const line = schedule?.lines.find((l) => l.code === CONSULTATION_SERVICE);
  return { scheduleId: schedule?.id ?? null, line: line ?? null, amountRials: line ? channelFee(line, channel) : 0 };
}

/** The slot at `startsAt` for this consultant and place: free, taken by someone else, or not a slot at all. */
async function claimSlot(
  tx: Tx,
  c: store.ConsultantRow,
  sitting: store.SittingRow,
  startsAt: Date,
  now: Date,
  exceptId?: number,
) {
  const day = tehranIsoDate(startsAt);
  const today = tehranIsoDate(now);
  if (day < today || day > addDaysIso(today, BOOKING_HORIZON_DAYS)) throw new AppError('consultation_slot_unavailable');
  const request = await slotRequest(tx, c, sitting, day, 1, now, exceptId);
  const onGrid = freeSlots({ ...request, busy: [] }).find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (!onGrid) throw new AppError('consultation_slot_unavailable');
  if (!freeSlots(request).some((s) => s.startsAt.getTime() === startsAt.getTime()))
    throw new AppError('consultation_slot_taken');
  return onGrid;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++)
    if (e.code === '23505') return true;
  return false;
}

/** Writes that may meet the slot's unique indexes answer `consultation_slot_taken` when they do. */
async function slotGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('consultation_slot_taken');
    throw e;
  }
}

/** The SMS of a confirmed booking: the consultant, the Jalali day and Tehran time, and the place. */
async function queueConfirmationSms(tx: Tx, b: store.BookingRow, now: Date): Promise<number | null> {
  const p = await store.bookingParties(tx, [b]);
  const citizen = p.citizens.get(b.citizenId);
  const c = p.consultants.get(b.consultantId)!;
  if (!citizen || !isValidMobile(citizen.mobile)) return null;
  const office = b.officeId != null ? p.offices.get(b.officeId) : undefined;
  const place = office
    ? `${office.nameFa}، ${office.address}، اتاق مشاورهٔ ${toPersianDigits(String(b.room ?? 1))}`
    : 'تماس تصویری (پیوند در حساب کاربری شما)';
  return enqueueMessage(
    tx,
    {
      channel: 'sms',
      recipient: citizen.mobile,
      template: 'consultation.confirmed',
      provinceId: b.provinceId,
      body: `دفتر: نوبت مشاورهٔ حقوقی شما با ${nameOf(c)} قطعی شد. زمان: ${formatJalali(b.startsAt, 'fa', true)} به وقت تهران. محل: ${place}.`,
    },
    now,
  );
}

export async function book(ctx: AppContext, actor: Actor, body: BookBody, keyHeader: string | string[] | undefined) {
  if (!holds(actor, 'consultation.book')) throw new AppError('forbidden');
  const atCounter = actor.kind === 'staff';
  const counter = atCounter ? actingOffice(actor, 'consultation.book') : null;
  const citizenId = atCounter ? body.citizenId : actor.citizenId;
  if (citizenId == null) throw invalidField('citizenId', 'citizen_required');
  if (!atCounter && body.citizenId != null && body.citizenId !== actor.citizenId) throw new AppError('forbidden');
  const key = idempotencyKeyFrom(keyHeader, true)!;
  const outbox: number[] = [];
  const answer = await runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key, operation: 'consultation.book', request: body },
    async (tx) => {
      const now = ctx.clock.now();
      if (atCounter && !(await store.citizenExists(tx, citizenId))) throw invalidField('citizenId', 'invalid_value');
      // The consultant's row is the booking lock: bookings of one consultant queue behind each other.
      const c = await store.findConsultant(tx, body.consultantId, true);
      if (!c) throw new AppError('not_found');
      if (!bookable(c, tehranIsoDate(now))) throw new AppError('consultant_not_bookable');
      if (!c.fields.includes(body.field)) throw invalidField('field', 'field_not_offered');
      const sitting = await sittingFor({ db: tx }, c.id, body.mode, body.officeId);
      if (!sitting) throw invalidField(body.mode === 'office' ? 'officeId' : 'mode', 'invalid_value');
      await store.releaseStaleHolds(tx, c.id, now);
      const slot = await claimSlot(tx, c, sitting.sitting, new Date(body.startsAt), now);

      const channel = atCounter ? 'office' : 'online';
      const fee = await officeFee(tx, tehranIsoDate(now), channel);
      const total = c.feeRials + fee.amountRials;
      const provinceId = sitting.office?.provinceId ?? c.provinceId;
      const booking = await slotGuarded(() =>
        store.insertBooking(tx, {
          consultantId: c.id,
          citizenId,
          mode: body.mode,
          officeId: sitting.sitting.officeId,
          room: sitting.sitting.room,
          provinceId,
          field: body.field,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: total > 0 ? 'pending-payment' : 'confirmed',
          channel,
          bookedAtOfficeId: counter?.officeId ?? null,
          bookedBy: actor.userId,
          consultantFeeRials: c.feeRials,
          officeFeeRials: fee.amountRials,
          totalRials: total,
          scheduleId: fee.scheduleId,
          holdUntil: new Date(now.getTime() + 15 * 60_000),
          createdAt: now,
        }),
      );
      const lines = [
        {
          code: 'consultant-fee',
          titleFa: `حق‌المشاوره — ${nameOf(c)}`,
          titleEn: `Consultant's fee — ${nameOf(c)}`,
          quantity: 1,
          unitRials: c.feeRials,
          amountRials: c.feeRials,
          kind: 'office-fee' as const,
        },
        ...(fee.line && fee.amountRials > 0
          ? [
              {
                code: fee.line.code,
                titleFa: fee.line.titleFa,
                titleEn: fee.line.titleEn,
                quantity: 1,
                unitRials: fee.amountRials,
                amountRials: fee.amountRials,
                kind: 'office-fee' as const,
              },
            ]
          : []),
      ];
      let payment = { paymentId: 0, receiptNumber: '', redirectUrl: `/consultation/mine`, amountRials: 0 };
      if (total > 0) {
        const started = await startPaymentIn(
          ctx,
          tx,
          actor,
          {
            purpose: 'consultation',
            amountRials: total,
            lines,
            officeId: counter?.officeId ?? sitting.sitting.officeId,
            provinceId: counter?.provinceId ?? provinceId,
            channel,
            payerCitizenId: citizenId,
            returnPath: atCounter ? '/consultation/counter' : '/consultation/mine',
          },
          now,
        );
        // The slot is held exactly as long as the payment may still be credited.
        const holdUntil = await store.paymentExpiry(tx, started.paymentId);
        await store.updateBooking(tx, booking.id, { paymentId: started.paymentId, holdUntil });
        payment = { ...started, amountRials: total };
      } else {
        const sms = await queueConfirmationSms(tx, booking, now);
        if (sms != null) outbox.push(sms);
      }
      await recordAudit(tx, actor, {
        action: 'consultation.booking.create',
        entityType: 'consultation_booking',
        entityId: booking.id,
        provinceId,
        officeId: booking.officeId,
        data: {
          consultantId: c.id,
          citizenId,
          mode: body.mode,
          startsAt: slot.startsAt.toISOString(),
          totalRials: total,
          paymentId: payment.paymentId || null,
          channel,
        },
      });
      const view = await bookingView(tx, (await store.findBooking(tx, booking.id))!, now);
      return { status: 201, body: { booking: view, payment } };
    },
  );
  await dispatchMessages(ctx, outbox);
  return answer;
}

/** The handler of a credited consultation payment (`ctx.ports.onPaymentCredited.consultation`): the booking is confirmed and its SMS queued. */
export const creditConsultation: CreditHandler = async (tx, payment) => {
  const b = await store.bookingOfPayment(tx, payment.id);
  // A booking cancelled while its payer was at the bank stays cancelled; the money is the payment's to reverse.
  if (b?.status !== 'pending-payment') return [];
  await store.updateBooking(tx, b.id, { status: 'confirmed' });
  await recordAudit(
    tx,
    { userId: payment.createdBy },
    {
      action: 'consultation.booking.confirm',
      entityType: 'consultation_booking',
      entityId: b.id,
      provinceId: b.provinceId,
      officeId: b.officeId,
      data: { paymentId: payment.id, receiptNumber: payment.receiptNumber, amountRials: payment.amountRials },
    },
  );
  const sms = await queueConfirmationSms(tx, { ...b, status: 'confirmed' }, payment.paidAt);
  return sms != null ? [sms] : [];
};

/** Who may change a booking: its citizen, or the staff of the office it was booked at or is held at. */
function authorizeBooking(actor: Actor, b: store.BookingRow) {
  if (actor.kind === 'citizen') authorizeVisible(actor, 'consultation.book', { citizenId: b.citizenId });
  else if (
    ![b.bookedAtOfficeId, b.officeId].some((officeId) => officeId != null && canBook(actor, officeId, b.provinceId))
  )
    throw new AppError('not_found');
}

function canBook(actor: Actor, officeId: number, provinceId: number) {
  try {
    authorize(actor, 'consultation.book', { officeId, provinceId });
    return true;
  } catch {
    return false;
  }
}

export async function mine(ctx: AppContext, actor: Actor) {
  if (!holds(actor, 'consultation.mine') || actor.citizenId == null) throw new AppError('forbidden');
  return { items: await bookingViews(ctx.db, await store.bookingsOfCitizen(ctx.db, actor.citizenId), ctx.clock.now()) };
}

export async function cancel(ctx: AppContext, actor: Actor, id: number) {
  if (!holds(actor, 'consultation.book')) throw new AppError('forbidden');
  const found = await store.findBooking(ctx.db, id);
  if (!found) throw new AppError('not_found');
  authorizeBooking(actor, found);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const b = (await store.findBooking(tx, id, true))!;
    if (!['pending-payment', 'confirmed'].includes(b.status) || b.startsAt.getTime() <= now.getTime())
      throw new AppError('consultation_status_conflict', { extra: { bookingStatus: b.status } });
    const c = (await store.findConsultant(tx, b.consultantId))!;
    let refund = 0;
    if (b.status === 'confirmed' && b.paymentId != null) {
      refund = refundOnCancel(b.totalRials, b.startsAt, c.cutoffHours, now);
      if (refund > 0 && !(await refundPaymentIn(ctx, tx, actor, b.paymentId, now))) refund = 0;
    }
    await store.updateBooking(tx, id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: actor.userId,
      refundRials: refund,
    });
    await recordAudit(tx, actor, {
      action: 'consultation.booking.cancel',
      entityType: 'consultation_booking',
      entityId: id,
      provinceId: b.provinceId,
      officeId: b.officeId,
      data: { from: b.status, refundRials: refund, beforeCutoff: beforeCutoff(b.startsAt, c.cutoffHours, now) },
    });
    return (await store.findBooking(tx, id))!;
  });
  return bookingView(ctx.db, row, ctx.clock.now());
}

export async function reschedule(ctx: AppContext, actor: Actor, id: number, body: { startsAt: string }) {
  if (!holds(actor, 'consultation.book')) throw new AppError('forbidden');
  const found = await store.findBooking(ctx.db, id);
  if (!found) throw new AppError('not_found');
  authorizeBooking(actor, found);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const c = (await store.findConsultant(tx, found.consultantId, true))!;
    const b = (await store.findBooking(tx, id, true))!;
    if (b.status !== 'confirmed')
      throw new AppError('consultation_status_conflict', { extra: { bookingStatus: b.status } });
    if (!beforeCutoff(b.startsAt, c.cutoffHours, now)) throw new AppError('consultation_cutoff_passed');
    const sitting = await sittingFor({ db: tx }, c.id, b.mode, b.officeId);
    if (!sitting) throw new AppError('consultation_slot_unavailable');
    await store.releaseStaleHolds(tx, c.id, now);
    const slot = await claimSlot(tx, c, sitting.sitting, new Date(body.startsAt), now, b.id);
    await slotGuarded(() => store.updateBooking(tx, id, { startsAt: slot.startsAt, endsAt: slot.endsAt }));
    await recordAudit(tx, actor, {
      action: 'consultation.booking.reschedule',
      entityType: 'consultation_booking',
      entityId: id,
      provinceId: b.provinceId,
      officeId: b.officeId,
      data: { from: b.startsAt.toISOString(), to: slot.startsAt.toISOString() },
    });
    return (await store.findBooking(tx, id))!;
  });
  return bookingView(ctx.db, row, ctx.clock.now());
}

// ---- the session ----

async function ownConsultant(ctx: AppContext, actor: Actor) {
  if (!holds(actor, 'consultation.sessions')) throw new AppError('forbidden');
  const c = await store.consultantOfUser(ctx.db, actor.userId);
  if (!c) throw new AppError('not_found');
  return c;
}

export async function day(ctx: AppContext, actor: Actor, q: { date?: { iso: string } }) {
  const c = await ownConsultant(ctx, actor);
  const iso = q.date?.iso ?? tehranIsoDate(ctx.clock.now());
  // A Tehran day, from its midnight to the next (the offset of that day, summer hour included).
  const from = tehranInstant(iso, '00:00');
  const to = tehranInstant(addDaysIso(iso, 1), '00:00');
  const rows = await store.bookingsOfConsultant(ctx.db, c.id, from, to);
  return { date: jalali(iso), dateIso: iso, items: await bookingViews(ctx.db, rows, ctx.clock.now()) };
}

async function ownSession(ctx: AppContext, actor: Actor, id: number) {
  const c = await ownConsultant(ctx, actor);
  const b = await store.findBooking(ctx.db, id);
  if (!b || b.consultantId !== c.id) throw new AppError('not_found');
  return { c, b };
}

export async function writeNote(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { advice: string; documentsToBring: string; nextStep: 'none' | 'petition' | 'legal-notice' | 'arbitration' },
) {
  const { b } = await ownSession(ctx, actor, id);
  if (!['confirmed', 'held'].includes(b.status))
    throw new AppError('consultation_status_conflict', { extra: { bookingStatus: b.status } });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await store.updateBooking(tx, id, {
      advice: body.advice,
      documentsToBring: body.documentsToBring,
      nextStep: body.nextStep,
      noteWrittenAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'consultation.booking.note',
      entityType: 'consultation_booking',
      entityId: id,
      provinceId: b.provinceId,
      officeId: b.officeId,
      data: { nextStep: body.nextStep },
    });
  });
  return bookingView(ctx.db, (await store.findBooking(ctx.db, id))!, ctx.clock.now());
}

export async function attendance(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { outcome: 'held' | 'citizen-no-show' | 'consultant-no-show' },
) {
  if (!holds(actor, 'consultation.attendance')) throw new AppError('forbidden');
  let b: store.BookingRow | null;
  if (actor.kind === 'citizen') {
    b = await store.findBooking(ctx.db, id);
    if (!b || b.citizenId !== actor.citizenId) throw new AppError('not_found');
    // The citizen says only that the consultant did not come.
    if (body.outcome !== 'consultant-no-show') throw invalidField('outcome', 'invalid_value');
  } else {
    b = (await ownSession(ctx, actor, id)).b;
    if (body.outcome === 'consultant-no-show') throw invalidField('outcome', 'invalid_value');
  }
  const now = ctx.clock.now();
  if (b.status !== 'confirmed' || b.startsAt.getTime() > now.getTime())
    throw new AppError('consultation_status_conflict', { extra: { bookingStatus: b.status } });
  const row = b;
  await ctx.db.transaction(async (tx) => {
    await store.updateBooking(tx, id, { status: body.outcome });
    await recordAudit(tx, actor, {
      action: 'consultation.booking.attendance',
      entityType: 'consultation_booking',
      entityId: id,
      provinceId: row.provinceId,
      officeId: row.officeId,
      data: { outcome: body.outcome },
    });
  });
  return bookingView(ctx.db, (await store.findBooking(ctx.db, id))!, ctx.clock.now());
}

export async function rate(ctx: AppContext, actor: Actor, id: number, body: { stars: number; text?: string }) {
  if (!holds(actor, 'consultation.mine')) throw new AppError('forbidden');
  const b = await store.findBooking(ctx.db, id);
  if (!b || b.citizenId !== actor.citizenId) throw new AppError('not_found');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = (await store.findBooking(tx, id, true))!;
    if (locked.status !== 'held')
      throw new AppError('consultation_status_conflict', { extra: { bookingStatus: locked.status } });
    if (locked.rating != null) throw new AppError('consultation_already_rated');
    await store.updateBooking(tx, id, { rating: body.stars, ratingText: body.text || null, ratedAt: now });
    await recordAudit(tx, actor, {
      action: 'consultation.booking.rate',
      entityType: 'consultation_booking',
      entityId: id,
      provinceId: b.provinceId,
      officeId: b.officeId,
      data: { stars: body.stars },
    });
  });
  return bookingView(ctx.db, (await store.findBooking(ctx.db, id))!, ctx.clock.now());
}
