/**
 * The demo network in every province: offices at the largest places of each province the first
 * seven demo offices leave out (demo-provinces-plan.ts), open the demo's hours, competent for the
 * general services, with service volume, office and online, in proportion to their province's
 * population over the same months as the rest of the demo's history (from Farvardin of the year
 * before last; the year before the last twelve months 8 % lower, as at the first seven), so every
 * comparison with a year before compares like with like. No staff: nothing in the data model
 * asks an office for a manager, and the demo's sign-ins stay the ones the README lists.
 * Inserted in bulk (one statement per table, the volume as counts expanded in SQL).
 */
import { eq } from 'drizzle-orm';
import { jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { users } from '#server/modules/accounts/tables';
import { shippedGeography, apportionTotal } from '#server/modules/geo/data/shipped-geography';
import { officeCompetencies, offices, officeStatusEvents } from '#server/modules/offices/tables';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { DEMO_OFFICES } from './demo-data';
import { DEMO_OPENING_HOURS, GENERAL_OFFICE_SERVICES } from './demo-network';
import { demoProvinceOffices, newOfficesYearlyVolume } from './demo-provinces-plan';
import {
  demoVolumeMonths,
  EARLIER_YEAR_OFFICE,
  insertDemoVolume,
  OFFICE_MIX,
  ONLINE_MIX,
  type VolumeCount,
} from './demo-volume';

export async function seedDemoProvinces(tx: Executor, now: Date): Promise<{ offices: number; records: number }> {
  const today = tehranIsoDate(now);
  const months = demoVolumeMonths(today);
  // Licensed on the first day of the history they carry.
  const opened = months[0]?.start ?? jalaliMonthStartIso(jalaliMonthOfIso(today));
  const geography = shippedGeography();
  const planned = demoProvinceOffices(geography, DEMO_OFFICES);
  const inserted = await tx
    .insert(offices)
    .values(
      planned.map((o) => ({
        ...o,
        openedOn: opened,
        openingHours: DEMO_OPENING_HOURS,
        counters: 2,
        hearingBooths: 0,
        createdAt: new Date(`${opened}T08:00:00+03:30`),
      })),
    )
    .returning({ id: offices.id, provinceId: offices.provinceId, cityId: offices.cityId });
  const [regulator] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'regulator'));
  await tx.insert(officeStatusEvents).values(
    inserted.map((o) => ({
      officeId: o.id,
      status: 'active' as const,
      fromDate: opened,
      reason: 'صدور پروانهٔ دفتر — office licensed',
      decidedBy: regulator.id,
    })),
  );
  await tx
    .insert(officeCompetencies)
    .values(
      inserted.flatMap((o) =>
        GENERAL_OFFICE_SERVICES.map((serviceCode) => ({ officeId: o.id, serviceCode, validFrom: opened })),
      ),
    );

  // Each province's month split over its new offices (by their place's population) and its citizens online, in the demo's mix.
  const cityPopulation = new Map(geography.cities.map((c) => [c.id, c.population]));
  const officeServices = Object.entries(OFFICE_MIX).filter(([code]) => GENERAL_OFFICE_SERVICES.includes(code));
  const counts: VolumeCount[] = [];
  for (const province of geography.provinces) {
    const own = inserted.filter((o) => o.provinceId === province.id);
    if (own.length === 0) continue;
    const placeWeight = own.map((o) => Math.max(1, cityPopulation.get(o.cityId) ?? 0));
    const placeTotal = placeWeight.reduce((s, w) => s + w, 0);
    const cells = [
      ...own.flatMap((o, i) =>
        officeServices.map(([service, n]) => ({
          officeId: o.id as number | null,
          service,
          channel: 'office' as const,
          weight: (n * placeWeight[i]) / placeTotal,
        })),
      ),
      ...Object.entries(ONLINE_MIX).map(([service, n]) => ({
        officeId: null,
        service,
        channel: 'online' as const,
        weight: n,
      })),
    ];
    // The last twelve months carry exactly the year's volume; the months before them 8 % less each.
    const year = newOfficesYearlyVolume(province.id, province.population);
    const earlier = months.filter((m) => m.fromEnd >= 12).length;
    const perMonth = [
      ...apportionTotal(Math.round((year * EARLIER_YEAR_OFFICE * earlier) / 12), Array(earlier).fill(1)),
      ...apportionTotal(year, Array(months.length - earlier).fill(1)),
    ];
    months.forEach((m, k) => {
      const split = apportionTotal(
        perMonth[k],
        cells.map((c) => c.weight),
      );
      for (const [i, c] of cells.entries())
        counts.push({ ...c, provinceId: province.id, start: m.start, days: m.days, n: split[i] });
    });
  }
  const records = await insertDemoVolume(tx, await approvedSchedules(tx), counts);
  return { offices: inserted.length, records };
}
