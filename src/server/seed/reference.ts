/**
 * Reference data every dataset starts from: geography, the service catalog, the 1403 tariff
 * schedule (approved, in force from 1403/01/01), the office cost model's default estimates per
 * province and notice deadline rules. Official holidays are not seeded: the law's holidays are
 * computed for any year (`#core/holidays`); the table holds only days admins add.
 */
import { defaultOfficeCosts } from '#core/office-costs';
import { TARIFF_1403 } from '#core/tariff-1403';
import type { Executor } from '#server/db/transaction';
import { CATALOG, NOTICE_DEADLINE_RULES } from '#server/modules/catalog/data';
import { catalogServices } from '#server/modules/catalog/tables';
import { noticeDeadlineRules } from '#server/modules/notices/tables';
import { officeCostDefaults, tariffLines, tariffSchedules } from '#server/modules/tariffs/tables';
import { PROVINCES } from '#server/modules/geo/data/provinces';
import { seedGeography } from './geography';

export async function seedReferenceData(db: Executor): Promise<void> {
  await seedGeography(db);
  await db
    .insert(catalogServices)
    .values(CATALOG.map((s, i) => ({ ...s, sortOrder: i + 1 })))
    .onConflictDoNothing();
  const [schedule] = await db
    .insert(tariffSchedules)
    .values({
      code: TARIFF_1403.code,
      titleFa: TARIFF_1403.titleFa,
      titleEn: TARIFF_1403.titleEn,
      effectiveFrom: TARIFF_1403.effectiveFrom,
      status: 'approved',
      source: TARIFF_1403.source,
      approvedAt: new Date('2024-03-01T00:00:00Z'),
    })
    .onConflictDoNothing()
    .returning({ id: tariffSchedules.id });
  if (schedule) await db.insert(tariffLines).values(TARIFF_1403.lines.map((l) => ({ ...l, scheduleId: schedule.id })));
  // The office cost model's estimates (core/office-costs), per province, for the association to edit.
  await db
    .insert(officeCostDefaults)
    .values(
      PROVINCES.map((p) => {
        const d = defaultOfficeCosts(p.id);
        return { provinceId: p.id, ...d, insurancePercent: String(d.insurancePercent) };
      }),
    )
    .onConflictDoNothing();
  await db.insert(noticeDeadlineRules).values(NOTICE_DEADLINE_RULES).onConflictDoNothing();
}
