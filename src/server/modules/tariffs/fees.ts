/** Quoting fees from the schedule in force on a (Jalali) day, or from a pilot's fee where a pilot prices the service. */
import { quoteService, scheduleInForce, type Quote, type QuoteRequest } from '#core/fees';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import { pilotReach, type PilotFee } from '#core/pilot-fees';
import type { Executor } from '#server/db/transaction';
import type { Actor } from '#server/platform/auth/actor';
import { authorize } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { approvedSchedules, insertPilotFee, pilotFeesOf } from './store';

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));

/** The problem a service priced only by pilots meets outside them: where and when it is offered. */
function outsidePilot(service: string, pilots: readonly PilotFee[]) {
  return new AppError('service_outside_pilot', {
    extra: {
      service,
      pilots: pilots.map((p) => ({
        provinceIds: p.provinceIds,
        validFrom: jalali(p.validFrom),
        validUntil: jalali(p.validUntil),
      })),
    },
  });
}

/**
 * A quote on `isoDate` (today by the server's clock, for a service performed now), or the AppError
 * a client should see (unknown service, impossible counts, no schedule, outside a pilot). A
 * service the schedule in force does not carry is priced by its pilot in `provinceId` that day.
 */
export async function quoteFees(
  db: Executor,
  request: QuoteRequest & { isoDate: string; provinceId?: number | null },
): Promise<Quote> {
  const day = request.isoDate;
  const schedule = scheduleInForce(await approvedSchedules(db), day);
  let result = quoteService(schedule, request);
  if (schedule && !result.ok && result.problem.kind === 'unknown_service') {
    const reach = pilotReach(await pilotFeesOf(db, request.service), request.provinceId ?? null, day);
    if (reach.kind === 'outside') throw outsidePilot(request.service, reach.pilots);
    if (reach.kind === 'in') {
      const { code, titleFa, titleEn, amountRials, onlineAmountRials } = reach.pilot;
      result = quoteService(
        { ...schedule, lines: [...schedule.lines, { code, titleFa, titleEn, amountRials, onlineAmountRials }] },
        request,
      );
    }
  }
  if (result.ok) return result.quote;
  switch (result.problem.kind) {
    case 'no_schedule_in_force':
      throw new AppError('no_tariff_in_force', { extra: { date: jalali(day) } });
    case 'unknown_service':
      throw new AppError('unknown_service', {
        fields: [
          {
            field: 'service',
            code: 'unknown_service',
            message: { fa: 'چنین خدمتی در فهرست خدمات نیست.', en: 'There is no such service in the catalog.' },
          },
        ],
      });
    case 'invalid_quantity':
      throw invalidField(result.problem.field, 'invalid_quantity');
  }
}

/**
 * Refuses, with where and when it is offered, a service that only pilots price when this province
 * on this day is outside them; any other service passes (the competency and licence checks follow).
 */
export async function assertOfferedIn(db: Executor, service: string, provinceId: number, isoDate: string) {
  const schedule = scheduleInForce(await approvedSchedules(db), isoDate);
  if (schedule?.lines.some((l) => l.code === service)) return;
  const reach = pilotReach(await pilotFeesOf(db, service), provinceId, isoDate);
  if (reach.kind === 'outside') throw outsidePilot(service, reach.pilots);
}

export interface PilotFeeInput {
  serviceCode: string;
  titleFa: string;
  titleEn: string;
  amountRials: number;
  onlineAmountRials: number | null;
  provinceIds: number[];
  validFrom: string;
  validUntil: string;
  source: string;
}

/** The regulator's pilot fee, written with the decision that approves the pilot (in its transaction) and audited. */
export async function addPilotFee(tx: Executor, actor: Actor, input: PilotFeeInput, now: Date): Promise<number> {
  authorize(actor, 'tariffs.approve', {});
  const id = await insertPilotFee(tx, { ...input, createdBy: actor.userId, createdAt: now });
  await recordAudit(tx, actor, {
    action: 'tariffs.pilot-fee',
    entityType: 'pilot_fee',
    entityId: id,
    data: { ...input },
  });
  return id;
}
