/**
 * Court costs (هزینه دادرسی): the court's own fees, separate from the office's tariff. They are
 * a rule set configured by the regulator, each rule with its legal source; Daftar ships none and
 * never invents a figure — with no rule in force, the answer says so rather than guessing.
 */
import { assertRials } from './money';

export interface CourtCostRule {
  id: number;
  serviceCode: string;
  titleFa: string;
  titleEn: string;
  basis: 'fixed' | 'percent-of-claim';
  amountRials: number | null;
  /** Percent of the claim's value, e.g. 2.5. */
  percent: number | null;
  minRials: number | null;
  maxRials: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

interface CourtCostLine {
  ruleId: number;
  titleFa: string;
  titleEn: string;
  basis: CourtCostRule['basis'];
  amountRials: number;
  source: string;
}

export interface CourtCosts {
  /** False when no rule is in force for the service on that day: the costs are unknown, not zero. */
  configured: boolean;
  lines: CourtCostLine[];
  totalRials: number;
}

function rulesInForce(rules: readonly CourtCostRule[], serviceCode: string, isoDate: string): CourtCostRule[] {
  return rules.filter(
    (r) =>
      r.serviceCode === serviceCode &&
      r.effectiveFrom <= isoDate &&
      (r.effectiveTo == null || isoDate <= r.effectiveTo),
  );
}

/** The court costs of a service on a day; percent rules need the claim's value (a claim without one pays their minimum). */
export function courtCosts(
  rules: readonly CourtCostRule[],
  request: { service: string; isoDate: string; claimValueRials?: number },
): CourtCosts {
  const applicable = rulesInForce(rules, request.service, request.isoDate);
  const lines = applicable.map((rule) => {
    let amount =
      rule.basis === 'fixed'
        ? (rule.amountRials ?? 0)
        : Math.round(((request.claimValueRials ?? 0) * (rule.percent ?? 0)) / 100);
    if (rule.minRials != null) amount = Math.max(amount, rule.minRials);
    if (rule.maxRials != null) amount = Math.min(amount, rule.maxRials);
    return {
      ruleId: rule.id,
      titleFa: rule.titleFa,
      titleEn: rule.titleEn,
      basis: rule.basis,
      amountRials: assertRials(amount),
      source: rule.source,
    };
  });
  return { configured: applicable.length > 0, lines, totalRials: lines.reduce((s, l) => s + l.amountRials, 0) };
}
