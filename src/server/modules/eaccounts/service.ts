/**
 * Judicial e-accounts (SANA-style): registered by an operator for a citizen at the counter, or by
 * the citizen online where the catalog's channel policy allows. Each gives a judicial ID with a
 * Verhoeff check digit, a citizen sign-in account, a priced `sana-registration` service record, an
 * audit event and an SMS — all in one transaction, after the mobile's one-time code is checked.
 * Also here: the operator's citizen lookup, legal persons and representatives.
 */
import { judicialIdFor } from '#core/judicial-id';
import { maskMobile } from '#core/identifiers';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice } from '#server/platform/auth/policy';
import { createSession, resolveSession } from '#server/modules/identity/sessions';
import { recordAudit } from '#server/platform/audit/audit-log';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { findService } from '#server/modules/catalog/store';
import { recordService } from '#server/modules/records/service-records';
import { assertMayPerform, type LicenceCheck } from '#server/modules/operators/licences/may-perform';
import { startPaymentIn } from '#server/modules/payments/service';
import { quoteFees } from '#server/modules/tariffs/fees';
import { checkCode, OTP_PURPOSE_MOBILE_CONFIRM, sendCode, spendCode } from '#server/modules/identity/mobile-codes';
import type { LegalPersonInput, RegisterEaccountInput, RepresentativeInput, SelfRegisterInput } from './schemas';
import { ticketOffice } from '#server/modules/counter/store';
import * as store from '#server/modules/identity/store';

type CitizenRow = NonNullable<Awaited<ReturnType<typeof store.citizenByNationalId>>>;

function toEaccount(c: CitizenRow) {
  return {
    id: c.id,
    nationalId: c.nationalId,
    judicialId: c.judicialId ?? '',
    firstName: c.firstName,
    lastName: c.lastName,
    fatherName: c.fatherName,
    birthDate: c.birthDate ? formatJalaliIso(isoToJalali(c.birthDate)) : null,
    mobile: c.mobile,
    provinceId: c.provinceId,
    identityCheck: c.identityCheck ?? '',
    channel: c.registeredChannel ?? 'office',
    registeredAt: (c.registeredAt ?? c.createdAt).toISOString(),
  };
}

/** The catalog's channel policy for SANA registration must include this channel. */
async function assertChannel(db: Executor, channel: 'office' | 'online') {
  const service = await findService(db, 'sana-registration');
  if (!service?.active) throw new AppError('unknown_service');
  if (service.channels !== 'both' && service.channels !== channel) throw new AppError('channel_not_allowed');
}

const invalidMobileCode = () =>
  new AppError('invalid_mobile_code', { fields: [fieldError('mobileCode', 'invalid_mobile_code')] });
const eaccountExists = () =>
  new AppError('eaccount_exists', {
    fields: [
      {
        field: 'nationalId',
        code: 'invalid_value',
        message: {
          fa: 'این کد ملی پیش‌تر حساب الکترونیک قضایی دارد.',
          en: 'This national ID already has a judicial e-account.',
        },
      },
    ],
  });
const mobileInUse = () =>
  new AppError('mobile_in_use', {
    fields: [
      {
        field: 'mobile',
        code: 'invalid_value',
        message: {
          fa: 'این شماره به حساب شخص دیگری متصل است.',
          en: "This number belongs to another person's account.",
        },
      },
    ],
  });

function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function sendMobileCode(ctx: AppContext, mobile: string) {
  return sendCode(ctx, {
    mobile,
    purpose: OTP_PURPOSE_MOBILE_CONFIRM,
    template: 'otp.mobile-confirm',
    text: (code) => `دفتر: کد تأیید شمارهٔ همراه برای ثبت‌نام حساب الکترونیک قضایی ${code} است.`,
  });
}

/** The counter sends the confirmation code to the mobile the citizen gives. */
export async function sendMobileCodeAtOffice(ctx: AppContext, actor: Actor, mobile: string) {
  const office = actingOffice(actor, 'eaccounts.register');
  // The operator learns before the citizen receives a code that they may not register anyone.
  await assertMayPerform(ctx.db, {
    ...office,
    userId: actor.userId,
    serviceCode: 'sana-registration',
    day: tehranIsoDate(ctx.clock.now()),
  });
  if (await store.citizenAccountWithMobile(ctx.db, mobile)) throw mobileInUse();
  return sendMobileCode(ctx, mobile);
}

/** Online self-registration asks for the code only where the channel policy allows it. */
export async function sendMobileCodeOnline(ctx: AppContext, mobile: string) {
  await assertChannel(ctx.db, 'online');
  return sendMobileCode(ctx, mobile);
}

interface Registration {
  input: RegisterEaccountInput | SelfRegisterInput;
  provinceId: number;
  channel: 'office' | 'online';
  identityCheck: NonNullable<CitizenRow['identityCheck']>;
  officeId: number | null;
  operator: Actor | null;
  ticketId?: number | null;
  /** The operator's licence check, made before the registration began: recordService takes it instead of checking again. */
  licence?: LicenceCheck;
}

async function register(ctx: AppContext, r: Registration) {
  const { input } = r;
  if (!(await store.provinceExists(ctx.db, r.provinceId))) throw invalidField('provinceId', 'invalid_value');
  if (input.cityId && !(await store.cityInProvince(ctx.db, input.cityId, r.provinceId)))
    throw invalidField('cityId', 'invalid_value');
  const now = ctx.clock.now();
  if (input.birthDate.iso >= tehranIsoDate(now)) throw invalidField('birthDate', 'too_big');
  // The code first: only someone holding the mobile learns whether the ID or number is registered.
  const challengeId = await checkCode(
    ctx.db,
    { mobile: input.mobile, purpose: OTP_PURPOSE_MOBILE_CONFIRM, code: input.mobileCode },
    invalidMobileCode,
    now,
  );
  if (await store.citizenByNationalId(ctx.db, input.nationalId)) throw eaccountExists();
  if (await store.citizenAccountWithMobile(ctx.db, input.mobile)) throw mobileInUse();
  let outboxId = 0;
  const result = await ctx.db
    .transaction(async (tx) => {
      const quote = await quoteFees(tx, {
        service: 'sana-registration',
        channel: r.channel,
        isoDate: tehranIsoDate(now),
      });
      await spendCode(tx, challengeId, invalidMobileCode, now);
      const inserted = await store.insertCitizen(tx, {
        nationalId: input.nationalId,
        firstName: input.firstName,
        lastName: input.lastName,
        fatherName: input.fatherName,
        birthDate: input.birthDate.iso,
        mobile: input.mobile,
        provinceId: r.provinceId,
        cityId: input.cityId ?? null,
        address: input.address,
        postalCode: input.postalCode,
        identityCheck: r.identityCheck,
        mobileConfirmedAt: now,
        registeredAt: now,
        registeredChannel: r.channel,
        registeredOfficeId: r.officeId,
        registeredBy: r.operator?.userId ?? null,
      });
      const judicialId = judicialIdFor(r.provinceId, inserted.id);
      await store.setJudicialId(tx, inserted.id, judicialId);
      const userId = await store.insertCitizenUser(
        tx,
        {
          kind: 'citizen',
          firstName: input.firstName,
          lastName: input.lastName,
          nationalId: input.nationalId,
          mobile: input.mobile,
          birthDate: input.birthDate.iso,
          citizenId: inserted.id,
        },
        r.provinceId,
      );
      const serviceRecordId = await recordService(
        tx,
        {
          serviceCode: 'sana-registration',
          channel: r.channel,
          officeId: r.officeId,
          provinceId: r.provinceId,
          operatorUserId: r.operator?.userId ?? null,
          citizenId: inserted.id,
          ticketId: r.ticketId ?? null,
          scheduleId: quote.schedule.id,
          amountRials: quote.totalRials,
        },
        now,
        r.licence,
      );
      await recordAudit(tx, r.operator ?? { userId }, {
        action: 'eaccounts.register',
        entityType: 'citizen',
        entityId: inserted.id,
        provinceId: r.provinceId,
        officeId: r.officeId,
        data: {
          judicialId,
          channel: r.channel,
          identityCheck: r.identityCheck,
          serviceRecordId,
          amountRials: quote.totalRials,
        },
      });
      outboxId = await enqueueMessage(
        tx,
        {
          channel: 'sms',
          recipient: input.mobile,
          template: 'eaccount.registered',
          provinceId: r.provinceId,
          body: `دفتر: حساب الکترونیک قضایی شما ثبت شد. شناسهٔ قضایی: ${toPersianDigits(judicialId)} (${judicialId})`,
        },
        now,
      );
      // At the counter the registration fee is paid like any office service: its payment starts with it.
      const payment =
        r.operator && r.officeId != null
          ? await startPaymentIn(
              ctx,
              tx,
              r.operator,
              {
                purpose: 'service',
                serviceRecordId,
                amountRials: quote.totalRials,
                lines: quote.lines,
                officeId: r.officeId,
                provinceId: r.provinceId,
                channel: 'office',
                payerCitizenId: inserted.id,
                returnPath: '/counter',
              },
              now,
            )
          : null;
      return { citizen: { ...inserted, judicialId }, userId, serviceRecordId, amountRials: quote.totalRials, payment };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw eaccountExists();
      throw error;
    });
  await dispatchMessages(ctx, [outboxId]);
  return result;
}

/** An operator registers the citizen standing at the counter. */
export async function registerAtOffice(ctx: AppContext, actor: Actor, input: RegisterEaccountInput) {
  const office = actingOffice(actor, 'eaccounts.register');
  await assertChannel(ctx.db, 'office');
  const licence = await assertMayPerform(ctx.db, {
    ...office,
    userId: actor.userId,
    serviceCode: 'sana-registration',
    day: tehranIsoDate(ctx.clock.now()),
  });
  if (input.ticketId != null && (await ticketOffice(ctx.db, input.ticketId)) !== office.officeId)
    throw invalidField('ticketId', 'invalid_value');
  const result = await register(ctx, {
    input,
    provinceId: input.provinceId ?? office.provinceId,
    channel: 'office',
    identityCheck: input.identityCheck,
    officeId: office.officeId,
    operator: actor,
    ticketId: input.ticketId ?? null,
    licence,
  });
  return {
    eaccount: toEaccount(result.citizen),
    serviceRecordId: result.serviceRecordId,
    amountRials: result.amountRials,
    payment: result.payment,
  };
}

/** A citizen registers online and is signed in. */
export async function registerOnline(
  ctx: AppContext,
  input: SelfRegisterInput,
  meta: { ip?: string; userAgent?: string },
) {
  await assertChannel(ctx.db, 'online');
  const result = await register(ctx, {
    input,
    provinceId: input.provinceId,
    channel: 'online',
    identityCheck: 'online',
    officeId: null,
    operator: null,
  });
  const now = ctx.clock.now();
  const session = await createSession(ctx.db, result.userId, ctx.config.sessionTtlHours, meta, now);
  const resolved = await resolveSession(ctx.db, session.token, now);
  if (!resolved) throw new AppError('unauthenticated');
  return { eaccount: toEaccount(result.citizen), session, actor: resolved.actor };
}

/** What an operator needs to start a service for a citizen: name, judicial ID, masked mobile. */
export async function lookupCitizen(ctx: AppContext, actor: Actor, nationalId: string) {
  actingOffice(actor, 'citizens.lookup');
  const c = await store.citizenByNationalId(ctx.db, nationalId);
  if (!c) throw new AppError('eaccount_not_found');
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    judicialId: c.judicialId,
    maskedMobile: maskMobile(c.mobile),
    provinceId: c.provinceId,
  };
}

// ---- Legal persons and representatives ----

type LegalRow = Awaited<ReturnType<typeof store.searchLegalPersons>>['rows'][number];
function toLegalPerson(r: LegalRow) {
  const lp = r.lp;
  return {
    id: lp.id,
    nationalCompanyId: lp.nationalCompanyId,
    name: lp.name,
    registrationNumber: lp.registrationNumber,
    provinceId: lp.provinceId,
    address: lp.address,
    agent:
      lp.agentCitizenId != null
        ? {
            citizenId: lp.agentCitizenId,
            name: `${r.agentFirst ?? ''} ${r.agentLast ?? ''}`.trim(),
            nationalId: r.agentNationalId ?? '',
          }
        : null,
  };
}

const citizenNotFound = (field: string) =>
  new AppError('validation_failed', { fields: [fieldError(field, 'citizen_not_found')] });

export async function createLegalPerson(ctx: AppContext, actor: Actor, input: LegalPersonInput) {
  const office = actingOffice(actor, 'parties.manage');
  if (await store.legalPersonByCompanyId(ctx.db, input.nationalCompanyId)) {
    throw new AppError('legal_person_exists', {
      fields: [
        {
          field: 'nationalCompanyId',
          code: 'invalid_value',
          message: { fa: 'این شناسهٔ ملی پیش‌تر ثبت شده است.', en: 'This company ID is already registered.' },
        },
      ],
    });
  }
  if (!(await store.provinceExists(ctx.db, input.provinceId))) throw invalidField('provinceId', 'invalid_value');
  const agent = input.agentNationalId ? await store.citizenByNationalId(ctx.db, input.agentNationalId) : null;
  if (input.agentNationalId && !agent) throw citizenNotFound('agentNationalId');
  const row = await ctx.db
    .transaction(async (tx) => {
      const lp = await store.insertLegalPerson(tx, {
        nationalCompanyId: input.nationalCompanyId,
        name: input.name,
        registrationNumber: input.registrationNumber,
        provinceId: input.provinceId,
        address: input.address ?? null,
        agentCitizenId: agent?.id ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'legal-persons.create',
        entityType: 'legal_person',
        entityId: lp.id,
        provinceId: office.provinceId,
        officeId: office.officeId,
        data: { nationalCompanyId: lp.nationalCompanyId, agentCitizenId: lp.agentCitizenId },
      });
      return lp;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('legal_person_exists');
      throw error;
    });
  return toLegalPerson({
    lp: row,
    agentFirst: agent?.firstName ?? null,
    agentLast: agent?.lastName ?? null,
    agentNationalId: agent?.nationalId ?? null,
  });
}

export async function searchLegalPersons(
  ctx: AppContext,
  actor: Actor,
  q: { q?: string; page: number; pageSize: number },
) {
  actingOffice(actor, 'parties.manage');
  const { rows, total } = await store.searchLegalPersons(ctx.db, q.q ?? '', q.page, q.pageSize);
  return { items: rows.map(toLegalPerson), total, page: q.page, pageSize: q.pageSize };
}

type RepRow = Awaited<ReturnType<typeof store.searchRepresentatives>>['rows'][number];
function toRepresentative(r: RepRow) {
  return {
    id: r.rep.id,
    citizenId: r.rep.citizenId,
    name: `${r.firstName} ${r.lastName}`,
    nationalId: r.nationalId,
    kind: r.rep.kind,
    licenceNumber: r.rep.licenceNumber,
    issuer: r.rep.issuer,
    validUntil: r.rep.validUntil ? formatJalaliIso(isoToJalali(r.rep.validUntil)) : null,
  };
}

export async function createRepresentative(ctx: AppContext, actor: Actor, input: RepresentativeInput) {
  const office = actingOffice(actor, 'parties.manage');
  if (input.kind === 'lawyer') {
    const missing = (['licenceNumber', 'issuer'] as const).filter((f) => !input[f]);
    if (missing.length)
      throw new AppError('validation_failed', { fields: missing.map((f) => fieldError(f, 'licence_required')) });
  }
  const citizen = await store.citizenByNationalId(ctx.db, input.nationalId);
  if (!citizen) throw citizenNotFound('nationalId');
  if (await store.representativeByLicence(ctx.db, citizen.id, input.kind, input.licenceNumber ?? null))
    throw new AppError('representative_exists');
  const rep = await ctx.db.transaction(async (tx) => {
    const row = await store.insertRepresentative(tx, {
      citizenId: citizen.id,
      kind: input.kind,
      licenceNumber: input.licenceNumber ?? null,
      issuer: input.issuer ?? null,
      validUntil: input.validUntil?.iso ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'representatives.create',
      entityType: 'representative',
      entityId: row.id,
      provinceId: office.provinceId,
      officeId: office.officeId,
      data: { citizenId: citizen.id, kind: input.kind, licenceNumber: input.licenceNumber ?? null },
    });
    return row;
  });
  return toRepresentative({
    rep,
    firstName: citizen.firstName,
    lastName: citizen.lastName,
    nationalId: citizen.nationalId,
  });
}

export async function searchRepresentatives(
  ctx: AppContext,
  actor: Actor,
  q: { q?: string; nationalId?: string; kind?: string; page: number; pageSize: number },
) {
  actingOffice(actor, 'parties.manage');
  const { rows, total } = await store.searchRepresentatives(ctx.db, q, q.page, q.pageSize);
  return { items: rows.map(toRepresentative), total, page: q.page, pageSize: q.pageSize };
}
