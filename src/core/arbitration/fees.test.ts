/**
 * The arbitrators' fee by the official scale, with the figures worked by hand from the regulation.
 *
 * Source: آیین‌نامهٔ حق‌الزحمهٔ داوری مصوب ۱۴۰۱/۰۶/۰۵ رئیس قوهٔ قضاییه (replacing that of 1380/09/20),
 * Art. 2 (abzarlaw.com, «ماده 2 آیین نامه حق الزحمه داوری مصوب 1401/06/05»; the same table at
 * davarihedayat.ir «محاسبه حق الزحمه داوری … مصوبه شماره ۳۵۰۵۰/۱۰۰ مورخ ۱۴۰۱/۶/۵»):
 *   «تا ده میلیارد ریال: دو درصد خواسته — نسبت به مازاد از ده میلیارد ریال تا پنجاه میلیارد ریال: یک
 *   درصد — نسبت به مازاد از پنجاه میلیارد ریال تا صد میلیارد ریال: نیم درصد — مازاد بر صد میلیارد ریال:
 *   ۰.۲۵ درصد — در موارد خواسته غیرمالی یا عدم امکان تعیین بهای خواسته: برای هر داور از ۵٬۰۰۰٬۰۰۰ ریال
 *   تا ۳۰٬۰۰۰٬۰۰۰ ریال»; note 1: «در دعاوی مالی حداکثر حق‌الزحمهٔ داوری یک و نیم میلیارد ریال است».
 * Civil Procedure Code Art. 498 makes the regulation apply where the agreement says nothing else;
 * the 1380 regulation's Art. 4 fixed the fee «طبق تعرفه در زمان انتخاب داوران».
 */
import { describe, expect, it } from 'vitest';
import {
  type ArbitrationFeeScale,
  equalShares,
  fixFee,
  partyShares,
  basisPointsOfPercent,
  scaleFeeForClaim,
  scaleFeeWorking,
  scaleInForce,
  scaleProblem,
  scaleStanding,
  scaleWithdrawalProblem,
} from './fees';

const BN = 1_000_000_000;
/** The 1401/06/05 (2022-08-27) scale as a regulator would enter it. */
const SCALE_1401: ArbitrationFeeScale = {
  validFrom: '2022-08-27',
  bands: [
    { upToRials: 10 * BN, basisPoints: 200 },
    { upToRials: 50 * BN, basisPoints: 100 },
    { upToRials: 100 * BN, basisPoints: 50 },
    { upToRials: null, basisPoints: 25 },
  ],
  capRials: 1_500_000_000,
  nonMonetaryMinRials: 5_000_000,
  nonMonetaryMaxRials: 30_000_000,
};

describe('the 1401 scale on a monetary claim (Art. 2 and its note 1)', () => {
  it('a claim of 600,000,000 Rials pays 2%: 12,000,000 Rials', () => {
    expect(scaleFeeForClaim(SCALE_1401, 600_000_000)).toBe(12_000_000);
  });

  it('a claim of exactly ten billion Rials pays 2% of it: 200,000,000 Rials', () => {
    expect(scaleFeeForClaim(SCALE_1401, 10 * BN)).toBe(200_000_000);
  });

  it('thirty billion: 2% of the first ten (200 million) + 1% of the next twenty (200 million) = 400,000,000', () => {
    expect(scaleFeeForClaim(SCALE_1401, 30 * BN)).toBe(400_000_000);
  });

  it('eighty billion: 200 + 400 (1% of forty) + 150 (½% of thirty) million = 750,000,000', () => {
    expect(scaleFeeForClaim(SCALE_1401, 80 * BN)).toBe(750_000_000);
  });

  it('two hundred billion: 200 + 400 + 250 + 250 (¼% of a hundred) million = 1,100,000,000', () => {
    expect(scaleFeeForClaim(SCALE_1401, 200 * BN)).toBe(1_100_000_000);
  });

  it('five hundred billion would be 1,850,000,000 by the bands, and note 1 caps it at 1,500,000,000', () => {
    expect(scaleFeeForClaim(SCALE_1401, 500 * BN)).toBe(1_500_000_000);
    expect(scaleFeeForClaim({ ...SCALE_1401, capRials: null }, 500 * BN)).toBe(1_850_000_000);
  });

  it('a part of a Rial is dropped: 2% of 1,234 Rials is 24 Rials', () => {
    expect(scaleFeeForClaim(SCALE_1401, 1_234)).toBe(24);
  });
});

describe('the fee fixed for a case', () => {
  it('by the scale, three arbitrators on a thirty-billion claim share 400,000,000 Rials: 133,333,334 + 133,333,333 × 2', () => {
    expect(fixFee({ basis: 'scale', claimRials: 30 * BN, payers: 'equal' }, 3, SCALE_1401)).toEqual({
      totalRials: 400_000_000,
      perArbitratorRials: [133_333_334, 133_333_333, 133_333_333],
    });
  });

  it('a claim that is not monetary: the lowest of the range, 5,000,000 Rials for each arbitrator', () => {
    expect(fixFee({ basis: 'scale', claimRials: null, payers: 'equal' }, 2, SCALE_1401)).toEqual({
      totalRials: 10_000_000,
      perArbitratorRials: [5_000_000, 5_000_000],
    });
  });

  it('as agreed: the agreed amount for each arbitrator, whatever the scale says', () => {
    expect(fixFee({ basis: 'agreed', perArbitratorRials: 40_000_000, payers: 'equal' }, 3, null)).toEqual({
      totalRials: 120_000_000,
      perArbitratorRials: [40_000_000, 40_000_000, 40_000_000],
    });
  });

  it('by the scale with none in force, nothing is fixed', () => {
    expect(fixFee({ basis: 'scale', claimRials: 1_000, payers: 'equal' }, 1, null)).toBeNull();
  });
});

describe('who pays', () => {
  const parties = [
    { id: 1, role: 'claimant' as const },
    { id: 2, role: 'respondent' as const },
    { id: 3, role: 'respondent' as const },
  ];
  it('equal shares among all the parties unless agreed otherwise; the odd Rial on the first', () => {
    expect(partyShares(100, parties, 'equal').map((s) => [s.party.id, s.amountRials])).toEqual([
      [1, 34],
      [2, 33],
      [3, 33],
    ]);
  });
  it('agreed: the respondents alone, in equal shares', () => {
    expect(partyShares(12_000_000, parties, 'respondent').map((s) => [s.party.id, s.amountRials])).toEqual([
      [2, 6_000_000],
      [3, 6_000_000],
    ]);
  });
  it('shares always add up to the whole', () => {
    for (const [total, n] of [
      [400_000_000, 3],
      [7, 4],
      [1, 2],
    ])
      expect(equalShares(total, n).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('the scale in force, never retroactive', () => {
  const scales = [
    { validFrom: '2001-12-11', id: 1380 },
    { validFrom: '2022-08-27', id: 1401 },
  ];
  it('the 1380 scale prices an arbitration whose arbitrators were chosen on 4 Shahrivar 1401; the 1401 scale from 5 Shahrivar', () => {
    expect(scaleInForce(scales, '2022-08-26')?.id).toBe(1380);
    expect(scaleInForce(scales, '2022-08-27')?.id).toBe(1401);
  });
  it('before any scale, none', () => {
    expect(scaleInForce(scales, '2000-01-01')).toBeNull();
  });
  it('a scale withdrawn before its first day never comes into force: the one before it stays in force past that day', () => {
    const withWithdrawn = [
      ...scales.map((s) => ({ ...s, withdrawnAt: null })),
      { validFrom: '2026-09-23', id: 1405, withdrawnAt: new Date('2026-05-05T06:30:00Z') },
    ];
    expect(scaleInForce(withWithdrawn, '2026-09-23')?.id).toBe(1401);
    expect(scaleInForce(withWithdrawn, '2027-01-01')?.id).toBe(1401);
  });
});

describe('withdrawing a scale before its first day', () => {
  // On 15 Ordibehesht 1405 (2026-05-05) the regulator looks at a scale from 1 Mehr 1405 (2026-09-23).
  const upcoming = { validFrom: '2026-09-23', withdrawnAt: null };
  it('a scale still to come may be withdrawn, up to the last day before it comes into force', () => {
    expect(scaleWithdrawalProblem(upcoming, '2026-05-05')).toBeNull();
    // 31 Shahrivar 1405, the eve of 1 Mehr.
    expect(scaleWithdrawalProblem(upcoming, '2026-09-22')).toBeNull();
  });
  it('from its first day on it is in force and cannot be withdrawn, only superseded', () => {
    expect(scaleWithdrawalProblem(upcoming, '2026-09-23')).toBe('in_force');
    expect(scaleWithdrawalProblem(upcoming, '2027-03-21')).toBe('in_force');
    expect(scaleWithdrawalProblem({ validFrom: '2022-08-27', withdrawnAt: null }, '2026-05-05')).toBe('in_force');
  });
  it('a scale is withdrawn once, even after the day it would have started', () => {
    const withdrawn = { validFrom: '2026-09-23', withdrawnAt: '2026-05-05T06:30:00.000Z' };
    expect(scaleWithdrawalProblem(withdrawn, '2026-05-05')).toBe('withdrawn');
    expect(scaleWithdrawalProblem(withdrawn, '2026-10-01')).toBe('withdrawn');
  });
});

describe('a scale as entered', () => {
  it('the 1401 scale is well formed', () => {
    expect(scaleProblem(SCALE_1401)).toBeNull();
  });
  it('bands must rise, end open, and the non-monetary range must not be inverted', () => {
    const bands = SCALE_1401.bands;
    expect(scaleProblem({ ...SCALE_1401, bands: [bands[1], bands[0], bands[3]] })).toEqual({
      field: 'bands.1.upToRials',
      code: 'bands_not_ascending',
    });
    expect(scaleProblem({ ...SCALE_1401, bands: bands.slice(0, 2) })).toEqual({
      field: 'bands.1.upToRials',
      code: 'invalid_value',
    });
    expect(scaleProblem({ ...SCALE_1401, nonMonetaryMinRials: 40_000_000 })).toEqual({
      field: 'nonMonetaryMaxRials',
      code: 'range_inverted',
    });
  });
});

describe("the scale's working, as the regulator's preview shows it", () => {
  it('sixty billion: 200 million on the first ten, 400 on the next forty, 50 (½% of ten) on the rest = 650,000,000', () => {
    expect(scaleFeeWorking(SCALE_1401, 60 * BN)).toEqual({
      parts: [
        { fromRials: 0, toRials: 10 * BN, basisPoints: 200, feeRials: 200_000_000 },
        { fromRials: 10 * BN, toRials: 50 * BN, basisPoints: 100, feeRials: 400_000_000 },
        { fromRials: 50 * BN, toRials: 60 * BN, basisPoints: 50, feeRials: 50_000_000 },
      ],
      uncappedRials: 650_000_000,
      totalRials: 650_000_000,
      capped: false,
    });
  });

  it('four hundred billion: 200 + 400 + 250 + 750 = 1.6 billion, held to the cap of 1.5 billion (note 1)', () => {
    const working = scaleFeeWorking(SCALE_1401, 400 * BN);
    expect(working.uncappedRials).toBe(1_600_000_000);
    expect(working.totalRials).toBe(1_500_000_000);
    expect(working.capped).toBe(true);
    expect(working.parts.at(-1)).toEqual({
      fromRials: 100 * BN,
      toRials: 400 * BN,
      basisPoints: 25,
      feeRials: 750_000_000,
    });
  });

  it('a claim of nothing has no part and no fee', () => {
    expect(scaleFeeWorking(SCALE_1401, 0)).toEqual({ parts: [], uncappedRials: 0, totalRials: 0, capped: false });
  });
});

describe('where a scale stands beside the one in force', () => {
  it('the scale in force, a later one still to come, an earlier one past', () => {
    expect(scaleStanding('2022-08-27', '2022-08-27')).toBe('in-force');
    expect(scaleStanding('2027-03-21', '2022-08-27')).toBe('upcoming');
    expect(scaleStanding('2001-12-11', '2022-08-27')).toBe('past');
  });

  it('with none in force yet, every scale is still to come', () => {
    expect(scaleStanding('2027-03-21', null)).toBe('upcoming');
  });

  it('a withdrawn scale stands withdrawn, whatever its first day', () => {
    expect(scaleStanding('2027-03-21', '2022-08-27', true)).toBe('withdrawn');
    expect(scaleStanding('2027-03-21', null, true)).toBe('withdrawn');
  });
});

describe('a rate typed as a percentage', () => {
  it('2% is 200 basis points, ½% is 50, ¼% is 25, and a typed 0.125% rounds to 13', () => {
    expect([2, 0.5, 0.25, 0.125].map(basisPointsOfPercent)).toEqual([200, 50, 25, 13]);
  });
});
