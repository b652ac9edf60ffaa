/**
 * Applications to open an office: filed by the founder online (their identity from their own
 * account) or by the province's association for them; reviewed by the province's association;
 * decided by the regulator, whose approval licenses the office in the same transaction.
 */
import { STANDARD_WEEK } from '#core/office-hours';
import {
  decisionOutcome,
  founderQualificationProblems,
  isInsideIran,
  nextOfficeCode,
  officeCodePrefix,
  reviewOutcome,
} from '#core/office-licensing';
import { tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import * as apps from './application-store';
import type { OfficeApplicationInput } from './schemas';
import { insertStatusEvent } from './store';

function person(first: string | null, last: string | null) {
  return first ? `${first} ${last}` : null;
}

function toApplication(r: apps.ApplicationRow) {
  const a = r.app;
  return {
    id: a.id,
    status: a.status,
    founder: {
      nationalId: a.founderNationalId,
      firstName: a.founderFirstName,
      lastName: a.founderLastName,
      mobile: a.founderMobile,
    },
    degreeLevel: a.degreeLevel,
    degreeField: a.degreeField,
    university: a.university,
    graduationYear: a.graduationYear,
    experienceYears: a.experienceYears,
    proposedNameFa: a.proposedNameFa,
    province: { id: a.provinceId, name: { fa: r.provinceFa, en: r.provinceEn } },
    city: { id: a.cityId, name: { fa: r.cityFa, en: r.cityEn } },
    address: a.address,
    location: a.lat != null && a.lon != null ? { lat: a.lat, lon: a.lon } : null,
    plannedCounters: a.plannedCounters,
    plannedHearingBooths: a.plannedHearingBooths,
    filedByFounder: r.submitterNationalId === a.founderNationalId,
    review: a.reviewedAt
      ? { by: person(r.reviewerFirst, r.reviewerLast), at: a.reviewedAt.toISOString(), note: a.reviewNote }
      : null,
    decision: a.decidedAt
      ? { by: person(r.deciderFirst, r.deciderLast), at: a.decidedAt.toISOString(), note: a.decisionNote }
      : null,
    office: a.officeId != null && r.officeCode ? { id: a.officeId, code: r.officeCode } : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** The citizen's national ID, for "their own" applications (filed by them, or naming them as founder). */
async function ownNationalId(ctx: AppContext, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'citizen') return null;
  return (await apps.accountHolder(ctx.db, actor.userId))?.nationalId ?? null;
}

/** Who an application belongs to, as far as access is concerned. */
function scopeOf(a: apps.ApplicationRecord, actor: Actor, ownId: string | null) {
  const founderIsCaller = ownId != null && a.founderNationalId === ownId;
  return { provinceId: a.provinceId, userId: founderIsCaller ? actor.userId : a.submittedBy };
}

/** Loads an application the caller may see; one they may not see is simply not found. */
async function readable(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'office-applications.read');
  const row = await apps.findApplication(ctx.db, id);
  if (!row || !can(actor, 'office-applications.read', scopeOf(row.app, actor, await ownNationalId(ctx, actor))))
    throw new AppError('not_found');
  return row;
}

export async function getApplication(ctx: AppContext, actor: Actor, id: number) {
  return toApplication(await readable(ctx, actor, id));
}

export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  search: { status?: string; provinceId?: number; page: number; pageSize: number },
) {
  const filter = scopeFilter(actor, 'office-applications.read');
  // Asking for a province outside one's scope is refused, not answered empty.
  if (search.provinceId && !filter.all && !filter.provinceIds.includes(search.provinceId))
    throw new AppError('forbidden');
  const { rows, total } = await apps.searchApplications(ctx.db, filter, await ownNationalId(ctx, actor), search);
  return { items: rows.map(toApplication), total, page: search.page, pageSize: search.pageSize };
}

/** Every field problem of an application, all at once so the form can show them together. */
async function applicationProblems(ctx: AppContext, input: OfficeApplicationInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const problem of founderQualificationProblems({ level: input.degreeLevel, field: input.degreeField })) {
    errors.push(
      problem === 'degree_level_too_low'
        ? fieldError('degreeLevel', 'founder_degree_level')
        : fieldError('degreeField', 'founder_degree_field'),
    );
  }
  if (!(await apps.provinceExists(ctx.db, input.provinceId))) errors.push(fieldError('provinceId', 'invalid_value'));
  else {
    const city = await apps.cityOf(ctx.db, input.cityId);
    if (!city) errors.push(fieldError('cityId', 'invalid_value'));
    else if (city.provinceId !== input.provinceId) errors.push(fieldError('cityId', 'city_not_in_province'));
  }
  if (!isInsideIran(input.location)) errors.push(fieldError('location', 'outside_iran'));
  return errors;
}

export async function submitApplication(ctx: AppContext, actor: Actor, input: OfficeApplicationInput) {
  const asFounder = actor.kind === 'citizen';
  authorize(
    actor,
    'office-applications.submit',
    asFounder ? { userId: actor.userId, citizenId: actor.citizenId } : { provinceId: input.provinceId },
  );
  let founder: { nationalId: string; firstName: string; lastName: string; mobile: string; birthDate: string | null };
  if (asFounder) {
    if (input.founder) throw invalidField('founder', 'founder_from_account');
    const me = await apps.accountHolder(ctx.db, actor.userId);
    if (!me?.nationalId || !me.mobile) throw new AppError('forbidden');
    founder = {
      nationalId: me.nationalId,
      firstName: me.firstName,
      lastName: me.lastName,
      mobile: me.mobile,
      birthDate: me.birthDate,
    };
  } else {
    if (!input.founder) throw invalidField('founder', 'founder_required');
    founder = { ...input.founder, birthDate: input.founder.birthDate?.iso ?? null };
  }
  const errors = await applicationProblems(ctx, input);
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  const city = (await apps.cityOf(ctx.db, input.cityId))!;

  const id = await ctx.db.transaction(async (tx) => {
    // One application in progress per founder: serialise filings for the same national ID.
    await tx.execute(`select pg_advisory_xact_lock(7240101, hashtext('${founder.nationalId.replace(/\D/g, '')}'))`);
    const open = await apps.openApplicationOf(tx, founder.nationalId);
    if (open) throw new AppError('office_application_open', { extra: { applicationId: open.id } });
    const newId = await apps.insertApplication(tx, {
      submittedBy: actor.userId,
      founderNationalId: founder.nationalId,
      founderFirstName: founder.firstName,
      founderLastName: founder.lastName,
      founderMobile: founder.mobile,
      founderBirthDate: founder.birthDate,
      degreeLevel: input.degreeLevel,
      degreeField: input.degreeField,
      university: input.university,
      graduationYear: input.graduationYear,
      experienceYears: input.experienceYears,
      proposedNameFa: input.proposedNameFa,
      provinceId: input.provinceId,
      countyId: city.countyId,
      cityId: input.cityId,
      address: input.address,
      lat: input.location.lat,
      lon: input.location.lon,
      plannedCounters: input.plannedCounters,
      plannedHearingBooths: input.plannedHearingBooths,
    });
    await recordAudit(tx, actor, {
      action: 'office-application.submit',
      entityType: 'office_application',
      entityId: newId,
      provinceId: input.provinceId,
      data: { founderNationalId: founder.nationalId, proposedNameFa: input.proposedNameFa, filedByFounder: asFounder },
    });
    return newId;
  });
  return getApplication(ctx, actor, id);
}

/** The province's association recommends the application to the regulator, or not. */
export async function reviewApplication(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { recommend: boolean; note?: string },
) {
  const current = await readable(ctx, actor, id);
  authorize(actor, 'office-applications.review', { provinceId: current.app.provinceId });
  await ctx.db.transaction(async (tx) => {
    const app = await apps.lockApplication(tx, id);
    const next = app && reviewOutcome(app.status, input.recommend);
    if (!app || !next) throw new AppError('application_status_conflict', { extra: { applicationStatus: app?.status } });
    // Whoever filed for a founder does not also vouch for them.
    if (app.submittedBy === actor.userId) throw new AppError('own_decision_not_allowed');
    await apps.updateApplication(tx, id, {
      status: next,
      reviewedBy: actor.userId,
      reviewedAt: ctx.clock.now(),
      reviewNote: input.note || null,
    });
    await recordAudit(tx, actor, {
      action: 'office-application.review',
      entityType: 'office_application',
      entityId: id,
      provinceId: app.provinceId,
      data: { from: app.status, to: next, note: input.note ?? null },
    });
  });
  return getApplication(ctx, actor, id);
}

/**
 * The regulator's decision. An approval licenses the office: the next licence number of the
 * province's series, the proposed name, place and capacity, status active from today with its
 * first status event, and an SMS to the founder — all or nothing.
 */
export async function decideApplication(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { approve: boolean; note?: string },
) {
  const current = await readable(ctx, actor, id);
  authorize(actor, 'office-applications.decide', { provinceId: current.app.provinceId });
  await ctx.db.transaction(async (tx) => {
    const app = await apps.lockApplication(tx, id);
    const next = app && decisionOutcome(app.status, input.approve);
    if (!app || !next) throw new AppError('application_status_conflict', { extra: { applicationStatus: app?.status } });
    if (app.submittedBy === actor.userId) throw new AppError('own_decision_not_allowed');
    const now = ctx.clock.now();
    const today = tehranIsoDate(now);
    let office: { id: number; code: string } | null = null;
    if (next === 'approved') {
      // Licence numbers of a province are issued one at a time.
      await tx.execute(`select pg_advisory_xact_lock(7240102, ${app.provinceId})`);
      const prefix = officeCodePrefix(app.provinceId);
      const code = nextOfficeCode(app.provinceId, await apps.codesWithPrefix(tx, prefix));
      office = await apps.insertOffice(tx, {
        code,
        nameFa: app.proposedNameFa,
        nameEn: `Judicial e-services office ${code}`,
        provinceId: app.provinceId,
        countyId: app.countyId,
        cityId: app.cityId,
        address: app.address,
        lat: app.lat,
        lon: app.lon,
        status: 'active',
        openedOn: today,
        openingHours: STANDARD_WEEK,
        counters: app.plannedCounters,
        hearingBooths: app.plannedHearingBooths,
        applicationId: app.id,
      });
      await insertStatusEvent(tx, {
        officeId: office.id,
        status: 'active',
        fromDate: today,
        reason: 'صدور پروانهٔ دفتر — office licensed',
        decidedBy: actor.userId,
      });
      await enqueueMessage(
        tx,
        {
          channel: 'sms',
          recipient: app.founderMobile,
          template: 'office-application.approved',
          provinceId: app.provinceId,
          body: `دفتر: درخواست تأسیس دفتر «${app.proposedNameFa}» تصویب شد. شمارهٔ پروانهٔ دفتر: ${code}.`,
        },
        now,
      );
    } else {
      await enqueueMessage(
        tx,
        {
          channel: 'sms',
          recipient: app.founderMobile,
          template: 'office-application.rejected',
          provinceId: app.provinceId,
          body: `دفتر: درخواست تأسیس دفتر «${app.proposedNameFa}» (شمارهٔ ${app.id}) پذیرفته نشد. جزئیات در سامانه.`,
        },
        now,
      );
    }
    await apps.updateApplication(tx, id, {
      status: next,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: input.note || null,
      officeId: office?.id ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'office-application.decide',
      entityType: 'office_application',
      entityId: id,
      provinceId: app.provinceId,
      officeId: office?.id ?? null,
      data: { from: app.status, to: next, note: input.note ?? null, officeCode: office?.code ?? null },
    });
  });
  return getApplication(ctx, actor, id);
}
