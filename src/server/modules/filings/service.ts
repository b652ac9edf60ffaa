/**
 * Use cases of the filings area: a draft prepared at an office (or online by the citizen), its
 * attachments, the applicant's confirmation of the printed draft, the quote fixed on it, payment,
 * and submission to the court with a tracking code. Each takes the actor first, checks access
 * before any data, and runs in one transaction with its filing event and audit event.
 *
 * Editing rules (docs/decisions/0012-filing-edits-and-repayment.md): a confirmed filing that is
 * edited goes back to draft (the applicant must confirm the new print); a paid or submitted
 * filing cannot be edited; a returned filing is edited, confirmed again and re-quoted, and pays
 * only the difference when the new quote is higher than what was paid.
 */
import { appealWindow, appealWindowSpan } from '#core/appeal';
import { withCheckDigit } from '#core/check-digit';
import { officeDayEnd, WORKING_DAY_LOOKAHEAD } from '#core/filing-end-of-day';
import { extrasOf } from '#core/fees';
import { asFilingQuote, claimsValue, divideNewlyPaid, filingQuote } from '#core/filing-quote';
import { closureTitle, type Closure } from '#core/holiday-calendar';
import { addDaysIso, formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { Tx } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { actingOffice, authorize, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { FilingAuditStep } from '#server/platform/audit/actions';
import { dispatchMessages, type AppContext } from '#server/platform/context';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { recordService } from '#server/modules/records/service-records';
import { assertMayPerform, licenceCheckFrom } from '#server/modules/operators/licences/may-perform';
import type { CreditedPayment } from '#server/platform/ports/payment-credit';
import { courtCostsFor } from '#server/modules/tariffs/court-costs';
import { quoteFees } from '#server/modules/tariffs/fees';
import { inspectFile } from '#server/platform/storage/file-inspection';
import { idempotencyKeyFrom, runIdempotentInTransaction, startPayment } from './payments-port';
import { filingPrintHtml } from './print';
import { queueFilingSms } from './status-sms';
import type { FileStorage } from '#server/platform/storage/storage';
import type { CreateFilingInput, FilingDetail, ListFilingsQuery, PartyInput, UpdateFilingInput } from './schemas';
import * as store from './store';
import type { FilingRow } from './store';

type Status = FilingRow['status'];
type Channel = 'office' | 'online';

const EDITABLE: Status[] = ['draft', 'confirmed', 'returned'];
const MiB = 1024 * 1024;

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Upload limits: `DAFTAR_MAX_FILE_MB` (10), `DAFTAR_MAX_PAGES_PER_FILE` (50), `DAFTAR_MAX_PAGES_PER_FILING` (200). */
export function attachmentLimits() {
  return {
    maxFileBytes: envInt('DAFTAR_MAX_FILE_MB', 10) * MiB,
    maxPagesPerFile: envInt('DAFTAR_MAX_PAGES_PER_FILE', 50),
    maxPagesPerFiling: envInt('DAFTAR_MAX_PAGES_PER_FILING', 200),
  };
}

// ---- access ---------------------------------------------------------------------------------

/** Whose filing it is, for reading: its office, its province, and the applicant. */
function readScope(f: FilingRow) {
  return { officeId: f.officeId, provinceId: f.provinceId, citizenId: f.applicantCitizenId };
}

/** Who may change it: the office that prepares it, or the citizen who files online. */
function writeScope(f: FilingRow) {
  return f.channel === 'office'
    ? { officeId: f.officeId, provinceId: f.provinceId }
    : { citizenId: f.applicantCitizenId, provinceId: f.provinceId };
}

function channelOf(actor: Actor): Channel {
  return actor.kind === 'citizen' ? 'online' : 'office';
}

/** The office an operator or manager works at (their first office grant). */

/** A filing the actor may read; another office's or citizen's is answered as not found. */
function readable(actor: Actor, f: FilingRow | null): FilingRow {
  if (!f || !can(actor, 'filings.read', readScope(f))) throw new AppError('not_found');
  return f;
}

async function loadWritable(
  db: Parameters<typeof store.findFiling>[0],
  actor: Actor,
  id: number,
  lock: boolean,
): Promise<FilingRow> {
  scopeFilter(actor, 'filings.edit');
  const f = readable(actor, await store.findFiling(db, id, lock));
  // Seen but not one's to change (a citizen looking at what an office prepared for them): forbidden.
  authorize(actor, 'filings.edit', writeScope(f));
  return f;
}

/**
 * The licence check of every step an operator takes on an office filing (edit, attachments,
 * confirm, pay), made before anything is written, as creation and submission make it
 * (docs/decisions/0014): a suspended operator learns at the first step, not after filling it in.
 * Online filings have no operator to check.
 */
async function assertMayWorkOn(
  ctx: AppContext,
  db: Parameters<typeof store.findFiling>[0],
  actor: Actor,
  f: FilingRow,
) {
  if (f.channel !== 'office' || actor.kind !== 'staff' || f.officeId == null) return;
  await assertMayPerform(db, {
    officeId: f.officeId,
    userId: actor.userId,
    serviceCode: f.serviceCode,
    day: tehranIsoDate(ctx.clock.now()),
  });
}

function actionsFor(actor: Actor, f: FilingRow): FilingDetail['actions'] {
  if (!can(actor, 'filings.edit', writeScope(f))) return [];
  const out: FilingDetail['actions'] = [];
  if (EDITABLE.includes(f.status)) out.push('edit', 'attach');
  if (f.status === 'draft' || f.status === 'returned') out.push('confirm');
  if (f.status === 'confirmed') out.push('pay');
  if (f.status === 'paid') out.push('submit');
  return out;
}

// ---- events ---------------------------------------------------------------------------------

/** The filing event and (unless `audit: false`) the audit event of a step. */
function stepRecords(
  actor: Pick<Actor, 'userId' | 'kind'> | null,
  f: FilingRow,
  step: {
    action: FilingAuditStep;
    to?: Status;
    data?: Record<string, unknown>;
    channel?: 'office' | 'online' | 'court';
    courtId?: number | null;
    audit?: boolean;
  },
  at: Date,
) {
  const channel = step.channel ?? (actor ? channelOf(actor as Actor) : f.channel);
  const event: store.NewEvent = {
    filingId: f.id,
    actorUserId: actor?.userId ?? null,
    action: step.action,
    fromStatus: f.status,
    toStatus: step.to ?? f.status,
    channel,
    officeId: channel === 'office' ? f.officeId : null,
    courtId: step.courtId ?? (channel === 'court' ? f.courtId : null),
    data: step.data ?? {},
    at,
  };
  const audit =
    step.audit === false
      ? null
      : {
          action: `filings.${step.action}` as const,
          entityType: 'filing' as const,
          entityId: f.id,
          provinceId: f.provinceId,
          officeId: f.officeId,
          data: { from: f.status, to: step.to ?? f.status, channel, ...(step.data ?? {}) },
        };
  return { event, audit };
}

async function recordStep(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'kind'> | null,
  f: FilingRow,
  step: Parameters<typeof stepRecords>[2],
  at: Date,
) {
  const { event, audit } = stepRecords(actor, f, step, at);
  await store.insertEvent(tx, event);
  if (audit) await recordAudit(tx, actor, audit);
}

// ---- content --------------------------------------------------------------------------------

type ResolvedParty = store.NewParty & { representsIndex: number | null };

/** Looks every party up (citizens, legal persons, representatives); all problems at once, by field. */
async function resolveParties(
  db: Parameters<typeof store.findFiling>[0],
  parties: PartyInput[],
): Promise<ResolvedParty[]> {
  const nationalIds = parties.flatMap((p) =>
    p.kind === 'citizen' || (p.kind === 'named' && p.nationalId) ? [p.nationalId!] : [],
  );
  const [found, companies, reps] = await Promise.all([
    store.citizensByNationalIds(db, nationalIds),
    store.legalPersonsByCompanyIds(
      db,
      parties.flatMap((p) => (p.kind === 'legal-person' ? [p.companyId] : [])),
    ),
    store.representativesByIds(
      db,
      parties.flatMap((p) => (p.kind === 'representative' ? [p.representativeId] : [])),
    ),
  ]);
  const byNationalId = new Map(found.map((c) => [c.nationalId, c]));
  const byCompany = new Map(companies.map((c) => [c.companyId, c]));
  const byRep = new Map(reps.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind of party, as TypeScript checks
  const out: ResolvedParty[] = parties.map((p, i) => {
    const base = {
      role: p.role,
      citizenId: null,
      legalPersonId: null,
      representativeId: null,
      representsIndex: null,
      address: null,
      nationalId: null,
    } as ResolvedParty;
    switch (p.kind) {
      case 'citizen': {
        const c = byNationalId.get(p.nationalId);
        if (!c) {
          errors.push(fieldError(`parties.${i}.nationalId`, 'citizen_not_found'));
          return { ...base, name: '' };
        }
        return {
          ...base,
          citizenId: c.id,
          name: `${c.firstName} ${c.lastName}`,
          nationalId: c.nationalId,
          address: p.address || c.address,
        };
      }
      case 'legal-person': {
        const l = byCompany.get(p.companyId);
        if (!l) {
          errors.push(fieldError(`parties.${i}.companyId`, 'legal_person_not_found'));
          return { ...base, name: '' };
        }
        return { ...base, legalPersonId: l.id, name: l.name, nationalId: l.companyId, address: p.address || l.address };
      }
      case 'named': {
        const c = p.nationalId ? byNationalId.get(p.nationalId) : undefined;
        return {
          ...base,
          citizenId: c?.id ?? null,
          name: p.name,
          nationalId: p.nationalId ?? null,
          address: p.address || null,
        };
      }
      case 'representative': {
        const r = byRep.get(p.representativeId);
        if (!r) errors.push(fieldError(`parties.${i}.representativeId`, 'representative_not_found'));
        const target = parties[p.represents];
        if (p.represents === i || !target || target.kind === 'representative')
          errors.push(fieldError(`parties.${i}.represents`, 'invalid_represented_party'));
        return {
          ...base,
          role: 'representative',
          citizenId: r?.citizenId ?? null,
          representativeId: r?.id ?? null,
          representsIndex: p.represents,
          name: r ? `${r.firstName} ${r.lastName}` : '',
          nationalId: r?.nationalId ?? null,
          address: r?.address ?? null,
        };
      }
    }
  });
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  return out;
}

async function checkCourt(db: Parameters<typeof store.findFiling>[0], courtId: number | null, branch: number | null) {
  if (courtId == null) {
    if (branch != null) throw invalidField('courtId', 'court_required');
    return null;
  }
  const court = await store.findCourt(db, courtId);
  if (!court) throw invalidField('courtId', 'invalid_value');
  if (branch != null && branch > court.branches) throw invalidField('branch', 'invalid_branch');
  return court;
}

async function filingService(db: Parameters<typeof store.findFiling>[0], code: string) {
  const service = await store.findService(db, code);
  if (service?.kind !== 'filing' || !service.active) {
    throw new AppError('unknown_service', { fields: [fieldError('service', 'unknown_service')] });
  }
  return service;
}

/**
 * The citizen an office prepares a filing for: named by national ID (what the operator reads off
 * the card), or by internal id as older clients send it; both must then be the same person.
 */
async function officeApplicant(
  db: Parameters<typeof store.findFiling>[0],
  input: Pick<CreateFilingInput, 'applicantNationalId' | 'applicantCitizenId'>,
) {
  if (input.applicantNationalId != null) {
    const found = await store.findCitizenByNationalId(db, input.applicantNationalId);
    if (!found) throw invalidField('applicantNationalId', 'applicant_not_registered');
    if (input.applicantCitizenId != null && input.applicantCitizenId !== found.id)
      throw invalidField('applicantCitizenId', 'invalid_value');
    return found;
  }
  if (input.applicantCitizenId == null) throw invalidField('applicantNationalId', 'required');
  const found = await store.findCitizen(db, input.applicantCitizenId);
  if (!found) throw invalidField('applicantCitizenId', 'invalid_value');
  return found;
}

// ---- use cases ------------------------------------------------------------------------------

/**
 * Who a new filing would be for, before it exists: online, the signed-in citizen themself; at an
 * office, the e-account holder with this national ID. A name and national ID only.
 */
export async function findApplicant(ctx: AppContext, actor: Actor, nationalId: string | undefined) {
  scopeFilter(actor, 'filings.create');
  if (channelOf(actor) === 'online') {
    if (actor.citizenId == null) throw new AppError('forbidden');
    authorize(actor, 'filings.create', { citizenId: actor.citizenId });
    const me = await store.findCitizen(ctx.db, actor.citizenId);
    if (!me) throw new AppError('not_found');
    if (nationalId != null && nationalId !== me.nationalId) throw new AppError('forbidden');
    return { nationalId: me.nationalId, name: `${me.firstName} ${me.lastName}` };
  }
  actingOffice(actor, 'filings.create');
  if (nationalId == null) throw invalidField('nationalId', 'required');
  const found = await store.findCitizenByNationalId(ctx.db, nationalId);
  if (!found)
    throw new AppError('eaccount_not_found', { fields: [fieldError('nationalId', 'applicant_not_registered')] });
  return { nationalId: found.nationalId, name: `${found.firstName} ${found.lastName}` };
}

/**
 * One party appeals one decision once: a second appeal by the same applicant against the same
 * decision is refused while the first stands (any status but returned), naming the first so the
 * screens can lead to it. Checked under a lock, so two requests at once start one appeal.
 */
async function refuseSecondAppeal(tx: Tx, noticeId: number, applicantId: number) {
  await store.lockAppealOf(tx, noticeId, applicantId);
  const first = await store.standingAppealOf(tx, noticeId, applicantId);
  if (first)
    throw new AppError('appeal_already_started', {
      fields: [fieldError('appealsNoticeId', 'appeal_already_started')],
      extra: { filingId: first.id, filingStatus: first.status },
    });
}

export async function createFiling(ctx: AppContext, actor: Actor, input: CreateFilingInput): Promise<FilingDetail> {
  scopeFilter(actor, 'filings.create');
  const service = await filingService(ctx.db, input.service);
  const channel = channelOf(actor);
  if (!(service.channels === 'both' || service.channels === channel))
    throw new AppError('channel_not_allowed', { extra: { service: service.code, channel, allowed: service.channels } });

  let officeId: number | null = null;
  let provinceId: number;
  let applicantId: number;
  if (channel === 'online') {
    if (actor.citizenId == null) throw new AppError('forbidden');
    if (input.applicantCitizenId != null && input.applicantCitizenId !== actor.citizenId)
      throw new AppError('forbidden');
    authorize(actor, 'filings.create', { citizenId: actor.citizenId });
    const me = await store.findCitizen(ctx.db, actor.citizenId);
    if (!me) throw new AppError('not_found');
    if (input.applicantNationalId != null && input.applicantNationalId !== me.nationalId)
      throw new AppError('forbidden');
    applicantId = me.id;
    provinceId = me.provinceId;
  } else {
    const office = actingOffice(actor, 'filings.create');
    // Refused before the form is stored, not only at submission (where the service is recorded).
    await assertMayPerform(ctx.db, {
      ...office,
      userId: actor.userId,
      serviceCode: service.code,
      day: tehranIsoDate(ctx.clock.now()),
    });
    applicantId = (await officeApplicant(ctx.db, input)).id;
    officeId = office.officeId;
    provinceId = office.provinceId;
  }
  await checkCourt(ctx.db, input.courtId, input.branch);
  if (input.appealsNoticeId != null) {
    // An appeal names the decision it appeals: one delivered to its applicant (Art. 336 runs from that delivery).
    if (service.code !== 'appeal') throw invalidField('appealsNoticeId', 'appeal_only');
    if (!(await ctx.ports.deliveredDecision(ctx.db, input.appealsNoticeId, applicantId)))
      throw invalidField('appealsNoticeId', 'appeal_decision_unknown');
  }
  const parties = await resolveParties(ctx.db, input.parties);

  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    if (input.appealsNoticeId != null) await refuseSecondAppeal(tx, input.appealsNoticeId, applicantId);
    const row = await store.insertFiling(tx, {
      serviceCode: service.code,
      status: 'draft',
      channel,
      officeId,
      provinceId,
      applicantCitizenId: applicantId,
      createdBy: actor.userId,
      ticketId: channel === 'office' ? (input.ticketId ?? null) : null,
      appealsNoticeId: input.appealsNoticeId ?? null,
      courtId: input.courtId,
      branch: input.branch,
      subject: input.subject,
      facts: input.facts,
      claims: input.claims,
      createdAt: now,
    });
    await store.replaceParties(tx, row.id, parties);
    await store.insertEvent(tx, {
      filingId: row.id,
      actorUserId: actor.userId,
      action: 'created',
      fromStatus: null,
      toStatus: 'draft',
      channel,
      officeId,
      data: { service: service.code },
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'filings.create',
      entityType: 'filing',
      entityId: row.id,
      provinceId,
      officeId,
      data: {
        service: service.code,
        channel,
        applicantCitizenId: applicantId,
        ...(input.appealsNoticeId != null ? { appealsNoticeId: input.appealsNoticeId } : {}),
      },
    });
    return row.id;
  });
  return detailOf(ctx, actor, id);
}

/** Editing un-confirms a confirmed filing and reopens a returned one as a draft. */
function statusAfterEdit(f: FilingRow): Status {
  if (!EDITABLE.includes(f.status)) throw new AppError('filing_not_editable', { extra: { filingStatus: f.status } });
  return 'draft';
}

function unconfirmedFields(to: Status, f: FilingRow) {
  return to === f.status ? {} : { status: to, quote: null, totalRials: null, confirmedAt: null };
}

/** Claims as stored and as sent compare by their content alone. */
function claimsKey(claims: readonly { description: string; valueRials: number | null }[]) {
  return JSON.stringify(claims.map((c) => [c.description, c.valueRials ?? null]));
}

/** One party as it is stored, a representative's principal by its position in the list. */
function partyKey(p: Omit<ResolvedParty, 'representsIndex'>, represents: number | null) {
  return JSON.stringify([
    p.role,
    p.citizenId ?? null,
    p.legalPersonId ?? null,
    p.representativeId ?? null,
    p.name,
    p.nationalId ?? null,
    p.address ?? null,
    represents,
  ]);
}

/** Does a save bring exactly what the filing already holds (court, branch, subject, facts, claims, parties)? */
function sameContent(f: FilingRow, stored: store.PartyRow[], input: UpdateFilingInput, parties: ResolvedParty[]) {
  if (f.courtId !== input.courtId || f.branch !== input.branch) return false;
  if (f.subject !== input.subject || f.facts !== input.facts) return false;
  if (claimsKey(f.claims) !== claimsKey(input.claims)) return false;
  if (stored.length !== parties.length) return false;
  const position = new Map(stored.map((p, i) => [p.id, i]));
  return stored.every(
    (p, i) =>
      partyKey(p, p.representsPartyId != null ? (position.get(p.representsPartyId) ?? -1) : null) ===
      partyKey(parties[i], parties[i].representsIndex),
  );
}

export async function updateFiling(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateFilingInput,
): Promise<FilingDetail> {
  await ctx.db.transaction(async (tx) => {
    const f = await loadWritable(tx, actor, id, true);
    const to = statusAfterEdit(f);
    await assertMayWorkOn(ctx, tx, actor, f);
    await checkCourt(tx, input.courtId, input.branch);
    const parties = await resolveParties(tx, input.parties);
    // The wizard saves at every step: a save that changes nothing writes nothing, keeps the
    // confirmation and leaves no "edited" entry in the history.
    if (sameContent(f, await store.partiesOf(tx, f.id), input, parties)) return;
    await store.updateFiling(tx, f.id, {
      courtId: input.courtId,
      branch: input.branch,
      subject: input.subject,
      facts: input.facts,
      claims: input.claims,
      ...unconfirmedFields(to, f),
    });
    await store.replaceParties(tx, f.id, parties);
    // Draft edits are frequent (the wizard saves every step): an event, and an audit entry only when the status changes.
    await recordStep(
      tx,
      actor,
      f,
      { action: 'edited', to, audit: to !== f.status, data: { parties: parties.length } },
      ctx.clock.now(),
    );
  });
  return detailOf(ctx, actor, id);
}

export interface Upload {
  fileName: string;
  title: string;
  bytes: Buffer;
  /** The multipart limit cut the file short. */
  truncated: boolean;
}

/** Checks a filing may take attachments before the upload is read. */
export async function assertCanAttach(ctx: AppContext, actor: Actor, id: number) {
  const f = await loadWritable(ctx.db, actor, id, false);
  statusAfterEdit(f);
  await assertMayWorkOn(ctx, ctx.db, actor, f);
}

export async function addAttachment(ctx: AppContext, actor: Actor, id: number, upload: Upload, storage: FileStorage) {
  const limits = attachmentLimits();
  await assertCanAttach(ctx, actor, id);
  if (upload.truncated || upload.bytes.length > limits.maxFileBytes) {
    throw new AppError('file_too_large', {
      extra: { maxBytes: limits.maxFileBytes },
      fields: [fieldError('file', 'too_big')],
    });
  }
  if (upload.bytes.length === 0)
    throw new AppError('corrupt_file', { detail: 'The file is empty.', fields: [fieldError('file', 'invalid')] });
  const inspected = await inspectFile(upload.bytes);
  if (!inspected.ok)
    throw new AppError(inspected.problem, {
      detail: inspected.detail,
      fields: [fieldError('file', inspected.problem === 'unsupported_file_type' ? 'invalid_value' : 'invalid')],
    });
  if (inspected.pages > limits.maxPagesPerFile) {
    throw new AppError('page_limit_exceeded', {
      extra: { pages: inspected.pages, maxPagesPerFile: limits.maxPagesPerFile },
      fields: [fieldError('file', 'too_big')],
    });
  }
  const stored = await storage.put(`filings/${id}`, upload.bytes);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const f = await loadWritable(tx, actor, id, true);
      const to = statusAfterEdit(f);
      await assertMayWorkOn(ctx, tx, actor, f);
      const pages = await store.pagesOf(tx, f.id);
      if (pages + inspected.pages > limits.maxPagesPerFiling) {
        throw new AppError('page_limit_exceeded', {
          extra: { pages: pages + inspected.pages, maxPagesPerFiling: limits.maxPagesPerFiling },
          fields: [fieldError('file', 'too_big')],
        });
      }
      const attachment = await store.insertAttachment(tx, {
        filingId: f.id,
        title: upload.title || upload.fileName,
        fileName: upload.fileName,
        mediaType: inspected.mediaType,
        sizeBytes: stored.sizeBytes,
        pages: inspected.pages,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: actor.userId,
        createdAt: ctx.clock.now(),
      });
      if (to !== f.status) await store.updateFiling(tx, f.id, unconfirmedFields(to, f));
      await recordStep(
        tx,
        actor,
        f,
        {
          action: 'attachment-added',
          to,
          data: {
            attachmentId: attachment.id,
            fileName: upload.fileName,
            mediaType: inspected.mediaType,
            pages: inspected.pages,
            sha256: stored.sha256,
          },
        },
        attachment.createdAt,
      );
      return attachment;
    });
    return attachmentOut(row);
  } catch (error) {
    await storage.remove(stored.key).catch(() => undefined);
    throw error;
  }
}

export async function removeAttachment(
  ctx: AppContext,
  actor: Actor,
  id: number,
  attachmentId: number,
  storage: FileStorage,
) {
  const key = await ctx.db.transaction(async (tx) => {
    const f = await loadWritable(tx, actor, id, true);
    const to = statusAfterEdit(f);
    await assertMayWorkOn(ctx, tx, actor, f);
    const a = await store.findAttachment(tx, f.id, attachmentId);
    if (!a) throw new AppError('not_found');
    await store.deleteAttachment(tx, a.id);
    if (to !== f.status) await store.updateFiling(tx, f.id, unconfirmedFields(to, f));
    await recordStep(
      tx,
      actor,
      f,
      { action: 'attachment-removed', to, data: { attachmentId: a.id, fileName: a.fileName, sha256: a.sha256 } },
      ctx.clock.now(),
    );
    return a.storageKey;
  });
  await storage.remove(key).catch(() => undefined);
}

/** The applicant's confirmation of the printed draft: fixes the itemised quote from the tariff in force. */
export async function confirmFiling(ctx: AppContext, actor: Actor, id: number): Promise<FilingDetail> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const f = await loadWritable(tx, actor, id, true);
    if (f.status !== 'draft' && f.status !== 'returned')
      throw new AppError('filing_status_conflict', { extra: { filingStatus: f.status } });
    await assertMayWorkOn(ctx, tx, actor, f);
    const service = await filingService(tx, f.serviceCode);
    const parties = await store.partiesOf(tx, f.id);
    const errors: FieldError[] = [];
    if (!parties.length) errors.push(fieldError('parties', 'parties_required'));
    if (!f.subject.trim()) errors.push(fieldError('subject', 'subject_required'));
    if (service.inputs.includes('court') && f.courtId == null) errors.push(fieldError('courtId', 'court_required'));
    if (errors.length) throw new AppError('validation_failed', { fields: errors });
    const pages = await store.pagesOf(tx, f.id);
    // The office's fees from the tariff in force, and the court costs the rule set has for the service that day.
    const day = tehranIsoDate(now);
    const quote = filingQuote(
      await quoteFees(tx, {
        service: f.serviceCode,
        parties: parties.length,
        pages,
        channel: f.channel,
        provinceId: f.provinceId,
        isoDate: day,
      }),
      await courtCostsFor(tx, { service: f.serviceCode, isoDate: day, claimValueRials: claimsValue(f.claims) }),
    );
    const due = Math.max(0, quote.totalRials - f.paidRials);
    const to: Status = due === 0 ? 'paid' : 'confirmed';
    await store.updateFiling(tx, f.id, { status: to, quote, totalRials: quote.totalRials, confirmedAt: now });
    await recordStep(
      tx,
      actor,
      f,
      {
        action: 'confirmed',
        to,
        data: {
          totalRials: quote.totalRials,
          officeRials: quote.officeRials,
          courtCostsRials: quote.courtCosts.totalRials,
          paidRials: f.paidRials,
          dueRials: due,
          parties: parties.length,
          pages,
          scheduleId: quote.schedule.id,
        },
      },
      now,
    );
  });
  return detailOf(ctx, actor, id);
}

/** Starts the payment of what is due: the whole quote, or the difference after a return. */
export async function payFiling(ctx: AppContext, actor: Actor, id: number) {
  const f = await loadWritable(ctx.db, actor, id, false);
  const quote = asFilingQuote(f.quote);
  if (f.status !== 'confirmed' || !quote || f.totalRials == null)
    throw new AppError('filing_status_conflict', { extra: { filingStatus: f.status } });
  const due = f.totalRials - f.paidRials;
  if (due <= 0) throw new AppError('filing_status_conflict', { extra: { filingStatus: f.status } });
  await assertMayWorkOn(ctx, ctx.db, actor, f);
  // One payment, its lines kept apart: the office's fees, the court costs, and what was paid before.
  const lines = [
    ...quote.lines.map((l) => ({ ...l, kind: 'office-fee' as const })),
    ...quote.courtCosts.lines.map((l) => ({
      code: `court-cost-${l.ruleId}`,
      titleFa: l.titleFa,
      titleEn: l.titleEn,
      quantity: 1,
      unitRials: l.amountRials,
      amountRials: l.amountRials,
      kind: 'court-cost' as const,
    })),
    ...(f.paidRials === 0
      ? []
      : [
          {
            code: 'already-paid',
            titleFa: 'پرداخت‌شده پیشین',
            titleEn: 'Paid before',
            quantity: 1,
            unitRials: -f.paidRials,
            amountRials: -f.paidRials,
            kind: 'adjustment' as const,
          },
        ]),
  ];
  const started = await startPayment(ctx, actor, {
    purpose: 'filing',
    filingId: f.id,
    amountRials: due,
    lines,
    officeId: f.officeId,
    provinceId: f.provinceId,
    channel: f.channel,
    payerCitizenId: f.applicantCitizenId,
    // Back from the bank to the wizard's last step: sending to court and the submission slip.
    returnPath: `/filings/new?id=${f.id}`,
  });
  await ctx.db.transaction(async (tx) => {
    await recordStep(
      tx,
      actor,
      f,
      {
        action: 'payment-started',
        audit: false,
        data: { paymentId: started.paymentId, receiptNumber: started.receiptNumber, amountRials: due },
      },
      ctx.clock.now(),
    );
  });
  return { ...started, amountRials: due };
}

/** The handler of a credited filing payment (`ctx.ports.onPaymentCredited.filing`): run by the payments area in the crediting transaction. */
export async function creditFiling(tx: Tx, payment: CreditedPayment): Promise<number[]> {
  if (payment.filingId == null) throw new Error(`filing payment ${payment.id} names no filing`);
  const f = await store.findFiling(tx, payment.filingId, true);
  if (!f) throw new Error(`filing ${payment.filingId} of payment ${payment.id} does not exist`);
  const paidRials = f.paidRials + payment.amountRials;
  const to: Status = f.status === 'confirmed' && f.totalRials != null && paidRials >= f.totalRials ? 'paid' : f.status;
  await store.updateFiling(tx, f.id, { paidRials, status: to });
  await recordStep(
    tx,
    { userId: payment.createdBy, kind: f.channel === 'online' ? 'citizen' : 'staff' },
    f,
    {
      action: 'paid',
      to,
      channel: f.channel,
      data: {
        paymentId: payment.id,
        receiptNumber: payment.receiptNumber,
        amountRials: payment.amountRials,
        paidRials,
      },
    },
    payment.paidAt,
  );
  // The SMS goes once, when the filing becomes paid (a part payment or a further credit sends none).
  const outboxId = to === 'paid' && f.status !== 'paid' ? await queueFilingSms(tx, f, 'paid', payment.paidAt) : null;
  return outboxId != null ? [outboxId] : [];
}

/** `{Jalali year}{province, 2 digits}{filing number, 8 digits}` and a Verhoeff check digit: unique per filing. */
export function trackingCodeFor(f: Pick<FilingRow, 'id' | 'provinceId'>, isoDay: string): string {
  const year = isoToJalali(isoDay).jy;
  return withCheckDigit(`${year}${String(f.provinceId).padStart(2, '0')}${String(f.id).padStart(8, '0')}`);
}

/**
 * The submission's statements, fewest first under the audit chain's lock: the filing is locked and
 * read with the court costs already settled, the applicant's contact and the operator's licence
 * verdict (one statement); the update and its filing event are one statement, the service record
 * with its month's volume another, then the SMS is queued; the audit event is appended after the
 * answer is stored, in one round trip with the answer and the commit (`audit`, see
 * runIdempotentInTransaction), so the chain head stays locked only while PostgreSQL runs the append
 * and the commit.
 */
async function submitIn(ctx: AppContext, tx: Tx, actor: Actor, id: number) {
  const now = ctx.clock.now();
  const day = tehranIsoDate(now);
  scopeFilter(actor, 'filings.edit');
  const operator = actor.kind === 'staff' ? { userId: actor.userId, day } : null;
  const locked = await store.lockForSubmit(tx, id, operator);
  const f = readable(actor, locked?.filing ?? null);
  authorize(actor, 'filings.edit', writeScope(f));
  if (f.status === 'draft' || f.status === 'confirmed')
    throw new AppError('filing_not_paid', {
      extra: { filingStatus: f.status, dueRials: f.totalRials != null ? f.totalRials - f.paidRials : null },
    });
  if (f.status !== 'paid') throw new AppError('filing_status_conflict', { extra: { filingStatus: f.status } });
  if (f.totalRials == null || f.paidRials < f.totalRials)
    throw new AppError('filing_not_paid', { extra: { filingStatus: f.status } });
  const trackingCode = f.trackingCode ?? trackingCodeFor(f, day);
  const quote = asFilingQuote(f.quote)!;
  const resubmission = f.submittedAt != null;
  // Money received since the last submission: the court costs still unsettled first, the rest the office's revenue.
  const { courtRials, officeRials } = divideNewlyPaid({
    newlyPaidRials: f.paidRials - f.billedRials,
    courtCostsRials: quote.courtCosts.totalRials,
    courtCostsSettledRials: locked!.courtCostsSettled,
  });
  const { event, audit } = stepRecords(
    actor,
    f,
    {
      action: resubmission ? 'resubmitted' : 'submitted',
      to: 'submitted',
      // courtCostsRials: the court costs this submission settles (store.lockForSubmit adds them up).
      data: { trackingCode, courtId: f.courtId, gateway: ctx.ports.court.name, courtCostsRials: courtRials },
    },
    now,
  );
  await store.updateFilingWithEvent(
    tx,
    f.id,
    { status: 'submitted', trackingCode, submittedAt: now, decidedAt: null, billedRials: f.paidRials },
    event,
  );
  if (f.courtId != null) {
    await ctx.ports.court.submit(tx, {
      id: f.id,
      trackingCode,
      serviceCode: f.serviceCode,
      courtId: f.courtId,
      provinceId: f.provinceId,
    });
  }
  if (!resubmission || officeRials > 0) {
    // The operator's licence, read with the filing, checked once for the transaction: recordService takes the proof.
    const licence =
      operator && f.channel === 'office' && f.officeId != null
        ? licenceCheckFrom(
            { officeId: f.officeId, userId: operator.userId, serviceCode: f.serviceCode, day },
            locked!.licence ?? 'office_not_active',
          )
        : undefined;
    await recordService(
      tx,
      {
        serviceCode: f.serviceCode,
        channel: f.channel,
        officeId: f.officeId,
        provinceId: f.provinceId,
        operatorUserId: actor.kind === 'staff' ? actor.userId : null,
        citizenId: f.applicantCitizenId,
        filingId: f.id,
        ticketId: f.ticketId,
        scheduleId: quote.schedule.id,
        amountRials: officeRials,
        // A resubmission's further billing is not another set of parties and pages.
        ...(resubmission ? {} : extrasOf(quote)),
      },
      now,
      licence,
    );
  }
  const outboxId = await queueFilingSms(tx, { ...f, trackingCode }, 'submitted', now, locked!.contact);
  return {
    result: { id: f.id, status: 'submitted' as const, trackingCode },
    outboxId,
    // Appended last, after the stored answer, and sent with it and the commit.
    audit: audit ? { actor, input: audit } : undefined,
  };
}

/**
 * Submission to the court; retried requests with the same `Idempotency-Key` get the first answer.
 * The key's claim, the submission and the stored answer commit together: a crash or a failure
 * inside the work leaves neither a submission nor a claimed key behind.
 */
export async function submitFiling(ctx: AppContext, actor: Actor, id: number, key: string | undefined) {
  const checked = idempotencyKeyFrom(key, true)!;
  await loadWritable(ctx.db, actor, id, false);
  // Set only when the submission runs: a replayed request gets the stored answer and sends no SMS.
  let outboxId: number | null = null;
  const answer = await runIdempotentInTransaction(
    ctx,
    { userId: actor.userId, key: checked, operation: 'filings.submit', request: { filingId: id } },
    async (tx) => {
      const submitted = await submitIn(ctx, tx, actor, id);
      outboxId = submitted.outboxId;
      return { status: 200, body: submitted.result, audit: submitted.audit };
    },
  );
  if (outboxId != null) await dispatchMessages(ctx, [outboxId]);
  return answer;
}

// ---- reads ----------------------------------------------------------------------------------

function attachmentOut(a: store.AttachmentRow) {
  return {
    id: a.id,
    title: a.title,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    pages: a.pages,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}

function partyKind(p: store.PartyRow) {
  if (p.representativeId != null) return 'representative' as const;
  if (p.legalPersonId != null) return 'legal-person' as const;
  if (p.citizenId != null) return 'citizen' as const;
  return 'named' as const;
}

function summaryOut(r: store.SummaryRow) {
  const f = r.filing;
  return {
    id: f.id,
    trackingCode: f.trackingCode,
    service: { code: f.serviceCode, title: { fa: r.serviceFa ?? f.serviceCode, en: r.serviceEn ?? f.serviceCode } },
    status: f.status,
    channel: f.channel,
    officeId: f.officeId,
    provinceId: f.provinceId,
    applicant: {
      citizenId: f.applicantCitizenId,
      name: `${r.applicantFirst} ${r.applicantLast}`,
      nationalId: r.applicantNationalId,
    },
    subject: f.subject,
    totalRials: f.totalRials,
    createdAt: f.createdAt.toISOString(),
    submittedAt: f.submittedAt?.toISOString() ?? null,
  };
}

/**
 * What a citizen's history of a filing shows: the steps that concern them (paid, sent, the court's
 * answer), not the office's drafting; of a filing they make online, also when they started and
 * confirmed it (their own edits and attachments stay out, as the office's do).
 */
const CITIZEN_HISTORY = new Set(['paid', 'submitted', 'resubmitted', 'accepted', 'returned']);
const CITIZEN_ONLINE_HISTORY = new Set(['created', 'confirmed']);
const inCitizenHistory = (e: { action: string; channel: string }) =>
  CITIZEN_HISTORY.has(e.action) || (e.channel === 'online' && CITIZEN_ONLINE_HISTORY.has(e.action));

/**
 * The decision an appeal names, as delivered to its applicant, and the time left to appeal it today
 * (Art. 336: twenty days, two months abroad): what the wizard shows when the draft is reopened, as
 * it did when "appeal this" started it.
 */
async function appealedDecisionOf(ctx: AppContext, noticeId: number, applicantId: number) {
  const d = await ctx.ports.deliveredDecision(ctx.db, noticeId, applicantId);
  if (!d) return null;
  const deliveredOn = tehranIsoDate(d.deliveredAt);
  const { fromIso, toIso } = appealWindowSpan(deliveredOn, true);
  const calendar = await ctx.ports.holidayCalendar(ctx.db, fromIso, toIso);
  const today = tehranIsoDate(ctx.clock.now());
  return {
    noticeId: d.noticeId,
    title: d.title,
    courtId: d.courtId,
    courtName: d.courtName,
    branch: d.branch,
    caseNumber: d.caseNumber,
    deliveredAt: d.deliveredAt.toISOString(),
    appeal: {
      resident: appealWindow(deliveredOn, false, calendar, today),
      abroad: appealWindow(deliveredOn, true, calendar, today),
    },
  };
}

async function detailOf(ctx: AppContext, actor: Actor, id: number): Promise<FilingDetail> {
  const summary = await store.findSummary(ctx.db, id);
  if (!summary) throw new AppError('not_found');
  const f = summary.filing;
  const [parties, attachments, allEvents, court, office] = await Promise.all([
    store.partiesOf(ctx.db, id),
    store.attachmentsOf(ctx.db, id),
    store.eventsOf(ctx.db, id),
    f.courtId != null ? store.findCourt(ctx.db, f.courtId) : Promise.resolve(null),
    f.officeId != null ? store.officeLocation(ctx.db, f.officeId) : Promise.resolve(null),
  ]);
  const events = actor.kind === 'citizen' ? allEvents.filter(({ event }) => inCitizenHistory(event)) : allEvents;
  const appealedDecision =
    f.appealsNoticeId != null ? await appealedDecisionOf(ctx, f.appealsNoticeId, f.applicantCitizenId) : null;
  return {
    ...summaryOut(summary),
    court: court
      ? {
          id: court.id,
          name: { fa: court.nameFa, en: court.nameEn },
          provinceId: court.provinceId,
          cityId: court.cityId,
          branches: court.branches,
        }
      : null,
    branch: f.branch,
    office: office
      ? { id: office.id, code: office.code, name: { fa: office.nameFa, en: office.nameEn }, address: office.address }
      : null,
    ticketId: f.ticketId,
    appealsNoticeId: f.appealsNoticeId,
    appealedDecision,
    facts: f.facts,
    claims: f.claims,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      kind: partyKind(p),
      name: p.name,
      nationalId: p.nationalId,
      address: p.address,
      citizenId: p.citizenId,
      legalPersonId: p.legalPersonId,
      representativeId: p.representativeId,
      representsPartyId: p.representsPartyId,
    })),
    attachments: attachments.map(attachmentOut),
    pages: attachments.reduce((n, a) => n + a.pages, 0),
    quote: asFilingQuote(f.quote),
    payment: {
      paidRials: f.paidRials,
      dueRials: f.totalRials != null ? Math.max(0, f.totalRials - f.paidRials) : null,
    },
    caseNumber: f.caseNumber,
    returnReasons: f.returnReasons,
    confirmedAt: f.confirmedAt?.toISOString() ?? null,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    events: events.map(({ event: e, firstName, lastName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      channel: e.channel,
      officeId: e.officeId,
      courtId: e.courtId,
      actor: { userId: e.actorUserId, name: firstName ? `${firstName} ${lastName}` : null },
      data: e.data as Record<string, unknown>,
    })),
    actions: actionsFor(actor, f),
    limits: attachmentLimits(),
  };
}

export async function getFiling(ctx: AppContext, actor: Actor, id: number): Promise<FilingDetail> {
  scopeFilter(actor, 'filings.read');
  readable(actor, await store.findFiling(ctx.db, id));
  return detailOf(ctx, actor, id);
}

export async function listFilings(ctx: AppContext, actor: Actor, q: ListFilingsQuery) {
  const filter = scopeFilter(actor, 'filings.list');
  if (q.officeId) {
    const office = await store.officeLocation(ctx.db, q.officeId);
    if (!office) throw new AppError('not_found');
    authorize(actor, 'filings.list', { officeId: office.id, provinceId: office.provinceId });
  }
  const { rows, total } = await store.searchFilings(ctx.db, filter, {
    officeId: q.officeId,
    status: q.status,
    fromIso: q.from?.iso,
    toIso: q.to?.iso,
    text: q.q || undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map(summaryOut), total, page: q.page, pageSize: q.pageSize };
}

const UNSENT_SHOWN = 20;

/** A closed day as the API says it: Jalali date, why, and its holidays' names. */
const closedDayOut = (c: Closure) => ({
  date: formatJalaliIso(isoToJalali(c.date)),
  reason: c.reason,
  title: closureTitle(c),
});

/**
 * Paid filings of an office not yet sent to court, oldest first, and where the office's working
 * day stands (its own opening hours on the holiday calendar, the server's clock): in its last hours,
 * or all day before an official holiday, they are a warning.
 */
export async function unsentFilings(ctx: AppContext, actor: Actor, officeId: number | undefined) {
  const filter = scopeFilter(actor, 'filings.list');
  let office: NonNullable<Awaited<ReturnType<typeof store.officeLocation>>>;
  if (officeId == null) {
    const acting = actingOffice(actor, 'filings.list');
    const found = await store.officeLocation(ctx.db, acting.officeId);
    if (!found) throw new AppError('not_found');
    office = found;
  } else {
    const found = await store.officeLocation(ctx.db, officeId);
    if (!found) throw new AppError('not_found');
    authorize(actor, 'filings.list', { officeId: found.id, provinceId: found.provinceId });
    office = found;
  }
  const { rows, total } = await store.searchFilings(ctx.db, filter, {
    officeId: office.id,
    status: 'paid',
    oldestFirst: true,
    page: 1,
    pageSize: UNSENT_SHOWN,
  });
  const now = ctx.clock.now();
  const today = tehranIsoDate(now);
  const calendar = await ctx.ports.holidayCalendar(ctx.db, today, addDaysIso(today, WORKING_DAY_LOOKAHEAD));
  const end = officeDayEnd(office.openingHours, now, calendar);
  const day = {
    closesAt: end.closesAt,
    minutesLeft: end.minutesLeft,
    lastHours: end.lastHours,
    closedToday: end.closedToday && closedDayOut(end.closedToday),
    beforeHoliday: end.beforeHoliday && {
      closed: end.beforeHoliday.closed.map(closedDayOut),
      reopensOn: end.beforeHoliday.reopensOn && formatJalaliIso(isoToJalali(end.beforeHoliday.reopensOn)),
    },
  };
  return {
    office: { id: office.id, name: { fa: office.nameFa, en: office.nameEn } },
    count: total,
    items: rows.map(summaryOut),
    day,
    warn: total > 0 && day.lastHours,
  };
}

/** The signed-in citizen's own filings (whether filed online or prepared for them at an office). */
export async function ownFilings(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'filings.read', { citizenId: actor.citizenId });
  const filter = {
    all: false,
    provinceIds: [],
    officeIds: [],
    courtIds: [],
    citizenId: actor.citizenId,
    userId: actor.userId,
  };
  const { rows, total } = await store.searchFilings(ctx.db, filter, {
    citizenId: actor.citizenId,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map(summaryOut), total, page: q.page, pageSize: q.pageSize };
}

/** An attachment's bytes, for whoever may read the filing. */
export async function attachmentFile(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  scopeFilter(actor, 'filings.read');
  readable(actor, await store.findFiling(ctx.db, id));
  const a = await store.findAttachment(ctx.db, id, attachmentId);
  if (!a) throw new AppError('not_found');
  return a;
}

/** The print view of the draft (or the filing as submitted), for the applicant to review. */
export async function printFiling(ctx: AppContext, actor: Actor, id: number) {
  const detail = await getFiling(ctx, actor, id);
  const office = detail.officeId != null ? await store.officeLocation(ctx.db, detail.officeId) : null;
  return filingPrintHtml(detail, office);
}

export async function courtOptions(ctx: AppContext, provinceId: number) {
  return { items: await store.courtOptions(ctx.db, provinceId) };
}
