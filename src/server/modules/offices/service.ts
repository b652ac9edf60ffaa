/**
 * The office record: the public directory (what each office offers today), the profile its
 * manager or association keeps, and its status over time as the regulator decides it.
 */
import { tehranIsoDate } from '#core/jalali';
import { openingHoursProblems, sortedOpeningHours } from '#core/office-hours';
import { isInsideIran } from '#core/office-licensing';
import { competencyInForce, officeStatusChangeProblem } from '#core/office-status';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, authorizeVisible, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import type { OfficeProfileInput, OfficeStatusInput } from './schemas';
import * as store from './store';

// ---- The public directory ----

export async function searchDirectory(
  ctx: AppContext,
  search: { provinceId?: number; q?: string; service?: string; page: number; pageSize: number },
) {
  const day = tehranIsoDate(ctx.clock.now());
  const { rows, total } = await store.searchOffices(ctx.db, search, day);
  const services = await store.servicesInForce(
    ctx.db,
    rows.map((r) => r.office.id),
    day,
  );
  return {
    items: rows.map((r) => store.toOffice(r, services.get(r.office.id) ?? [])),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

async function publicOffice(ctx: AppContext, id: number) {
  const row = await store.findOffice(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const services = await store.servicesInForce(ctx.db, [id], tehranIsoDate(ctx.clock.now()));
  return { row, office: store.toOffice(row, services.get(id) ?? []) };
}

export async function getOffice(ctx: AppContext, id: number) {
  return (await publicOffice(ctx, id)).office;
}

// ---- The office's record, for those who keep or oversee it ----

export async function officeHistory(ctx: AppContext, actor: Actor, id: number) {
  const { row, office } = await publicOffice(ctx, id);
  authorizeVisible(actor, 'offices.history', { officeId: id, provinceId: row.office.provinceId });
  const today = tehranIsoDate(ctx.clock.now());
  const competencies = (await store.competenciesOf(ctx.db, id)).map(({ competency: c, titleFa, titleEn }) => ({
    serviceCode: c.serviceCode,
    service: { fa: titleFa, en: titleEn },
    status: c.status,
    validFrom: store.jalaliOf(c.validFrom),
    validUntil: c.validUntil ? store.jalaliOf(c.validUntil) : null,
    pilot: c.pilot,
    reason: c.reason,
    inForce: competencyInForce(c, today),
  }));
  return {
    office,
    openedOn: row.office.openedOn ? store.jalaliOf(row.office.openedOn) : null,
    applicationId: row.office.applicationId,
    statusEvents: await store.statusEventsOf(ctx.db, id),
    competencies,
  };
}

function profileProblems(input: OfficeProfileInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.location && !isInsideIran(input.location)) errors.push(fieldError('location', 'outside_iran'));
  for (const p of openingHoursProblems(input.openingHours)) {
    const code =
      p.problem === 'overlapping_hours'
        ? 'overlapping_hours'
        : p.problem === 'closes_before_opens'
          ? 'closes_before_opens'
          : p.problem === 'invalid_day'
            ? 'invalid_day'
            : 'invalid_time';
    errors.push(fieldError(`openingHours.${p.index}.${p.field}`, code));
  }
  return errors;
}

export async function updateProfile(ctx: AppContext, actor: Actor, id: number, input: OfficeProfileInput) {
  scopeFilter(actor, 'offices.profile.edit');
  const found = await store.findOffice(ctx.db, id);
  if (!found) throw new AppError('not_found');
  authorize(actor, 'offices.profile.edit', { officeId: id, provinceId: found.office.provinceId });
  const errors = profileProblems(input);
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  await ctx.db.transaction(async (tx) => {
    const office = await store.lockOffice(tx, id);
    if (!office) throw new AppError('not_found');
    // A closed office's record is history; it is no longer kept up to date.
    if (office.status === 'closed')
      throw new AppError('office_status_conflict', { extra: { officeStatus: office.status } });
    const set = {
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      address: input.address,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      openingHours: sortedOpeningHours(input.openingHours),
      counters: input.counters,
      hearingBooths: input.hearingBooths,
    };
    await store.updateOffice(tx, id, set);
    await recordAudit(tx, actor, {
      action: 'office.profile.update',
      entityType: 'office',
      entityId: id,
      provinceId: office.provinceId,
      officeId: id,
      data: {
        address: set.address,
        counters: set.counters,
        hearingBooths: set.hearingBooths,
        openingHours: set.openingHours,
      },
    });
  });
  return getOffice(ctx, id);
}

/** The regulator suspends, reinstates or closes an office; the current status and its history move together. */
export async function changeStatus(ctx: AppContext, actor: Actor, id: number, input: OfficeStatusInput) {
  scopeFilter(actor, 'offices.status.manage');
  const found = await store.findOffice(ctx.db, id);
  if (!found) throw new AppError('not_found');
  authorize(actor, 'offices.status.manage', { officeId: id, provinceId: found.office.provinceId });
  const today = tehranIsoDate(ctx.clock.now());
  const errors: FieldError[] = [];
  // The status applies at once: a change cannot be dated ahead of today.
  if (input.fromDate.iso > today) errors.push(fieldError('fromDate', 'date_in_future'));
  if (input.untilDate && input.status !== 'suspended') errors.push(fieldError('untilDate', 'invalid_value'));
  else if (input.untilDate && input.untilDate.iso < input.fromDate.iso)
    errors.push(fieldError('untilDate', 'date_before_start'));
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  await ctx.db.transaction(async (tx) => {
    const office = await store.lockOffice(tx, id);
    if (!office) throw new AppError('not_found');
    const problem = officeStatusChangeProblem(office.status, input.status, input.reason);
    if (problem === 'status_conflict')
      throw new AppError('office_status_conflict', { extra: { officeStatus: office.status } });
    if (problem === 'reason_required') throw invalidField('reason', 'reason_required');
    await store.updateOffice(tx, id, { status: input.status });
    const event = await store.insertStatusEvent(tx, {
      officeId: id,
      status: input.status,
      reason: input.reason || null,
      fromDate: input.fromDate.iso,
      untilDate: input.untilDate?.iso ?? null,
      decidedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'office.status.change',
      entityType: 'office',
      entityId: id,
      provinceId: office.provinceId,
      officeId: id,
      data: {
        from: office.status,
        to: input.status,
        reason: input.reason ?? null,
        fromDate: input.fromDate.iso,
        untilDate: input.untilDate?.iso ?? null,
        eventId: event.id,
      },
    });
  });
  return officeHistory(ctx, actor, id);
}
