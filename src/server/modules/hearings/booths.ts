/**
 * Office booths for video hearings: a participant attending from an office books a booth there
 * (or the clerk assigns one), the office keeps a daily calendar of its booths, and on the day its
 * operator checks the participant in — national ID and the code on their summons — before
 * admitting them to the booth's device. A refused check-in is audited as the admitted one is: the
 * court relies on the check-in the way it relies on a notice's delivery.
 */
import { timingSafeEqual } from 'node:crypto';
import { freeBooth } from '#core/hearing-booths';
import { hearingEnded } from '#core/hearing-state';
import { addDaysIso } from '#core/jalali';
import { haversineKm } from '#core/siting/distance';
import type { Actor } from '#server/platform/auth/actor';
import { authorizeVisible, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { assignBooth, hostsHearings } from './booth-assign';
import { latestBoothChecks } from './booth-checks';
import { hearingFor, officesAndOperators, view } from './service';
import * as store from './store';

const endOf = (h: { startsAt: Date; durationMinutes: number }) =>
  new Date(h.startsAt.getTime() + h.durationMinutes * 60_000);
/** Midnight in Tehran (+03:30) of an ISO day. */
const tehranMidnight = (iso: string) => new Date(`${iso}T00:00:00+03:30`);

/** Offices a participant may attend this hearing from, nearest first when the caller says where they are. */
export async function boothOffices(ctx: AppContext, actor: Actor, id: number, from: { lat?: number; lon?: number }) {
  scopeFilter(actor, 'hearings.read');
  const { found } = await hearingFor(ctx.db, actor, id);
  const h = found.hearing;
  const window = { startsAt: h.startsAt, endsAt: endOf(h) };
  const offices = await store.boothOffices(ctx.db);
  const taken = await store.boothBookings(
    ctx.db,
    offices.map((o) => o.id),
    window.startsAt,
    window.endsAt,
  );
  const here = from.lat != null && from.lon != null ? { lat: from.lat, lon: from.lon } : null;
  const items = offices.map((o) => {
    const distanceKm =
      here && o.lat != null && o.lon != null
        ? Math.round(haversineKm(here, { lat: o.lat, lon: o.lon }) * 10) / 10
        : null;
    return {
      id: o.id,
      code: o.code,
      name: { fa: o.nameFa, en: o.nameEn },
      address: o.address,
      booths: o.hearingBooths,
      free:
        freeBooth(
          o.hearingBooths,
          taken.filter((b) => b.officeId === o.id),
          window,
        ) != null,
      distanceKm,
    };
  });
  if (here) items.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.id - b.id);
  return { items: items.slice(0, 50) };
}

/** Book a booth at an office for a participant: the participant themself, or the clerk of the hearing's court. */
export async function bookBooth(ctx: AppContext, actor: Actor, id: number, participantId: number, officeId: number) {
  scopeFilter(actor, 'hearings.book-booth');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { found, participants, seat } = await hearingFor(tx, actor, id, true);
    const p = participants.find((q) => q.id === participantId);
    if (!p) throw new AppError('not_found');
    const clerk = seat.kind === 'clerk' && can(actor, 'hearings.book-booth', { courtId: found.hearing.courtId });
    const self = seat.kind === 'participant' && seat.participantId === participantId;
    if (!clerk && !self) throw new AppError(seat.kind === 'participant' ? 'not_found' : 'forbidden');
    if (hearingEnded(found.hearing.state)) throw new AppError('hearing_ended');
    const h = found.hearing;
    const booth = await assignBooth(tx, officeId, { startsAt: h.startsAt, endsAt: endOf(h) }, p.id);
    if (booth.problem) throw new AppError('validation_failed', { fields: [fieldError('officeId', booth.problem)] });
    const moved = p.officeId !== officeId;
    await store.updateParticipant(tx, p.id, {
      mode: 'office',
      officeId,
      boothNo: booth.boothNo,
      boothBookedBy: actor.userId,
      // A new office checks them in afresh.
      ...(moved ? { checkedInAt: null, checkedInBy: null } : {}),
    });
    await recordAudit(tx, actor, {
      action: 'hearings.book-booth',
      entityType: 'hearing',
      entityId: id,
      provinceId: h.provinceId,
      officeId,
      data: { participantId: p.id, citizenId: p.citizenId, officeId, boothNo: booth.boothNo, by: seat.kind, at: now },
    });
    const updated = (await store.findHearing(tx, id))!;
    return view(tx, updated, seat);
  });
}

/** An office's booths on a Tehran day: each booking with its hearing, participant and check-in. */
export async function boothCalendar(ctx: AppContext, actor: Actor, officeId: number, day: string) {
  scopeFilter(actor, 'hearings.booths');
  const [office] = await store.officesByIds(ctx.db, [officeId]);
  if (!office) throw new AppError('not_found');
  authorizeVisible(actor, 'hearings.booths', { officeId, provinceId: office.provinceId });
  const rows = await store.boothCalendar(ctx.db, officeId, tehranMidnight(day), tehranMidnight(addDaysIso(day, 1)));
  const where = await officesAndOperators(
    ctx.db,
    rows.map((r) => r.participant),
  );
  const checks = await latestBoothChecks(ctx.db, [officeId], day);
  return {
    office: { id: office.id, code: office.code, name: { fa: office.nameFa, en: office.nameEn } },
    date: day,
    booths: office.hearingBooths,
    bookings: rows.map((r) => ({
      boothNo: r.participant.boothNo!,
      startsAt: r.startsAt.toISOString(),
      endsAt: endOf(r).toISOString(),
      hearingId: r.hearingId,
      hearingState: r.hearingState,
      caseNumber: r.caseNumber,
      participantId: r.participant.id,
      name: r.participant.name,
      role: r.participant.role,
      checkIn: where.checkIn(r.participant),
    })),
    checks: [...checks.values()].filter((c) => c.boothNo <= office.hearingBooths).sort((a, b) => a.boothNo - b.boothNo),
  };
}

function sameText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The operator of the participant's office checks their national ID and the code on their summons
 * and admits them to the booth. A mismatch is refused, and the refusal is audited in a transaction
 * of its own, so it stays recorded although nothing else changes.
 */
export async function checkIn(
  ctx: AppContext,
  actor: Actor,
  id: number,
  participantId: number,
  body: { nationalId: string; code: string },
) {
  scopeFilter(actor, 'hearings.check-in');
  const now = ctx.clock.now();
  const refused = await ctx.db.transaction(async (tx) => {
    const found = await store.findHearing(tx, id, true);
    if (!found) throw new AppError('not_found');
    const participants = await store.participantsOf(tx, id);
    const p = participants.find((q) => q.id === participantId);
    // Only an operator of the office the participant attends from sees them; to anyone else they do not exist.
    if (!p || p.officeId == null || !can(actor, 'hearings.check-in', { officeId: p.officeId }))
      throw new AppError('not_found');
    const [office] = await store.officesByIds(tx, [p.officeId]);
    if (p.mode !== 'office' || p.boothNo == null || !office || !hostsHearings(office))
      throw new AppError('not_at_this_office');
    if (hearingEnded(found.hearing.state)) throw new AppError('hearing_ended');
    const nationalId = await store.citizenNationalId(tx, p.citizenId);
    const matches = nationalId === body.nationalId && p.checkInCode != null && sameText(p.checkInCode, body.code);
    const audit = {
      entityType: 'hearing',
      entityId: id,
      provinceId: found.hearing.provinceId,
      officeId: p.officeId,
    } as const;
    if (!matches) {
      await recordAudit(tx, actor, {
        action: 'hearings.check-in-refused',
        ...audit,
        data: {
          participantId: p.id,
          citizenId: p.citizenId,
          nationalIdMatched: nationalId === body.nationalId,
          codeMatched: p.checkInCode != null && sameText(p.checkInCode, body.code),
          at: now.toISOString(),
        },
      });
      return true;
    }
    await store.updateParticipant(tx, p.id, { checkedInAt: now, checkedInBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'hearings.check-in',
      ...audit,
      data: { participantId: p.id, citizenId: p.citizenId, boothNo: p.boothNo, at: now.toISOString() },
    });
    return false;
  });
  if (refused) throw new AppError('check_in_mismatch');
  const participants = await store.participantsOf(ctx.db, id);
  const p = participants.find((q) => q.id === participantId)!;
  const where = await officesAndOperators(ctx.db, [p]);
  return { participantId: p.id, name: p.name, role: p.role, boothNo: p.boothNo!, checkIn: where.checkIn(p)! };
}
