import { describe, expect, it } from 'vitest';
import { courtCosts, type CourtCostRule } from './court-costs';

const rule = (over: Partial<CourtCostRule>): CourtCostRule => ({
  id: 1,
  serviceCode: 'petition',
  titleFa: 'هزینه دادرسی',
  titleEn: 'Court costs',
  basis: 'fixed',
  amountRials: 100_000,
  percent: null,
  minRials: null,
  maxRials: null,
  effectiveFrom: '2024-03-20',
  effectiveTo: null,
  source: 'test rule',
  ...over,
});

describe('court costs', () => {
  it('says the costs are unknown, not zero, when no rule is in force', () => {
    expect(courtCosts([], { service: 'petition', isoDate: '2024-06-01' })).toEqual({
      configured: false,
      lines: [],
      totalRials: 0,
    });
    expect(
      courtCosts([rule({ effectiveFrom: '2025-01-01' })], { service: 'petition', isoDate: '2024-06-01' }).configured,
    ).toBe(false);
    expect(
      courtCosts([rule({ effectiveTo: '2024-05-31' })], { service: 'petition', isoDate: '2024-06-01' }).configured,
    ).toBe(false);
  });
  it('applies a fixed amount', () => {
    expect(courtCosts([rule({})], { service: 'petition', isoDate: '2024-06-01' }).totalRials).toBe(100_000);
  });
  it('applies a percentage of the claim within its minimum and maximum', () => {
    const r = rule({
      basis: 'percent-of-claim',
      amountRials: null,
      percent: 2.5,
      minRials: 50_000,
      maxRials: 1_000_000,
    });
    expect(
      courtCosts([r], { service: 'petition', isoDate: '2024-06-01', claimValueRials: 10_000_000 }).totalRials,
    ).toBe(250_000);
    expect(courtCosts([r], { service: 'petition', isoDate: '2024-06-01', claimValueRials: 100_000 }).totalRials).toBe(
      50_000,
    );
    expect(
      courtCosts([r], { service: 'petition', isoDate: '2024-06-01', claimValueRials: 1_000_000_000 }).totalRials,
    ).toBe(1_000_000);
  });
  it('only counts rules of the requested service', () => {
    expect(
      courtCosts([rule({ serviceCode: 'appeal' })], { service: 'petition', isoDate: '2024-06-01' }).configured,
    ).toBe(false);
  });
});
