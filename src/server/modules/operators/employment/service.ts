/**
 * Employment use cases: contracts and insurance periods kept by the office's manager (each write
 * serialized per person and audited), the day's alerts and the workforce statistics within the
 * caller's scope.
 */
import type { z } from 'zod';
import { alertKey, contractConflict, groupBy, periodsOverlap, workforceStats } from '#core/employment';
import { tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, can, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { ERROR_CATALOG } from '#server/platform/errors/catalog';
import { contractView, insuranceView, manageablePerson } from '#server/modules/operators/registry/service';
import * as registryStore from '#server/modules/operators/registry/store';
import type {
  alertSchema,
  createContractBody,
  createInsuranceBody,
  endInsuranceBody,
  scopeQuery,
  statsResponse,
  terminateContractBody,
} from './schemas';
import * as store from './store';

/** A refusal that also names the field the person should look at, with the refusal's own words. */
function refusedAt(
  code: 'contract_overlap' | 'employed_full_time_elsewhere' | 'insurance_overlap',
  field: string,
): AppError {
  const { fa, en } = ERROR_CATALOG[code];
  return new AppError(code, { fields: [{ field, code: 'invalid', message: { fa, en } }] });
}

/** The office the manager keeps the person's employment at: one the person works at and the manager runs. */
function officeFor(actor: Actor, person: registryStore.PersonRow): { officeId: number; provinceId: number } {
  const office = person.roles.find((g) =>
    can(actor, 'employment.manage', { officeId: g.officeId, provinceId: g.provinceId }),
  );
  if (!office) throw new AppError('forbidden');
  return { officeId: office.officeId, provinceId: office.provinceId };
}

export async function createContract(
  ctx: AppContext,
  actor: Actor,
  personId: number,
  body: z.infer<typeof createContractBody>,
) {
  const person = await manageablePerson(ctx, actor, personId);
  const office = officeFor(actor, person);
  const endsOn = body.endsOn?.iso ?? null;
  if (body.type !== 'permanent' && !endsOn) throw invalidField('endsOn', 'required');
  // A permanent contract has no agreed end; it ends only by termination.
  if (body.type === 'permanent' && endsOn) throw invalidField('endsOn', 'invalid_value');
  if (endsOn && endsOn <= body.startsOn.iso) throw invalidField('endsOn', 'date_before_start');
  const id = await ctx.db.transaction(async (tx) => {
    await store.lockPerson(tx, person.id, person.nationalId);
    const existing = await store.contractsOfPerson(tx, person.id, person.nationalId);
    const conflict = contractConflict(existing, {
      officeId: office.officeId,
      fullTime: body.fullTime,
      startsOn: body.startsOn.iso,
      endsOn,
    });
    if (conflict) throw refusedAt(conflict, 'startsOn');
    const contractId = await store.insertContract(tx, {
      userId: person.id,
      officeId: office.officeId,
      provinceId: office.provinceId,
      type: body.type,
      fullTime: body.fullTime,
      weeklyHours: body.weeklyHours,
      monthlyWageRials: body.monthlyWageRials,
      startsOn: body.startsOn.iso,
      endsOn,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'employment.contract.create',
      entityType: 'employment_contract',
      entityId: contractId,
      provinceId: office.provinceId,
      officeId: office.officeId,
      data: {
        userId: person.id,
        type: body.type,
        fullTime: body.fullTime,
        weeklyHours: body.weeklyHours,
        monthlyWageRials: body.monthlyWageRials,
        startsOn: body.startsOn.iso,
        endsOn,
      },
    });
    return contractId;
  });
  return contractById(ctx, person.id, id);
}

async function contractById(ctx: AppContext, userId: number, id: number) {
  const row = (await registryStore.contractsOf(ctx.db, userId)).find((c) => c.id === id)!;
  return contractView(row, tehranIsoDate(ctx.clock.now()));
}

/** A contract the actor may see (404 otherwise) and end (403 when only seen). */
async function manageableContract(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'employment.manage');
  const contract = await store.findContract(ctx.db, id);
  const scope = contract ? { officeId: contract.officeId, provinceId: contract.provinceId } : null;
  if (!contract || !scope || !can(actor, 'staff.registry', scope)) throw new AppError('not_found');
  authorize(actor, 'employment.manage', scope);
  return contract;
}

export async function terminateContract(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: z.infer<typeof terminateContractBody>,
) {
  const found = await manageableContract(ctx, actor, id);
  const person = await registryStore.findPerson(ctx.db, found.userId);
  await ctx.db.transaction(async (tx) => {
    await store.lockPerson(tx, found.userId, person?.nationalId ?? null);
    const c = (await store.findContract(tx, id))!;
    if (c.terminatedOn) throw new AppError('conflict', { detail: 'The contract has already been terminated.' });
    if (body.on.iso < c.startsOn) throw invalidField('on', 'date_before_start');
    if (c.endsOn && body.on.iso > c.endsOn) throw invalidField('on', 'too_big');
    await store.terminateContract(tx, id, body.on.iso, body.reason);
    await recordAudit(tx, actor, {
      action: 'employment.contract.terminate',
      entityType: 'employment_contract',
      entityId: id,
      provinceId: c.provinceId,
      officeId: c.officeId,
      data: { userId: c.userId, on: body.on.iso, reason: body.reason },
    });
  });
  return contractById(ctx, found.userId, id);
}

export async function addInsurance(
  ctx: AppContext,
  actor: Actor,
  personId: number,
  body: z.infer<typeof createInsuranceBody>,
) {
  const person = await manageablePerson(ctx, actor, personId);
  const office = officeFor(actor, person);
  const endsOn = body.endsOn?.iso ?? null;
  if (endsOn && endsOn < body.startsOn.iso) throw invalidField('endsOn', 'date_before_start');
  const id = await ctx.db.transaction(async (tx) => {
    await store.lockPerson(tx, person.id, person.nationalId);
    const periods = await store.insuranceAt(tx, person.id, office.officeId);
    if (periods.some((p) => periodsOverlap(p, { startsOn: body.startsOn.iso, endsOn })))
      throw refusedAt('insurance_overlap', 'startsOn');
    const periodId = await store.insertInsurance(tx, {
      userId: person.id,
      officeId: office.officeId,
      provinceId: office.provinceId,
      insuranceNumber: body.insuranceNumber,
      startsOn: body.startsOn.iso,
      endsOn,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'employment.insurance.start',
      entityType: 'insurance_period',
      entityId: periodId,
      provinceId: office.provinceId,
      officeId: office.officeId,
      data: { userId: person.id, insuranceNumber: body.insuranceNumber, startsOn: body.startsOn.iso, endsOn },
    });
    return periodId;
  });
  return insuranceById(ctx, person.id, id);
}

async function insuranceById(ctx: AppContext, userId: number, id: number) {
  const row = (await registryStore.insuranceOf(ctx.db, userId)).find((i) => i.id === id)!;
  return insuranceView(row, tehranIsoDate(ctx.clock.now()));
}

export async function endInsurance(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof endInsuranceBody>) {
  scopeFilter(actor, 'employment.manage');
  const found = await store.findInsurance(ctx.db, id);
  const scope = found ? { officeId: found.officeId, provinceId: found.provinceId } : null;
  if (!found || !scope || !can(actor, 'staff.registry', scope)) throw new AppError('not_found');
  authorize(actor, 'employment.manage', scope);
  const person = await registryStore.findPerson(ctx.db, found.userId);
  await ctx.db.transaction(async (tx) => {
    await store.lockPerson(tx, found.userId, person?.nationalId ?? null);
    const p = (await store.findInsurance(tx, id))!;
    if (p.endsOn && p.endsOn < tehranIsoDate(ctx.clock.now()))
      throw new AppError('conflict', { detail: 'The insurance period has already ended.' });
    if (body.endsOn.iso < p.startsOn) throw invalidField('endsOn', 'date_before_start');
    await store.endInsurance(tx, id, body.endsOn.iso);
    await recordAudit(tx, actor, {
      action: 'employment.insurance.end',
      entityType: 'insurance_period',
      entityId: id,
      provinceId: p.provinceId,
      officeId: p.officeId,
      data: { userId: p.userId, endsOn: body.endsOn.iso },
    });
  });
  return insuranceById(ctx, found.userId, id);
}

/** An explicit office or province outside the caller's scope is refused, not answered empty. */
async function askedScope(ctx: AppContext, actor: Actor, q: z.infer<typeof scopeQuery>) {
  const filter = scopeFilter(actor, 'employment.read');
  if (q.officeId) {
    const office = await registryStore.officeLocation(ctx.db, q.officeId);
    if (!office) throw new AppError('not_found');
    authorize(actor, 'employment.read', { officeId: office.id, provinceId: office.provinceId });
  }
  if (q.provinceId) authorize(actor, 'employment.read', { provinceId: q.provinceId });
  return filter;
}

type Alert = z.infer<typeof alertSchema>;
const alertOf = (r: store.AlertRow): Alert => ({
  kind: r.kind,
  key: alertKey(r.kind, r.contractId ?? r.licenceId ?? r.userId, r.dueOn),
  person: { id: r.userId, name: { first: r.firstName, last: r.lastName } },
  office: { id: r.officeId, code: r.officeCode, name: { fa: r.officeNameFa, en: r.officeNameEn } },
  provinceId: r.provinceId,
  dueOn: r.dueOn,
  contractId: r.contractId,
  licenceId: r.licenceId,
});

export async function listAlerts(ctx: AppContext, actor: Actor, q: z.infer<typeof scopeQuery>) {
  const filter = await askedScope(ctx, actor, q);
  const items = (await store.alerts(ctx.db, filter, q, tehranIsoDate(ctx.clock.now()))).map(alertOf);
  return { items, total: items.length };
}

export async function workforce(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof scopeQuery>,
): Promise<z.infer<typeof statsResponse>> {
  const filter = await askedScope(ctx, actor, q);
  const day = tehranIsoDate(ctx.clock.now());
  const [contracts, insurance] = await Promise.all([
    store.statsContracts(ctx.db, filter, q, day),
    store.statsInsurance(ctx.db, filter, q, day),
  ]);
  const byOffice = groupBy(contracts, (c) => c.officeId);
  const insuranceByOffice = groupBy(insurance, (i) => i.officeId);
  const offices = await store.officesByIds(ctx.db, [...byOffice.keys()]);
  const byProvince = groupBy(contracts, (c) => c.provinceId);
  const provinces = await store.provincesByIds(ctx.db, [...byProvince.keys()]);
  const officeIdsOf = (provinceId: number) =>
    new Set(offices.filter((o) => o.provinceId === provinceId).map((o) => o.id));
  return {
    day,
    offices: offices.map((o) => ({
      office: { id: o.id, code: o.code, name: { fa: o.nameFa, en: o.nameEn } },
      provinceId: o.provinceId,
      ...workforceStats(byOffice.get(o.id) ?? [], insuranceByOffice.get(o.id) ?? [], day),
    })),
    provinces: provinces.map((p) => {
      const ids = officeIdsOf(p.id);
      return {
        province: { id: p.id, name: { fa: p.nameFa, en: p.nameEn } },
        ...workforceStats(
          byProvince.get(p.id) ?? [],
          insurance.filter((i) => ids.has(i.officeId)),
          day,
        ),
      };
    }),
  };
}
