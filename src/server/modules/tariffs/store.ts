import { asc, eq, inArray } from 'drizzle-orm';
import type { TariffSchedule } from '#core/fees';
import type { Executor } from '#server/db/transaction';
import type { PilotFee } from '#core/pilot-fees';
import { pilotFees, tariffLines, tariffSchedules } from './tables';

/** Approved schedules with their lines, oldest first. */
export async function approvedSchedules(db: Executor): Promise<TariffSchedule[]> {
  const schedules = await db
    .select()
    .from(tariffSchedules)
    .where(eq(tariffSchedules.status, 'approved'))
    .orderBy(asc(tariffSchedules.effectiveFrom));
  if (schedules.length === 0) return [];
  const lines = await db
    .select()
    .from(tariffLines)
    .where(
      inArray(
        tariffLines.scheduleId,
        schedules.map((s) => s.id),
      ),
    );
  return schedules.map((s) => ({
    id: s.id,
    code: s.code,
    titleFa: s.titleFa,
    titleEn: s.titleEn,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo,
    lines: lines
      .filter((l) => l.scheduleId === s.id)
      .map(({ code, titleFa, titleEn, amountRials, onlineAmountRials }) => ({
        code,
        titleFa,
        titleEn,
        amountRials,
        onlineAmountRials,
      })),
  }));
}

/** The pilots that price a service, oldest first. */
export async function pilotFeesOf(db: Executor, serviceCode: string): Promise<PilotFee[]> {
  const rows = await db
    .select()
    .from(pilotFees)
    .where(eq(pilotFees.serviceCode, serviceCode))
    .orderBy(asc(pilotFees.validFrom), asc(pilotFees.id));
  return rows.map((r) => ({
    code: r.serviceCode,
    titleFa: r.titleFa,
    titleEn: r.titleEn,
    amountRials: r.amountRials,
    onlineAmountRials: r.onlineAmountRials,
    provinceIds: r.provinceIds,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
  }));
}

export async function insertPilotFee(tx: Executor, row: typeof pilotFees.$inferInsert): Promise<number> {
  const [created] = await tx.insert(pilotFees).values(row).returning({ id: pilotFees.id });
  return created.id;
}
