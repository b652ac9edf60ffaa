import { describe, expect, it } from 'vitest';
import type { TariffSchedule } from './fees';
import { defaultOfficeCosts, monthlyCost, type OfficeCostDefaults } from './office-costs';
import {
  applyMoves,
  simulateTariff,
  simulationAssumptions,
  type SimulationInput,
  type VolumeGroup,
} from './tariff-simulation';

const line = (code: string, amountRials: number, onlineAmountRials: number | null = null) => ({
  code,
  titleFa: code,
  titleEn: code,
  amountRials,
  onlineAmountRials,
});
const baseline: TariffSchedule = {
  id: 1,
  code: 'base',
  titleFa: 'مبنا',
  titleEn: 'Base',
  effectiveFrom: '2024-03-20',
  lines: [
    line('petition', 700_000, 500_000),
    line('follow-up', 100_000),
    line('extra-party', 50_000),
    line('extra-page', 20_000),
  ],
};
const draft: TariffSchedule = {
  id: 2,
  code: 'draft',
  titleFa: 'پیشنهادی',
  titleEn: 'Draft',
  effectiveFrom: '2025-03-21',
  lines: [
    line('petition', 800_000, 600_000),
    line('follow-up', 100_000),
    line('extra-party', 60_000),
    line('extra-page', 20_000),
  ],
};
// Monthly cost in province 1: office A (2 operators on record) 2 × 100M × 1.2 + 50M + 10M = 300M;
// office B (none on record: 3) 3 × 100M × 1.2 + 60M = 420M.
const costs: OfficeCostDefaults = {
  operatorWageRials: 100_000_000,
  insurancePercent: 20,
  operatorsPerOffice: 3,
  rentRials: 50_000_000,
  otherRials: 10_000_000,
};
const volumes: VolumeGroup[] = [
  {
    officeId: 1,
    provinceId: 1,
    service: 'petition',
    channel: 'office',
    records: 400,
    extraParties: 100,
    extraPages: 50,
  },
  {
    officeId: 1,
    provinceId: 1,
    service: 'follow-up',
    channel: 'office',
    records: 1000,
    extraParties: 0,
    extraPages: 0,
  },
  { officeId: 2, provinceId: 1, service: 'petition', channel: 'office', records: 200, extraParties: 0, extraPages: 0 },
  { officeId: 2, provinceId: 1, service: 'follow-up', channel: 'office', records: 500, extraParties: 0, extraPages: 0 },
  { officeId: 0, provinceId: 1, service: 'petition', channel: 'online', records: 100, extraParties: 0, extraPages: 10 },
];
const input: SimulationInput = {
  volumes,
  baseline,
  schedule: draft,
  months: 1,
  costs: new Map([[1, costs]]),
  offices: [
    { id: 1, provinceId: 1, operators: 2 },
    { id: 2, provinceId: 1, operators: null },
  ],
};

describe('office costs', () => {
  it("adds wages with the employer's insurance, rent and other costs", () => {
    expect(monthlyCost(costs, 2)).toBe(300_000_000);
    expect(monthlyCost(costs, null)).toBe(420_000_000);
    expect(monthlyCost(costs, 0)).toBe(420_000_000);
  });
  it('has defaults for every province, Tehran the dearest', () => {
    const all = Array.from({ length: 31 }, (_, i) => monthlyCost(defaultOfficeCosts(i + 1)));
    expect(Math.max(...all)).toBe(all[0]);
    // 3 × 120M × 1.23 = 442.8M, + 250M rent + 70M other.
    expect(all[0]).toBe(762_800_000);
  });
});

describe('tariff simulation', () => {
  it('reprices each channel with its fee and extras, and counts offices below break-even', () => {
    const r = simulateTariff(input);
    // Before: A = 400×700k + 100×50k + 50×20k + 1000×100k = 386M (≥ 300M); B = 200×700k + 500×100k = 190M (< 420M);
    // online = 100×500k + 10×20k = 50.2M. After: A = 400×800k + 100×60k + 50×20k + 100M = 427M; B = 160M + 50M = 210M;
    // online = 100×600k + 10×20k = 60.2M.
    const a = r.offices.find((o) => o.officeId === 1)!,
      b = r.offices.find((o) => o.officeId === 2)!;
    expect([a.revenueBeforeRials, a.revenueAfterRials, a.costRials, a.operators]).toEqual([
      386_000_000, 427_000_000, 300_000_000, 2,
    ]);
    expect([b.revenueBeforeRials, b.revenueAfterRials, b.costRials, b.operators]).toEqual([
      190_000_000, 210_000_000, 420_000_000, 3,
    ]);
    expect(r.totals).toEqual({
      records: 2200,
      offices: 2,
      citizenCostBeforeRials: 626_200_000,
      citizenCostAfterRials: 697_200_000,
      officeRevenueBeforeRials: 576_000_000,
      officeRevenueAfterRials: 637_000_000,
      belowBreakEvenBefore: 1,
      belowBreakEvenAfter: 1,
    });
    const petition = r.services.find((s) => s.service === 'petition')!;
    // 476.2M → 547.2M: +71M, +14.9%.
    expect(petition).toMatchObject({
      records: 700,
      officeRecords: 600,
      onlineRecords: 100,
      citizenCostBeforeRials: 476_200_000,
      citizenCostAfterRials: 547_200_000,
      changePercent: 14.9,
      unitBeforeRials: 700_000,
      unitAfterRials: 800_000,
    });
    // Worst revenue change first: B +20M before A +41M.
    expect(r.offices.map((o) => o.officeId)).toEqual([2, 1]);
  });

  it('moves half the petitions online, losing a fifth of them: office A falls below break-even', () => {
    const r = simulateTariff({
      ...input,
      moves: [{ service: 'petition', to: 'online', sharePercent: 50, lostPercent: 20 }],
    });
    // A keeps 200 petitions, 50 parties, 25 pages: 200×800k + 50×60k + 25×20k = 163.5M, + 100M follow-ups = 263.5M (< 300M).
    // B keeps 100 petitions: 80M + 50M = 130M. Online: 100 + 0.8×(200 + 100) = 340 records, 40 parties, 10 + 20 pages:
    // 340×600k + 40×60k + 30×20k = 207M. Citizens: 263.5M + 130M + 207M = 600.5M.
    const a = r.offices.find((o) => o.officeId === 1)!;
    expect([a.revenueAfterRials, a.viableBefore, a.viableAfter]).toEqual([263_500_000, true, false]);
    expect(r.offices.find((o) => o.officeId === 2)!.revenueAfterRials).toBe(130_000_000);
    expect(r.totals.citizenCostAfterRials).toBe(600_500_000);
    expect([r.totals.belowBreakEvenBefore, r.totals.belowBreakEvenAfter]).toEqual([1, 2]);
    // Petitions: 476.2M → 163.5M + 80M + 207M = 450.5M: −25.7M, −5.4%.
    expect(r.services.find((s) => s.service === 'petition')).toMatchObject({
      citizenCostChangeRials: -25_700_000,
      changePercent: -5.4,
    });
    // A loses 122.5M, B 60M: A first.
    expect(r.offices.map((o) => [o.officeId, o.revenueChangeRials])).toEqual([
      [1, -122_500_000],
      [2, -60_000_000],
    ]);
    expect(r.provinces).toEqual([
      {
        provinceId: 1,
        offices: 2,
        records: 2200,
        citizenCostBeforeRials: 626_200_000,
        citizenCostAfterRials: 600_500_000,
        officeRevenueBeforeRials: 576_000_000,
        officeRevenueAfterRials: 393_500_000,
        belowBreakEvenBefore: 1,
        belowBreakEvenAfter: 2,
      },
    ]);
  });

  it('spreads online volume moved to offices in proportion to their volume of the service', () => {
    const r = simulateTariff({
      ...input,
      moves: [{ service: 'petition', to: 'office', sharePercent: 50, lostPercent: 0 }],
    });
    // 50 online petitions with 5 pages go to A and B as 400 : 200 → A 33⅓ (3⅓ pages), B 16⅔ (1⅔ pages).
    // A: 427M + 33⅓×800k + 3⅓×20k = 453,733,333; B: 210M + 16⅔×800k + 1⅔×20k = 223,366,667; online 50×600k + 5×20k = 30.1M.
    expect(r.offices.find((o) => o.officeId === 1)!.revenueAfterRials).toBe(453_733_333);
    expect(r.offices.find((o) => o.officeId === 2)!.revenueAfterRials).toBe(223_366_667);
    expect(r.totals.citizenCostAfterRials).toBe(707_200_000);
  });

  it('spreads evenly when no office has done the service', () => {
    const flows = applyMoves(
      [
        {
          officeId: 0,
          provinceId: 1,
          service: 'petition',
          channel: 'online',
          records: 10,
          extraParties: 0,
          extraPages: 0,
        },
      ],
      [{ service: 'petition', to: 'office', sharePercent: 100, lostPercent: 0 }],
      input.offices,
    );
    expect(flows.filter((f) => f.channel === 'office').map((f) => [f.officeId, f.records])).toEqual([
      [1, 5],
      [2, 5],
    ]);
  });

  it('charges extras only for filings and keeps the baseline fee of a service the draft leaves out', () => {
    const partial: TariffSchedule = { ...draft, lines: draft.lines.filter((l) => l.code !== 'follow-up') };
    const r = simulateTariff({
      ...input,
      schedule: partial,
      volumes: [
        {
          officeId: 1,
          provinceId: 1,
          service: 'follow-up',
          channel: 'office',
          records: 10,
          extraParties: 3,
          extraPages: 3,
        },
      ],
    });
    // 10 × 100k, extras of a follow-up are not charged; the draft has no follow-up line: the baseline's 100k.
    expect(r.totals.citizenCostBeforeRials).toBe(1_000_000);
    expect(r.totals.citizenCostAfterRials).toBe(1_000_000);
    expect(r.unpricedIn.schedule).toEqual(['follow-up']);
    // Office B has no volume at all: revenue 0, below break-even.
    expect(r.offices.find((o) => o.officeId === 2)).toMatchObject({ revenueBeforeRials: 0, viableBefore: false });
  });

  it('states its assumptions in Persian and English', () => {
    const list = simulationAssumptions({
      fromMonthFa: 'فروردین ۱۴۰۳',
      toMonthFa: 'اسفند ۱۴۰۳',
      fromMonthEn: 'Farvardin 1403',
      toMonthEn: 'Esfand 1403',
      months: 12,
      costs: [costs, { ...costs, rentRials: 80_000_000 }],
      moves: [
        {
          service: 'petition',
          to: 'online',
          sharePercent: 50,
          lostPercent: 20,
          titleFa: 'ثبت دادخواست',
          titleEn: 'Petition',
        },
      ],
      unpricedIn: { baseline: [], schedule: [] },
    });
    expect(list.map((a) => a.key)).toEqual([
      'period',
      'wage',
      'insurance',
      'operators',
      'rent',
      'break-even',
      'move-1',
    ]);
    expect(list.find((a) => a.key === 'rent')!.en).toContain('50,000,000–80,000,000');
    expect(list.find((a) => a.key === 'move-1')!.fa).toContain('۵۰ درصد');
  });
});
