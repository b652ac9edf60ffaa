/**
 * Activity licences: issued by the province's association when the person's training covers the
 * services and the office is competent for them; renewed with continuing-education hours;
 * suspended, reinstated or revoked by the association or the regulator with a reason. Every
 * decision writes the licence's history, the audit chain and an SMS to the holder, in one
 * transaction.
 */
import {
  CE_HOURS_FOR_RENEWAL,
  daysBetween,
  effectiveStatus,
  expiryForIssue,
  isSuspendedOn,
  licenceNumber,
  nextLicenceSequence,
  renewedExpiry,
} from '#core/licensing';
import { formatJalali, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, holds, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AuditAction } from '#server/platform/audit/actions';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import type { Executor } from '#server/db/transaction';
import { continuingEducationHours, qualificationsOf } from '#server/modules/operators/training/qualifications';
import type { IssueLicenceInput, LicenceListQuery, SuspendInput } from './schemas';
import * as store from './store';

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

type Names = Map<string, { nameFa: string; nameEn: string }>;

function toLicence(row: store.LicenceRow, names: Names, day: string) {
  return {
    id: row.id,
    number: row.number,
    holder: {
      id: row.userId,
      firstName: row.firstName,
      lastName: row.lastName,
      nationalId: row.nationalId,
      username: row.username,
    },
    office: {
      id: row.officeId,
      code: row.officeCode,
      nameFa: row.officeNameFa,
      nameEn: row.officeNameEn,
      provinceId: row.provinceId,
    },
    services: row.serviceCodes.map((code) => ({
      code,
      nameFa: names.get(code)?.nameFa ?? code,
      nameEn: names.get(code)?.nameEn ?? code,
    })),
    status: row.status,
    effectiveStatus: effectiveStatus(row, day),
    issuedOn: row.issuedOn,
    issuedOnJalali: jalali(row.issuedOn),
    expiresOn: row.expiresOn,
    expiresOnJalali: jalali(row.expiresOn),
    daysLeft: daysBetween(day, row.expiresOn),
    statusReason: row.statusReason,
    suspendedUntil: row.suspendedUntil,
    suspendedUntilJalali: row.suspendedUntil ? jalali(row.suspendedUntil) : null,
  };
}

export async function listLicences(ctx: AppContext, actor: Actor, q: LicenceListQuery) {
  const filter = scopeFilter(actor, 'licences.read');
  // Asking for an office or province outside one's scope is refused, not answered empty.
  if (q.officeId) {
    const office = await store.findOffice(ctx.db, q.officeId);
    if (!office) throw invalidField('officeId', 'office_not_found');
    authorize(actor, 'licences.read', { officeId: office.id, provinceId: office.provinceId });
  }
  if (q.provinceId) authorize(actor, 'licences.read', { provinceId: q.provinceId });
  const day = tehranIsoDate(ctx.clock.now());
  const [{ rows, total }, names] = await Promise.all([
    store.searchLicences(ctx.db, filter, q, day),
    store.serviceNames(ctx.db),
  ]);
  return { items: rows.map((r) => toLicence(r, names, day)), total, page: q.page, pageSize: q.pageSize };
}

/** A licence the actor may read (in their scope, or their own); another's is not revealed. */
async function readable(db: Executor, actor: Actor, id: number) {
  const ownOnly = !holds(actor, 'licences.read');
  if (ownOnly && !holds(actor, 'licences.read-own')) throw new AppError('forbidden');
  const row = await store.findLicence(db, id);
  const own = row != null && row.userId === actor.userId && holds(actor, 'licences.read-own');
  if (!row || !(own || can(actor, 'licences.read', { officeId: row.officeId, provinceId: row.provinceId })))
    throw new AppError('not_found');
  return row;
}

/**
 * The caller's own licences, at whatever office, with the continuing-education hours each has
 * gathered towards its renewal (counted as the renewal counts them: since its issue or last renewal).
 */
export async function ownLicences(ctx: AppContext, actor: Actor) {
  if (!holds(actor, 'licences.read-own')) throw new AppError('forbidden');
  const day = tehranIsoDate(ctx.clock.now());
  const [rows, names] = await Promise.all([store.licencesOfUser(ctx.db, actor.userId), store.serviceNames(ctx.db)]);
  const items = await Promise.all(
    rows.map(async (row) => {
      const since = await store.lastIssueOrRenewalDay(ctx.db, row);
      const hours = await continuingEducationHours(ctx.db, row.userId, since);
      return {
        ...toLicence(row, names, day),
        continuingEducation: { hours, requiredHours: CE_HOURS_FOR_RENEWAL, since, sinceJalali: jalali(since) },
      };
    }),
  );
  return { items };
}

async function detail(db: Executor, row: store.LicenceRow, day: string) {
  const [names, events] = await Promise.all([store.serviceNames(db), store.eventsOf(db, row.id)]);
  return {
    licence: toLicence(row, names, day),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as never,
      reason: e.reason,
      data: e.data,
      actor: e.actorId == null ? null : { id: e.actorId, name: e.actorName ?? '' },
      at: new Date(e.at).toISOString(),
    })),
  };
}

export async function getLicence(ctx: AppContext, actor: Actor, id: number) {
  return detail(ctx.db, await readable(ctx.db, actor, id), tehranIsoDate(ctx.clock.now()));
}

// ---- eligibility ----

export async function eligibility(ctx: AppContext, actor: Actor, userId: number, officeId: number) {
  const office = await store.findOffice(ctx.db, officeId);
  if (!office) throw invalidField('officeId', 'office_not_found');
  const scope = { officeId: office.id, provinceId: office.provinceId };
  if (!can(actor, 'licences.issue', scope) && !can(actor, 'licences.read', scope)) throw new AppError('forbidden');
  const person = await store.findStaff(ctx.db, userId);
  if (!person) throw new AppError('not_found');
  const day = tehranIsoDate(ctx.clock.now());
  const [courses, competent, works, current, names] = await Promise.all([
    qualificationsOf(ctx.db, userId),
    store.competentServiceCodes(ctx.db, officeId, day),
    store.worksAtOffice(ctx.db, userId, officeId),
    store.currentLicenceAt(ctx.db, userId, officeId, day),
    store.serviceNames(ctx.db),
  ]);
  const qualified = [...new Set(courses.filter((c) => c.qualified).flatMap((c) => c.serviceCodes))].sort();
  const all = [...new Set([...competent, ...qualified])].sort();
  return {
    person: {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      nationalId: person.nationalId,
      username: person.username,
    },
    office,
    worksAtOffice: works,
    qualifiedServiceCodes: qualified,
    competentServiceCodes: competent,
    services: all.map((code) => {
      const missing: ('training' | 'competency')[] = [];
      if (!qualified.includes(code)) missing.push('training');
      if (!competent.includes(code)) missing.push('competency');
      return {
        code,
        nameFa: names.get(code)?.nameFa ?? code,
        nameEn: names.get(code)?.nameEn ?? code,
        eligible: missing.length === 0,
        missing,
      };
    }),
    courses: courses.map((c) => ({
      code: c.code,
      titleFa: c.titleFa,
      attended: c.attended,
      hasExam: c.hasExam,
      examPassed: c.examPassed,
      qualified: c.qualified,
      serviceCodes: c.serviceCodes,
    })),
    currentLicence: current
      ? { id: current.id, number: current.number, effectiveStatus: effectiveStatus(current, day) }
      : null,
  };
}

// ---- decisions ----

function smsToHolder(
  tx: Executor,
  row: Pick<store.LicenceRow, 'mobile' | 'provinceId'>,
  template: string,
  body: string,
  now: Date,
) {
  return row.mobile
    ? enqueueMessage(tx, { channel: 'sms', recipient: row.mobile, template, provinceId: row.provinceId, body }, now)
    : Promise.resolve(null);
}

const faDate = (iso: string) => formatJalali(iso, 'fa');

/**
 * A licence may name a service only when it is known, the person's training covers it (course
 * attended, exam passed) and the office holds a competency for it on the day: each failure names
 * the services it concerns.
 */
async function checkCoverage(db: Executor, userId: number, officeId: number, requested: string[], day: string) {
  const names = await store.serviceNames(db);
  const unknown = requested.filter((c) => !names.has(c));
  if (unknown.length)
    throw new AppError('validation_failed', {
      fields: [fieldError('serviceCodes', 'unknown_service')],
      extra: { serviceCodes: unknown },
    });
  const courses = await qualificationsOf(db, userId);
  const qualified = new Set(courses.filter((c) => c.qualified).flatMap((c) => c.serviceCodes));
  const untrained = requested.filter((c) => !qualified.has(c));
  if (untrained.length) {
    throw new AppError('licence_requirements_unmet', {
      detail: `The person's training does not cover: ${untrained.join(', ')}`,
      extra: { serviceCodes: untrained, services: untrained.map((c) => ({ code: c, ...names.get(c)! })) },
    });
  }
  const competent = new Set(await store.competentServiceCodes(db, officeId, day));
  const lacking = requested.filter((c) => !competent.has(c));
  if (lacking.length) {
    throw new AppError('licence_competency_missing', {
      detail: `The office has no competency for: ${lacking.join(', ')}`,
      extra: { serviceCodes: lacking, services: lacking.map((c) => ({ code: c, ...names.get(c)! })) },
    });
  }
}

export async function issueLicence(ctx: AppContext, actor: Actor, input: IssueLicenceInput) {
  const office = await store.findOffice(ctx.db, input.officeId);
  if (!office) {
    scopeFilter(actor, 'licences.issue');
    throw invalidField('officeId', 'office_not_found');
  }
  authorize(actor, 'licences.issue', { officeId: office.id, provinceId: office.provinceId });
  const person = await store.findStaff(ctx.db, input.userId);
  if (!person) throw invalidField('userId', 'invalid_value');
  if (person.id === actor.userId) throw new AppError('own_decision_not_allowed');
  if (!(await store.worksAtOffice(ctx.db, person.id, office.id))) throw invalidField('userId', 'not_staff_of_office');
  const requested = [...new Set(input.serviceCodes)].sort();
  const now = ctx.clock.now();
  const day = tehranIsoDate(now);
  await checkCoverage(ctx.db, person.id, office.id, requested, day);
  const expiresOn = expiryForIssue(day);
  let outboxId: number | null = null;
  const id = await ctx.db.transaction(async (tx) => {
    await store.lockOfficeLicences(tx, office.id);
    const current = await store.currentLicenceAt(tx, person.id, office.id, day);
    if (current)
      throw new AppError('licence_status_conflict', {
        detail: `A current licence ${current.number} exists at this office`,
        extra: { licenceId: current.id, number: current.number },
      });
    const number = licenceNumber(
      office.code,
      nextLicenceSequence(office.code, await store.numbersAtOffice(tx, office.code)),
    );
    const licenceId = await store.insertLicence(tx, {
      number,
      userId: person.id,
      officeId: office.id,
      provinceId: office.provinceId,
      serviceCodes: requested,
      issuedOn: day,
      expiresOn,
      issuedBy: actor.userId,
    });
    await store.insertEvent(tx, {
      licenceId,
      kind: 'issued',
      actorUserId: actor.userId,
      data: { number, serviceCodes: requested, issuedOn: day, expiresOn },
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'licences.issue',
      entityType: 'activity_licence',
      entityId: licenceId,
      provinceId: office.provinceId,
      officeId: office.id,
      data: { number, userId: person.id, serviceCodes: requested, issuedOn: day, expiresOn },
    });
    outboxId = await smsToHolder(
      tx,
      { mobile: person.mobile, provinceId: office.provinceId },
      'licence.issued',
      `دفتر: پروانهٔ فعالیت شما به شمارهٔ ${number} در دفتر ${office.nameFa} صادر شد؛ اعتبار تا ${faDate(expiresOn)}.`,
      now,
    );
    return licenceId;
  });
  if (outboxId) await dispatchMessages(ctx, [outboxId]);
  return detail(ctx.db, (await store.findLicence(ctx.db, id))!, day);
}

/**
 * Runs one decision on a licence: locks it, checks who may take it (the action over the
 * licence's province; never on one's own licence), applies it, writes the event, the audit and
 * the holder's SMS in the same transaction.
 */
async function decide(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: 'licences.issue' | 'licences.suspend',
  auditAction: AuditAction,
  apply: (
    tx: Executor,
    row: store.LicenceRow,
    day: string,
  ) => Promise<{ kind: string; reason?: string | null; data: Record<string, unknown>; sms: string }>,
) {
  const now = ctx.clock.now();
  const day = tehranIsoDate(now);
  let outboxId: number | null = null;
  await ctx.db.transaction(async (tx) => {
    scopeFilter(actor, action);
    const row = await store.findLicence(tx, id, true);
    if (!row) throw new AppError('not_found');
    authorize(actor, action, { officeId: row.officeId, provinceId: row.provinceId });
    if (row.userId === actor.userId) throw new AppError('own_decision_not_allowed');
    const outcome = await apply(tx, row, day);
    await store.insertEvent(tx, {
      licenceId: row.id,
      kind: outcome.kind,
      reason: outcome.reason ?? null,
      data: outcome.data,
      actorUserId: actor.userId,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: auditAction,
      entityType: 'activity_licence',
      entityId: row.id,
      provinceId: row.provinceId,
      officeId: row.officeId,
      data: { number: row.number, userId: row.userId, reason: outcome.reason ?? null, ...outcome.data },
    });
    outboxId = await smsToHolder(tx, row, `licence.${outcome.kind}`, outcome.sms, now);
  });
  if (outboxId) await dispatchMessages(ctx, [outboxId]);
  return detail(ctx.db, (await store.findLicence(ctx.db, id))!, day);
}

/**
 * Adds services to a current licence — a service the office newly holds (a pilot's), once the
 * holder's training covers it — under the same conditions as an issue; the number and expiry stay.
 * A second licence beside a current one is refused, so this is how a licensed operator takes up a
 * new service.
 */
export function widenLicence(ctx: AppContext, actor: Actor, id: number, serviceCodes: string[]) {
  return decide(ctx, actor, id, 'licences.issue', 'licences.widen', async (tx, row, day) => {
    if (row.status === 'revoked' || row.expiresOn < day)
      throw new AppError('licence_status_conflict', {
        detail: `The licence is ${effectiveStatus(row, day)}`,
        extra: { licenceStatus: effectiveStatus(row, day) },
      });
    const added = [...new Set(serviceCodes)].filter((c) => !row.serviceCodes.includes(c)).sort();
    // Naming only services the licence already covers would change nothing.
    if (added.length === 0) throw invalidField('serviceCodes', 'invalid_value');
    await checkCoverage(tx, row.userId, row.officeId, added, day);
    const all = [...row.serviceCodes, ...added].sort();
    await store.updateServices(tx, row.id, all);
    const names = await store.serviceNames(tx);
    return {
      kind: 'widened',
      data: { added, serviceCodes: all },
      sms: `دفتر: ${added.map((c) => `«${names.get(c)?.nameFa ?? c}»`).join('، ')} به پروانهٔ فعالیت ${row.number} افزوده شد.`,
    };
  });
}

export function renewLicence(ctx: AppContext, actor: Actor, id: number) {
  return decide(ctx, actor, id, 'licences.issue', 'licences.renew', async (tx, row, day) => {
    if (row.status === 'revoked')
      throw new AppError('licence_status_conflict', {
        detail: 'A revoked licence cannot be renewed',
        extra: { licenceStatus: row.status },
      });
    const since = await store.lastIssueOrRenewalDay(tx, row);
    const hours = await continuingEducationHours(tx, row.userId, since);
    if (hours < CE_HOURS_FOR_RENEWAL) {
      throw new AppError('continuing_education_insufficient', {
        detail: `${hours} of ${CE_HOURS_FOR_RENEWAL} continuing-education hours since ${since}`,
        extra: { hours, requiredHours: CE_HOURS_FOR_RENEWAL, since, sinceJalali: jalali(since) },
      });
    }
    const expiresOn = renewedExpiry(row.expiresOn, day);
    await store.updateExpiry(tx, row.id, expiresOn);
    return {
      kind: 'renewed',
      data: { renewedOn: day, previousExpiresOn: row.expiresOn, expiresOn, continuingEducationHours: hours },
      sms: `دفتر: پروانهٔ فعالیت ${row.number} تمدید شد؛ اعتبار تا ${faDate(expiresOn)}.`,
    };
  });
}

export function suspendLicence(ctx: AppContext, actor: Actor, id: number, input: SuspendInput) {
  return decide(ctx, actor, id, 'licences.suspend', 'licences.suspend', async (tx, row, day) => {
    if (row.status === 'revoked' || isSuspendedOn(row, day)) {
      throw new AppError('licence_status_conflict', {
        detail: `The licence is ${effectiveStatus(row, day)}`,
        extra: { licenceStatus: effectiveStatus(row, day) },
      });
    }
    const until = input.until?.iso ?? null;
    if (until && until < day) throw invalidField('until', 'date_in_past');
    await store.updateStanding(tx, row.id, { status: 'suspended', statusReason: input.reason, suspendedUntil: until });
    return {
      kind: 'suspended',
      reason: input.reason,
      data: { until, untilJalali: input.until?.jalali ?? null },
      sms: `دفتر: پروانهٔ فعالیت ${row.number} ${until ? `تا ${faDate(until)}` : 'تا اطلاع بعدی'} تعلیق شد. دلیل: ${input.reason}`,
    };
  });
}

export function reinstateLicence(ctx: AppContext, actor: Actor, id: number, input: { reason?: string }) {
  return decide(ctx, actor, id, 'licences.suspend', 'licences.reinstate', async (tx, row) => {
    if (row.status !== 'suspended')
      throw new AppError('licence_status_conflict', {
        detail: 'Only a suspended licence can be reinstated',
        extra: { licenceStatus: row.status },
      });
    await store.updateStanding(tx, row.id, { status: 'active', statusReason: null, suspendedUntil: null });
    return {
      kind: 'reinstated',
      reason: input.reason || null,
      data: { previousReason: row.statusReason, previousUntil: row.suspendedUntil },
      sms: `دفتر: تعلیق پروانهٔ فعالیت ${row.number} رفع شد.`,
    };
  });
}

export function revokeLicence(ctx: AppContext, actor: Actor, id: number, input: { reason: string }) {
  return decide(ctx, actor, id, 'licences.suspend', 'licences.revoke', async (tx, row) => {
    // Revocation is final: nothing follows it, not even another revocation.
    if (row.status === 'revoked')
      throw new AppError('licence_status_conflict', {
        detail: 'The licence is already revoked',
        extra: { licenceStatus: row.status },
      });
    await store.updateStanding(tx, row.id, { status: 'revoked', statusReason: input.reason, suspendedUntil: null });
    return {
      kind: 'revoked',
      reason: input.reason,
      data: { previousStatus: row.status },
      sms: `دفتر: پروانهٔ فعالیت ${row.number} لغو شد. دلیل: ${input.reason}`,
    };
  });
}
