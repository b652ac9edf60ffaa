/**
 * A saved simulation run as the engine stores it (a simulation result without id, createdAt and
 * createdBy), with hand-picked figures, for the export tests.
 */
import type { TestServer } from './test-server';

function sampleSimulationResult(provinceId: number | null = null) {
  return {
    schedule: {
      id: 2,
      code: '1404-draft',
      titleFa: 'تعرفهٔ پیشنهادی ۱۴۰۴',
      titleEn: 'Proposed tariff 1404',
      status: 'draft',
    },
    baseline: { id: 1, code: '1403', titleFa: 'تعرفهٔ ۱۴۰۳', titleEn: 'Tariff 1403', status: 'approved' },
    fromMonth: '1403-01',
    toMonth: '1403-12',
    months: 12,
    provinceId,
    channelMoves: [{ service: 'brief', to: 'online', sharePercent: 20, lostPercent: 5 }],
    totals: {
      records: 3000,
      offices: 3,
      citizenCostBeforeRials: 1_890_000_000,
      citizenCostAfterRials: 2_079_000_000,
      officeRevenueBeforeRials: 1_500_000_000,
      officeRevenueAfterRials: 1_410_000_000,
      belowBreakEvenBefore: 1,
      belowBreakEvenAfter: 2,
    },
    services: [
      {
        service: 'petition',
        titleFa: 'ثبت دادخواست',
        titleEn: 'Petition, "civil"',
        records: 2000,
        officeRecords: 2000,
        onlineRecords: 0,
        citizenCostBeforeRials: 1_260_000_000,
        citizenCostAfterRials: 1_386_000_000,
        citizenCostChangeRials: 126_000_000,
        changePercent: 10,
        unitBeforeRials: 630_000,
        unitAfterRials: 693_000,
      },
      {
        service: 'brief',
        titleFa: 'ثبت لایحه',
        titleEn: 'Brief',
        records: 1000,
        officeRecords: 600,
        onlineRecords: 400,
        citizenCostBeforeRials: 630_000_000,
        citizenCostAfterRials: 693_000_000,
        citizenCostChangeRials: 63_000_000,
        changePercent: 10,
        unitBeforeRials: 630_000,
        unitAfterRials: 693_000,
      },
    ],
    provinces: [
      {
        provinceId: 1,
        name: { fa: 'تهران', en: 'Tehran' },
        offices: 2,
        records: 2500,
        citizenCostBeforeRials: 1_575_000_000,
        citizenCostAfterRials: 1_732_500_000,
        officeRevenueBeforeRials: 1_200_000_000,
        officeRevenueAfterRials: 1_130_000_000,
        belowBreakEvenBefore: 0,
        belowBreakEvenAfter: 1,
      },
      {
        provinceId: 3,
        name: { fa: 'اصفهان', en: 'Isfahan' },
        offices: 1,
        records: 500,
        citizenCostBeforeRials: 315_000_000,
        citizenCostAfterRials: 346_500_000,
        officeRevenueBeforeRials: 300_000_000,
        officeRevenueAfterRials: 280_000_000,
        belowBreakEvenBefore: 1,
        belowBreakEvenAfter: 1,
      },
    ],
    offices: [
      {
        officeId: 1,
        officeNumber: '11001',
        name: 'دفتر خدمات ۱۱۰۰۱, مرکزی',
        provinceId: 1,
        records: 1500,
        revenueBeforeRials: 700_000_000,
        revenueAfterRials: 620_000_000,
        revenueChangeRials: -80_000_000,
        costRials: 650_000_000,
        operators: 3,
        viableBefore: true,
        viableAfter: false,
      },
      {
        officeId: 4,
        officeNumber: '13001',
        name: 'دفتر ۱۳۰۰۱',
        provinceId: 3,
        records: 500,
        revenueBeforeRials: 300_000_000,
        revenueAfterRials: 280_000_000,
        revenueChangeRials: -20_000_000,
        costRials: 400_000_000,
        operators: 3,
        viableBefore: false,
        viableAfter: false,
      },
      {
        officeId: 2,
        officeNumber: '11002',
        name: 'دفتر ۱۱۰۰۲',
        provinceId: 1,
        records: 1000,
        revenueBeforeRials: 500_000_000,
        revenueAfterRials: 510_000_000,
        revenueChangeRials: 10_000_000,
        costRials: 450_000_000,
        operators: 2,
        viableBefore: true,
        viableAfter: true,
      },
    ],
    assumptions: [
      {
        key: 'cost-model',
        fa: 'هزینهٔ دفاتر از مدل هزینهٔ هر استان برای ۱۲ ماه',
        en: "Office costs from each province's cost model for 12 months",
      },
    ],
  };
}

/** Inserts a saved run by the given user and returns its id. */
export async function insertSimulationRun(
  t: TestServer,
  createdByUsername: string,
  provinceId: number | null = null,
): Promise<number> {
  const [user] = await t.query<{ id: number }>('select id from users where username = $1', [createdByUsername]);
  const result = sampleSimulationResult(provinceId);
  const [row] = await t.query<{ id: number }>(
    `insert into tariff_simulations (schedule_id, baseline_schedule_id, province_id, params, result, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      result.schedule.id,
      result.baseline.id,
      provinceId,
      JSON.stringify({ fromMonth: result.fromMonth, toMonth: result.toMonth, channelMoves: result.channelMoves }),
      JSON.stringify(result),
      user.id,
    ],
  );
  return row.id;
}
