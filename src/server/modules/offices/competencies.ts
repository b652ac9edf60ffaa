/**
 * Competencies: which catalog services each office may offer. The regulator grants them (to named
 * offices, or to every active office of some provinces as a pilot), suspends or withdraws them
 * with a reason; the coverage per province shows where a service can be had.
 */
import { tehranIsoDate } from '#core/jalali';
import { competencyChangeProblem, grantEffect } from '#core/office-status';
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import type { Executor } from '#server/db/transaction';
import { AppError, fieldError, invalidField, type FieldError } from '#server/platform/errors/app-error';
import { findService } from '#server/modules/catalog/store';
import type { CompetencyGrantInput } from './schemas';
import { officeHistory } from './service';
import * as store from './store';

/** The service a competency is for: in the catalog, and offered at offices at all. */
async function officeService(ctx: AppContext, code: string, field = 'serviceCode') {
  const service = await findService(ctx.db, code);
  if (!service?.active) throw invalidField(field, 'unknown_service');
  if (service.channels === 'online') throw invalidField(field, 'service_not_at_offices');
  return service;
}

export async function grantCompetencies(ctx: AppContext, actor: Actor, input: CompetencyGrantInput) {
  scopeFilter(actor, 'competencies.manage');
  const errors: FieldError[] = [];
  if ((input.officeIds == null) === (input.provinceIds == null))
    errors.push(fieldError('officeIds', 'offices_or_provinces'));
  if (input.validUntil && input.validUntil.iso < input.validFrom.iso)
    errors.push(fieldError('validUntil', 'date_before_start'));
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  await officeService(ctx, input.serviceCode);

  let targets: { id: number; provinceId: number; status: string }[];
  if (input.officeIds) {
    const ids = [...new Set(input.officeIds)];
    targets = await store.officesByIds(ctx.db, ids);
    // A closed office's licence is gone: nothing can be granted to it.
    if (targets.length !== ids.length || targets.some((o) => o.status === 'closed'))
      throw invalidField('officeIds', 'office_not_found');
  } else {
    const ids = [...new Set(input.provinceIds!)];
    if ((await store.existingProvinceIds(ctx.db, ids)).length !== ids.length)
      throw invalidField('provinceIds', 'invalid_value');
    targets = await store.activeOfficesOfProvinces(ctx.db, ids);
  }
  for (const o of targets) authorize(actor, 'competencies.manage', { officeId: o.id, provinceId: o.provinceId });

  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    grantInTransaction(
      tx,
      actor,
      {
        serviceCode: input.serviceCode,
        validFrom: input.validFrom.iso,
        validUntil: input.validUntil?.iso ?? null,
        pilot: input.pilot,
        reason: input.reason || null,
      },
      targets,
      now,
    ),
  );
}

interface GrantTerms {
  serviceCode: string;
  validFrom: string;
  validUntil: string | null;
  pilot: boolean;
  reason: string | null;
}

/**
 * A service granted to every active office of some provinces, inside the caller's transaction (a
 * proposal's approval, which adds the service to the catalog in the same transaction). The caller
 * has checked the service and the provinces; the actor must be allowed to manage each office's
 * competencies.
 */
export async function grantToProvincesInTransaction(
  tx: Executor,
  actor: Actor,
  terms: GrantTerms,
  provinceIds: readonly number[],
  now: Date,
) {
  const targets = await store.activeOfficesOfProvinces(tx, [...new Set(provinceIds)]);
  for (const o of targets) authorize(actor, 'competencies.manage', { officeId: o.id, provinceId: o.provinceId });
  return grantInTransaction(tx, actor, terms, targets, now);
}

async function grantInTransaction(
  tx: Executor,
  actor: Actor,
  terms: GrantTerms,
  targets: readonly { id: number; provinceId: number }[],
  now: Date,
) {
  const held = await store.competenciesForGrant(
    tx,
    terms.serviceCode,
    targets.map((o) => o.id),
  );
  const dates = { validFrom: terms.validFrom, validUntil: terms.validUntil, pilot: terms.pilot };
  const fresh: Parameters<typeof store.insertCompetencies>[1] = [];
  const result = {
    serviceCode: terms.serviceCode,
    granted: 0,
    reactivated: 0,
    alreadyHeld: 0,
    officeIds: [] as number[],
  };
  for (const office of targets) {
    const existing = held.get(office.id) ?? null;
    const effect = grantEffect(existing);
    if (effect === 'already-held') {
      result.alreadyHeld++;
      continue;
    }
    if (effect === 'reactivate') {
      await store.updateCompetency(tx, existing!.id, {
        ...dates,
        status: 'active',
        reason: terms.reason,
        grantedBy: actor.userId,
        grantedAt: now,
        changedBy: actor.userId,
        changedAt: now,
      });
      result.reactivated++;
    } else {
      fresh.push({
        officeId: office.id,
        serviceCode: terms.serviceCode,
        ...dates,
        status: 'active',
        reason: terms.reason,
        grantedBy: actor.userId,
        grantedAt: now,
      });
    }
    result.granted++;
    result.officeIds.push(office.id);
    await recordAudit(tx, actor, {
      action: 'competency.grant',
      entityType: 'office',
      entityId: office.id,
      provinceId: office.provinceId,
      officeId: office.id,
      data: {
        serviceCode: terms.serviceCode,
        ...dates,
        reactivated: effect === 'reactivate',
        reason: terms.reason,
      },
    });
  }
  await store.insertCompetencies(tx, fresh);
  return result;
}

/**
 * A pilot's competencies after its review, inside the caller's transaction (the proposals area's
 * pilot review; the caller has checked the service): every active office of the provinces holds
 * the service on the new terms — granted afresh, reactivated if withdrawn, or its last day and
 * pilot mark replaced if held. A suspension stays: it is the regulator's own decision on that
 * office. Returns how many offices' competencies were granted or changed.
 */
export async function renewGrantsInTransaction(
  tx: Executor,
  actor: Actor,
  terms: GrantTerms,
  provinceIds: readonly number[],
  now: Date,
): Promise<number> {
  const targets = await store.activeOfficesOfProvinces(tx, [...new Set(provinceIds)]);
  for (const o of targets) authorize(actor, 'competencies.manage', { officeId: o.id, provinceId: o.provinceId });
  const held = await store.competenciesForGrant(
    tx,
    terms.serviceCode,
    targets.map((o) => o.id),
  );
  let changed = 0;
  const fresh: typeof targets = [];
  for (const office of targets) {
    const existing = held.get(office.id);
    if (!existing || existing.status === 'withdrawn') {
      fresh.push(office);
      continue;
    }
    if (existing.validUntil === terms.validUntil && existing.pilot === terms.pilot) continue;
    await store.updateCompetency(tx, existing.id, {
      validUntil: terms.validUntil,
      pilot: terms.pilot,
      reason: terms.reason,
      changedBy: actor.userId,
      changedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'competency.renew',
      entityType: 'office',
      entityId: office.id,
      provinceId: office.provinceId,
      officeId: office.id,
      data: {
        serviceCode: terms.serviceCode,
        from: { validUntil: existing.validUntil, pilot: existing.pilot },
        to: { validUntil: terms.validUntil, pilot: terms.pilot },
        reason: terms.reason,
      },
    });
    changed++;
  }
  const granted = await grantInTransaction(tx, actor, terms, fresh, now);
  return changed + granted.granted;
}

/**
 * Withdraws a service's pilot competencies at the offices of some provinces, inside the caller's
 * transaction (a pilot ended by its review), each audited. Returns how many were withdrawn.
 */
export async function withdrawPilotGrantsInTransaction(
  tx: Executor,
  actor: Actor,
  serviceCode: string,
  provinceIds: readonly number[],
  reason: string,
  now: Date,
): Promise<number> {
  const held = await store.pilotCompetenciesInProvinces(tx, serviceCode, [...new Set(provinceIds)]);
  for (const c of held) authorize(actor, 'competencies.manage', { officeId: c.officeId, provinceId: c.provinceId });
  for (const c of held) {
    await store.updateCompetency(tx, c.id, { status: 'withdrawn', reason, changedBy: actor.userId, changedAt: now });
    await recordAudit(tx, actor, {
      action: 'competency.status.change',
      entityType: 'office',
      entityId: c.officeId,
      provinceId: c.provinceId,
      officeId: c.officeId,
      data: { serviceCode, from: c.status, to: 'withdrawn', reason },
    });
  }
  return held.length;
}

export async function changeCompetencyStatus(
  ctx: AppContext,
  actor: Actor,
  officeId: number,
  serviceCode: string,
  input: { status: 'active' | 'suspended' | 'withdrawn'; reason?: string },
) {
  scopeFilter(actor, 'competencies.manage');
  const found = await store.findOffice(ctx.db, officeId);
  if (!found) throw new AppError('not_found');
  authorize(actor, 'competencies.manage', { officeId, provinceId: found.office.provinceId });
  await ctx.db.transaction(async (tx) => {
    const competency = await store.lockCompetency(tx, officeId, serviceCode);
    if (!competency) throw new AppError('not_found');
    const problem = competencyChangeProblem(competency.status, input.status, input.reason);
    if (problem === 'status_conflict')
      throw new AppError('competency_status_conflict', { extra: { competencyStatus: competency.status } });
    if (problem === 'reason_required') throw invalidField('reason', 'reason_required');
    await store.updateCompetency(tx, competency.id, {
      status: input.status,
      reason: input.reason || null,
      changedBy: actor.userId,
      changedAt: ctx.clock.now(),
    });
    await recordAudit(tx, actor, {
      action: 'competency.status.change',
      entityType: 'office',
      entityId: officeId,
      provinceId: found.office.provinceId,
      officeId,
      data: { serviceCode, from: competency.status, to: input.status, reason: input.reason ?? null },
    });
  });
  return officeHistory(ctx, actor, officeId);
}

/** Per province, how many active offices there are and how many of them may offer the service today. */
export async function competencyCoverage(ctx: AppContext, actor: Actor, serviceCode: string) {
  // Whoever may read an office's record may see coverage, limited to what they oversee.
  const filter = scopeFilter(actor, 'offices.history');
  const service = await officeService(ctx, serviceCode);
  const rows = await store.coverage(
    ctx.db,
    serviceCode,
    tehranIsoDate(ctx.clock.now()),
    filter.all
      ? null
      : filter.provinceIds.length
        ? filter.provinceIds
        : await provincesOfOffices(ctx, filter.officeIds),
    filter.all || filter.provinceIds.length ? null : filter.officeIds,
  );
  const provinces = rows.map((r) => ({
    province: { id: r.id, name: { fa: r.fa, en: r.en } },
    activeOffices: r.active,
    competentOffices: r.competent,
    pilotOffices: r.pilot,
  }));
  return {
    service: { code: service.code, title: { fa: service.titleFa, en: service.titleEn }, channels: service.channels },
    provinces,
    totals: {
      activeOffices: provinces.reduce((s, p) => s + p.activeOffices, 0),
      competentOffices: provinces.reduce((s, p) => s + p.competentOffices, 0),
    },
  };
}

async function provincesOfOffices(ctx: AppContext, officeIds: number[]) {
  return [...new Set((await store.officesByIds(ctx.db, officeIds)).map((o) => o.provinceId))];
}
