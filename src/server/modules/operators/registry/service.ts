/**
 * The staff registry's use cases: the scoped list, a person's record (read by whoever's scope
 * covers one of the offices they work at; 404 otherwise, so existence is not revealed), the
 * person's own record, and the profile and photo kept by their office's manager.
 */
import type { z } from 'zod';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import type { EffectiveStatus } from '#core/licensing';
import { covers as periodCovers, contractEnd } from '#core/employment';
import type { AppContext } from '#server/platform/context';
import type { Actor } from '#server/platform/auth/actor';
import type { Action } from '#server/platform/auth/permissions';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { inspectFile, sniffType } from '#server/platform/storage/file-inspection';
import type { FileStorage } from '#server/platform/storage/storage';
import { continuingEducationHours, qualificationsOf } from '#server/modules/operators/training/qualifications';
import type {
  contractSchema,
  insurancePeriodSchema,
  profileBody,
  staffListItem,
  staffRecordSchema,
  staffRegistryQuery,
} from './schemas';
import * as store from './store';

type StaffRecord = z.infer<typeof staffRecordSchema>;
type ListItem = z.infer<typeof staffListItem>;

/** Photos are passport-size pictures: a megabyte is plenty. */
export const PHOTO_MAX_BYTES = 1024 * 1024;

const officeOf = (r: { officeId: number; officeCode: string; officeNameFa: string; officeNameEn: string }) => ({
  id: r.officeId,
  code: r.officeCode,
  name: { fa: r.officeNameFa, en: r.officeNameEn },
});

const roleEntries = (roles: store.GrantRow[]) =>
  roles.map((g) => ({ role: g.role, office: officeOf(g), provinceId: g.provinceId }));

/** May the actor perform `action` over one of the offices the person works at? */
function coversPerson(actor: Actor, action: Action, person: Pick<store.PersonRow, 'roles'>): boolean {
  return person.roles.some((g) => can(actor, action, { officeId: g.officeId, provinceId: g.provinceId }));
}

/** The person, if the actor's registry scope covers them; not_found otherwise. */
async function visiblePerson(ctx: AppContext, actor: Actor, id: number): Promise<store.PersonRow> {
  scopeFilter(actor, 'staff.registry');
  const person = await store.findPerson(ctx.db, id);
  if (!person || !coversPerson(actor, 'staff.registry', person)) throw new AppError('not_found');
  return person;
}

/** The person, seen and kept by the actor (the manager of an office they work at); 404 unseen, 403 seen only. */
export async function manageablePerson(ctx: AppContext, actor: Actor, id: number): Promise<store.PersonRow> {
  scopeFilter(actor, 'employment.manage');
  const person = await visiblePerson(ctx, actor, id);
  if (!coversPerson(actor, 'employment.manage', person)) throw new AppError('forbidden');
  return person;
}

export async function listStaff(ctx: AppContext, actor: Actor, q: z.infer<typeof staffRegistryQuery>) {
  const filter = scopeFilter(actor, 'staff.registry');
  // Asking for an office or province outside one's scope is refused, not answered empty.
  if (q.officeId) {
    const office = await store.officeLocation(ctx.db, q.officeId);
    if (!office) throw new AppError('not_found');
    authorize(actor, 'staff.registry', { officeId: office.id, provinceId: office.provinceId });
  }
  if (q.provinceId) authorize(actor, 'staff.registry', { provinceId: q.provinceId });
  const { rows, total } = await store.searchStaff(ctx.db, filter, q, tehranIsoDate(ctx.clock.now()));
  const items: ListItem[] = rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: { first: r.firstName, last: r.lastName },
    nationalId: r.nationalId,
    roles: roleEntries(r.roles),
    educationLevel: r.educationLevel as ListItem['educationLevel'],
    licence: r.licenceId
      ? {
          id: r.licenceId,
          number: r.licenceNumber!,
          status: r.licenceStatus as EffectiveStatus,
          expiresOn: r.licenceExpiresOn!,
        }
      : null,
    contract: r.contractType
      ? {
          type: r.contractType as NonNullable<ListItem['contract']>['type'],
          fullTime: !!r.contractFullTime,
          endsOn: r.contractEndsOn,
        }
      : null,
    insured: r.insured,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function staffRecord(ctx: AppContext, actor: Actor, id: number): Promise<StaffRecord> {
  const person = await visiblePerson(ctx, actor, id);
  return recordOf(ctx, actor, person);
}

export async function ownRecord(ctx: AppContext, actor: Actor): Promise<StaffRecord> {
  scopeFilter(actor, 'staff.self');
  const person = await store.findPerson(ctx.db, actor.userId);
  if (!person) throw new AppError('not_found');
  return recordOf(ctx, actor, person);
}

const day = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

export function contractView(c: store.ContractRow, today: string): z.infer<typeof contractSchema> {
  return {
    id: c.id,
    office: officeOf(c),
    type: c.type as z.infer<typeof contractSchema>['type'],
    fullTime: c.fullTime,
    weeklyHours: c.weeklyHours,
    monthlyWageRials: Number(c.monthlyWageRials),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    terminatedOn: c.terminatedOn,
    terminationReason: c.terminationReason,
    inForce: periodCovers({ startsOn: c.startsOn, endsOn: contractEnd(c) }, today),
  };
}

export function insuranceView(i: store.InsuranceRow, today: string): z.infer<typeof insurancePeriodSchema> {
  return {
    id: i.id,
    office: officeOf(i),
    insuranceNumber: i.insuranceNumber,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    current: periodCovers(i, today),
  };
}

async function recordOf(ctx: AppContext, actor: Actor, person: store.PersonRow): Promise<StaffRecord> {
  const today = tehranIsoDate(ctx.clock.now());
  const [contracts, insurance, licences, licenceEvents, courses, ceHours] = await Promise.all([
    store.contractsOf(ctx.db, person.id),
    store.insuranceOf(ctx.db, person.id),
    store.licencesOf(ctx.db, person.id, today),
    store.licenceEventsOf(ctx.db, person.id),
    qualificationsOf(ctx.db, person.id),
    continuingEducationHours(ctx.db, person.id, addDaysIso(today, -365)),
  ]);

  // Offices worked at: every office of a grant or a contract, with the span the contracts cover.
  const offices = new Map<number, StaffRecord['offices'][number]>();
  for (const g of person.roles)
    offices.set(g.officeId, { office: officeOf(g), provinceId: g.provinceId, from: null, to: null, current: true });
  for (const c of contracts) {
    if (!offices.has(c.officeId))
      offices.set(c.officeId, { office: officeOf(c), provinceId: c.provinceId, from: null, to: null, current: false });
  }
  for (const entry of offices.values()) {
    const here = contracts.filter((c) => c.officeId === entry.office.id);
    if (here.length === 0) continue;
    entry.from = here.map((c) => c.startsOn).sort()[0];
    const ends = here.map(contractEnd);
    entry.to = ends.includes(null) ? null : (ends as string[]).sort().at(-1)!;
  }

  const history: StaffRecord['history'] = [];
  for (const g of person.roles)
    history.push({
      on: day(g.grantedAt),
      kind: 'role-granted',
      office: { id: g.officeId, code: g.officeCode },
      detail: g.role,
    });
  for (const c of contracts) {
    const office = { id: c.officeId, code: c.officeCode };
    history.push({ on: c.startsOn, kind: 'contract-started', office, detail: c.type });
    if (c.terminatedOn)
      history.push({ on: c.terminatedOn, kind: 'contract-terminated', office, detail: c.terminationReason });
    else if (c.endsOn && c.endsOn < today)
      history.push({ on: c.endsOn, kind: 'contract-ended', office, detail: c.type });
  }
  for (const i of insurance) {
    const office = { id: i.officeId, code: i.officeCode };
    history.push({ on: i.startsOn, kind: 'insurance-started', office, detail: i.insuranceNumber });
    if (i.endsOn && i.endsOn < today)
      history.push({ on: i.endsOn, kind: 'insurance-ended', office, detail: i.insuranceNumber });
  }
  for (const e of licenceEvents) {
    const licence = licences.find((l) => l.id === e.licenceId);
    history.push({
      on: day(e.createdAt),
      kind: `licence-${e.kind}` as StaffRecord['history'][number]['kind'],
      office: licence ? { id: licence.officeId, code: licence.officeCode } : null,
      detail: e.reason ?? e.number,
    });
  }
  history.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));

  const manageableOfficeIds = person.roles
    .filter((g) => can(actor, 'employment.manage', { officeId: g.officeId, provinceId: g.provinceId }))
    .map((g) => g.officeId);
  return {
    id: person.id,
    username: person.username,
    name: { first: person.firstName, last: person.lastName },
    nationalId: person.nationalId,
    mobile: person.mobile,
    roles: roleEntries(person.roles),
    profile: {
      educationLevel: person.educationLevel as StaffRecord['profile']['educationLevel'],
      educationField: person.educationField,
      insuranceNumber: person.insuranceNumber,
      hasPhoto: !!person.photoKey,
    },
    offices: [...offices.values()],
    contracts: contracts.map((c) => contractView(c, today)),
    insurance: insurance.map((i) => insuranceView(i, today)),
    insured: insurance.some((i) => periodCovers(i, today)),
    licences: licences.map((l) => ({
      id: l.id,
      number: l.number,
      office: { id: l.officeId, code: l.officeCode },
      serviceCodes: l.serviceCodes,
      status: l.effective as EffectiveStatus,
      issuedOn: l.issuedOn,
      expiresOn: l.expiresOn,
      statusReason: l.statusReason,
      suspendedUntil: l.suspendedUntil,
    })),
    training: { courses, continuingEducationHours: ceHours },
    history,
    canManage: manageableOfficeIds.length > 0,
    manageableOfficeIds,
  };
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: z.infer<typeof profileBody>,
): Promise<StaffRecord> {
  const person = await manageablePerson(ctx, actor, id);
  const office = person.roles.find((g) =>
    can(actor, 'employment.manage', { officeId: g.officeId, provinceId: g.provinceId }),
  )!;
  await ctx.db.transaction(async (tx) => {
    await store.upsertProfile(
      tx,
      id,
      {
        educationLevel: body.educationLevel,
        educationField: body.educationField || null,
        insuranceNumber: body.insuranceNumber,
      },
      ctx.clock.now(),
    );
    await recordAudit(tx, actor, {
      action: 'staff.profile.update',
      entityType: 'user',
      entityId: id,
      provinceId: office.provinceId,
      officeId: office.officeId,
      data: {
        educationLevel: body.educationLevel,
        educationField: body.educationField,
        insuranceNumber: body.insuranceNumber,
      },
    });
  });
  return staffRecord(ctx, actor, id);
}

export interface PhotoUpload {
  bytes: Buffer;
  truncated: boolean;
}

/** Stores a new photo after checking by content that it is a whole JPEG or PNG. */
export async function setPhoto(
  ctx: AppContext,
  actor: Actor,
  id: number,
  upload: PhotoUpload,
  storage: FileStorage,
): Promise<{ hasPhoto: true }> {
  const person = await manageablePerson(ctx, actor, id);
  if (upload.truncated || upload.bytes.length > PHOTO_MAX_BYTES)
    throw new AppError('file_too_large', { fields: [fieldError('file', 'too_big')] });
  if (upload.bytes.length === 0) throw new AppError('validation_failed', { fields: [fieldError('file', 'required')] });
  const sniffed = sniffType(upload.bytes);
  if (sniffed !== 'image/jpeg' && sniffed !== 'image/png')
    throw new AppError('unsupported_file_type', { detail: 'A photo must be a JPEG or PNG image.' });
  const inspection = await inspectFile(upload.bytes);
  if (!inspection.ok) throw new AppError(inspection.problem, { detail: inspection.detail });
  const office = person.roles.find((g) =>
    can(actor, 'employment.manage', { officeId: g.officeId, provinceId: g.provinceId }),
  )!;
  const stored = await storage.put(`staff-photos/${id}`, upload.bytes);
  try {
    await ctx.db.transaction(async (tx) => {
      await store.upsertProfile(tx, id, { photoKey: stored.key, photoType: sniffed }, ctx.clock.now());
      await recordAudit(tx, actor, {
        action: 'staff.photo.update',
        entityType: 'user',
        entityId: id,
        provinceId: office.provinceId,
        officeId: office.officeId,
        data: { sha256: stored.sha256, sizeBytes: stored.sizeBytes },
      });
    });
  } catch (error) {
    await storage.remove(stored.key);
    throw error;
  }
  return { hasPhoto: true };
}

/** The photo's storage key and type, for whoever may read the record (or the person themself). */
export async function photoOf(ctx: AppContext, actor: Actor, id: number): Promise<{ key: string; type: string }> {
  const person = actor.userId === id ? await store.findPerson(ctx.db, id) : await visiblePerson(ctx, actor, id);
  if (!person?.photoKey || !person.photoType) throw new AppError('not_found');
  return { key: person.photoKey, type: person.photoType };
}
