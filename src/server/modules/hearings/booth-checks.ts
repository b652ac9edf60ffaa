/**
 * The office's own check of a booth's device: the day before its hearings, the office's operator or
 * manager runs the self-test (camera, microphone, speaker, connection) on the booth's device from
 * the booth calendar and records what each check ended as. The latest check of a booth made on a
 * hearing's day or the day before shows on the booth calendar and, to the court, on the hearing.
 */
import { boothCheckCounts, boothCheckOutcome, type BoothCheckStatuses } from '#core/hearing-booths';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import type { Actor } from '#server/platform/auth/actor';
import { authorizeVisible, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import type { Executor } from '#server/db/transaction';
import { hostsHearings } from './booth-assign';
import * as store from './store';

/**
 * Each booth's latest check that speaks for a hearing on `day` (made that day or the day before),
 * by `${officeId}:${boothNo}`, with who made it.
 */
export async function latestBoothChecks(db: Executor, officeIds: number[], day: string) {
  const rows = (await store.boothChecks(db, officeIds, [addDaysIso(day, -1), day])).filter((r) =>
    boothCheckCounts(r.day, day),
  );
  const names = await store.userNames(db, [...new Set(rows.map((r) => r.checkedBy))]);
  const latest = new Map<string, BoothCheckView>();
  // Newest first: the first of each booth is its latest.
  for (const r of rows) {
    const key = `${r.officeId}:${r.boothNo}`;
    if (!latest.has(key)) latest.set(key, boothCheckView(r, names.get(r.checkedBy) ?? ''));
  }
  return latest;
}

type BoothCheckView = ReturnType<typeof boothCheckView>;

function boothCheckView(r: store.BoothCheckRow, name: string) {
  return {
    boothNo: r.boothNo,
    day: r.day,
    ...boothCheckOutcome(r),
    roundTripMs: r.roundTripMs,
    checkedAt: r.checkedAt.toISOString(),
    by: { userId: r.checkedBy, name },
  };
}

/** Records a run of the booth's self-test; every run is kept and audited, the latest of the day counts. */
export async function recordBoothCheck(
  ctx: AppContext,
  actor: Actor,
  officeId: number,
  boothNo: number,
  body: BoothCheckStatuses & { roundTripMs?: number },
) {
  scopeFilter(actor, 'hearings.booth-check');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [office] = await store.officesByIds(tx, [officeId]);
    if (!office) throw new AppError('not_found');
    authorizeVisible(actor, 'hearings.booth-check', { officeId, provinceId: office.provinceId });
    if (!hostsHearings(office))
      throw new AppError('validation_failed', { fields: [fieldError('boothNo', 'office_without_booths')] });
    if (boothNo > office.hearingBooths)
      throw new AppError('validation_failed', { fields: [fieldError('boothNo', 'booth_not_at_office')] });
    const outcome = boothCheckOutcome(body);
    const row = await store.insertBoothCheck(tx, {
      officeId,
      boothNo,
      day: tehranIsoDate(now),
      passed: outcome.passed,
      camera: body.camera,
      microphone: body.microphone,
      speaker: body.speaker,
      // A connection that failed measured nothing.
      connection: body.connection,
      roundTripMs: body.connection === 'fail' ? null : (body.roundTripMs ?? null),
      checkedBy: actor.userId,
      checkedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'hearings.booth-check',
      entityType: 'office',
      entityId: officeId,
      provinceId: office.provinceId,
      officeId,
      data: {
        boothNo,
        day: row.day,
        passed: outcome.passed,
        failed: outcome.failed,
        camera: body.camera,
        microphone: body.microphone,
        speaker: body.speaker,
        connection: body.connection,
        roundTripMs: row.roundTripMs,
        at: now.toISOString(),
      },
    });
    return boothCheckView(row, await store.userName(tx, actor.userId));
  });
}
