/**
 * Reference data every dataset starts from: geography, the service catalog, the 1403 tariff
 * schedule (approved, in force from 1403/01/01), the office cost model's default estimates per
 * province, notice deadline rules and official holidays.
 */
import { officialHolidays } from '#core/holidays';
import { defaultOfficeCosts } from '#core/office-costs';
import { TARIFF_1403 } from '#core/tariff-1403';
import type { Executor } from '../transaction';
import { CATALOG, NOTICE_DEADLINE_RULES } from '../../modules/catalog/data';
import { catalogServices } from '../../modules/catalog/tables';
import { holidays, noticeDeadlineRules } from '../../modules/notices/tables';
import { officeCostDefaults, tariffLines, tariffSchedules } from '../../modules/tariffs/tables';
import { PROVINCES } from '../../modules/geo/data/provinces';
import { seedGeography } from './geography';

export const HOLIDAY_YEARS = [1403, 1404, 1405, 1406];

export async function seedReferenceData(db: Executor): Promise<void> {
  await seedGeography(db);
  await db.insert(catalogServices).values(CATALOG.map((s, i) => ({ ...s, sortOrder: i + 1 }))).onConflictDoNothing();
  const [schedule] = await db.insert(tariffSchedules).values({
    code: TARIFF_1403.code, titleFa: TARIFF_1403.titleFa, titleEn: TARIFF_1403.titleEn,
    effectiveFrom: TARIFF_1403.effectiveFrom, status: 'approved', source: TARIFF_1403.source, approvedAt: new Date('2024-03-01T00:00:00Z'),
  }).onConflictDoNothing().returning({ id: tariffSchedules.id });
  if (schedule) await db.insert(tariffLines).values(TARIFF_1403.lines.map((l) => ({ ...l, scheduleId: schedule.id })));
  // The office cost model's estimates (core/office-costs), per province, for the association to edit.
  await db.insert(officeCostDefaults).values(PROVINCES.map((p) => {
    const d = defaultOfficeCosts(p.id);
    return { provinceId: p.id, ...d, insurancePercent: String(d.insurancePercent) };
  })).onConflictDoNothing();
  await db.insert(noticeDeadlineRules).values(NOTICE_DEADLINE_RULES).onConflictDoNothing();
  const days = HOLIDAY_YEARS.flatMap((jy) => officialHolidays(jy));
  await db.insert(holidays).values(days.map((h) => ({
    day: h.day,
    titleFa: h.lunar ? `${h.titleFa} (محاسبه‌شده؛ با تقویم رسمی تطبیق دهید)` : h.titleFa,
    titleEn: h.lunar ? `${h.titleEn} (computed; check against the official calendar)` : h.titleEn,
  }))).onConflictDoNothing();
}
