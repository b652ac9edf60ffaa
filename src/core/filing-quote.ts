/**
 * What a filing costs the applicant, fixed when they confirm it: the office's fees from the
 * tariff (the office's revenue) and, where the court-cost rule set has rules in force for the
 * service, the court costs (هزینهٔ دادرسی), collected with the same payment but owed to the
 * judiciary. The two stay separate lines everywhere a person reads them, and only the office's
 * share ever counts as office revenue.
 */
import type { CourtCosts } from './court-costs';
import type { Quote } from './fees';
import { assertRials } from './money';

export interface FilingQuote extends Quote {
  /** The office's fees: the sum of `lines`. */
  officeRials: number;
  /** The court costs in force for the service on the day (configured false: unknown, not collected here). */
  courtCosts: CourtCosts;
  /** Everything the applicant pays: the office's fees and the court costs. */
  totalRials: number;
}

/** The filing's quote from the office's quote (its `totalRials` the office fees) and the court costs of the day. */
export function filingQuote(office: Quote, courtCosts: CourtCosts): FilingQuote {
  return {
    ...office,
    officeRials: office.totalRials,
    courtCosts,
    totalRials: assertRials(office.totalRials + courtCosts.totalRials),
  };
}

const NO_COURT_COSTS: CourtCosts = { configured: false, lines: [], totalRials: 0 };

/** A stored quote read back: quotes fixed before court costs were collected hold office fees only. */
export function asFilingQuote(stored: unknown): FilingQuote | null {
  if (!stored || typeof stored !== 'object') return null;
  const q = stored as Quote & Partial<FilingQuote>;
  if (q.courtCosts && q.officeRials != null) return q as FilingQuote;
  return { ...q, officeRials: q.totalRials, courtCosts: NO_COURT_COSTS };
}

/** The total value of a filing's claims, for court costs that are a share of it (claims without a value count nothing). */
export function claimsValue(claims: readonly { valueRials: number | null }[]): number {
  return claims.reduce((sum, c) => sum + (c.valueRials ?? 0), 0);
}

/**
 * How money newly received for a filing divides between the court costs and the office's fees
 * when it is submitted: the court costs still unsettled (those of the quote now in force less
 * those settled at earlier submissions) come first, and the rest is the office's. Without court
 * costs every Rial is the office's, exactly as before they were collected.
 */
export function divideNewlyPaid(input: {
  newlyPaidRials: number;
  courtCostsRials: number;
  courtCostsSettledRials: number;
}): { courtRials: number; officeRials: number } {
  const unsettled = Math.max(0, input.courtCostsRials - input.courtCostsSettledRials);
  const courtRials = Math.max(0, Math.min(input.newlyPaidRials, unsettled));
  return { courtRials, officeRials: Math.max(0, input.newlyPaidRials - courtRials) };
}
