/**
 * The office cost model behind break-even: what an office spends in a month on its operators
 * (gross wage plus the employer's social-security share), rent and everything else.
 *
 * The default figures are ESTIMATES for 1403 (2024–25) made for this model, not official figures:
 * - operator gross wage ≈ 120,000,000 Rials a month (about the 1403 minimum wage with the usual
 *   allowances, for a full-time operator with a few years of service);
 * - employer's social-security contribution 23% of wages (20% pension and health + 3% unemployment);
 * - 3 operators per office whose staff are not on record;
 * - rent by province tier: Tehran highest, then the large provincial capitals, then the rest;
 * - other costs (utilities, internet, printing, software, accountant) by the same tiers.
 * The association and the regulator edit them per province (`office_cost_defaults`).
 */

export interface OfficeCostDefaults {
  /** Gross monthly wage of one operator, Rials. */
  operatorWageRials: number;
  /** Employer's social-security contribution on wages, percent. */
  insurancePercent: number;
  /** Operators assumed for an office whose staff are not on record. */
  operatorsPerOffice: number;
  /** Monthly rent, Rials. */
  rentRials: number;
  /** Other monthly running costs, Rials. */
  otherRials: number;
}

const DEFAULT_OPERATOR_WAGE_RIALS = 120_000_000;
const DEFAULT_INSURANCE_PERCENT = 23;
const DEFAULT_OPERATORS_PER_OFFICE = 3;

/** Rent and other costs per tier (estimates, Rials a month). */
const COST_TIERS = {
  /** Tehran. */
  capital: { rentRials: 250_000_000, otherRials: 70_000_000 },
  /** Large provinces with a metropolis: Razavi Khorasan, Isfahan, Fars, Khuzestan, East Azerbaijan, Alborz, Qom. */
  large: { rentRials: 150_000_000, otherRials: 55_000_000 },
  /** Everywhere else. */
  other: { rentRials: 90_000_000, otherRials: 45_000_000 },
} as const;

const LARGE_PROVINCES = new Set([2, 3, 4, 5, 6, 11, 22]);

function costTierOf(provinceId: number): keyof typeof COST_TIERS {
  if (provinceId === 1) return 'capital';
  return LARGE_PROVINCES.has(provinceId) ? 'large' : 'other';
}

/** The default figures of a province (ids 1–31). */
export function defaultOfficeCosts(provinceId: number): OfficeCostDefaults {
  return {
    operatorWageRials: DEFAULT_OPERATOR_WAGE_RIALS,
    insurancePercent: DEFAULT_INSURANCE_PERCENT,
    operatorsPerOffice: DEFAULT_OPERATORS_PER_OFFICE,
    ...COST_TIERS[costTierOf(provinceId)],
  };
}

/** An office's running cost for a month, in whole Rials: operators' wages with insurance, rent and the rest. */
export function monthlyCost(defaults: OfficeCostDefaults, operators?: number | null): number {
  const n = operators != null && operators > 0 ? operators : defaults.operatorsPerOffice;
  const staff = n * defaults.operatorWageRials * (1 + defaults.insurancePercent / 100);
  return Math.round(staff + defaults.rentRials + defaults.otherRials);
}
