import { describe, expect, it } from 'vitest';
import type { CourtCosts } from './court-costs';
import type { Quote } from './fees';
import { asFilingQuote, claimsValue, divideNewlyPaid, filingQuote } from './filing-quote';

// A petition under the 1403 tariff: base fee 770,000 Rials for two parties and two pages.
const office: Quote = {
  schedule: { id: 1, code: '1403', titleFa: 'تعرفهٔ ۱۴۰۳', titleEn: 'Tariff 1403', effectiveFrom: '2024-03-20' },
  service: 'petition',
  lines: [
    {
      code: 'petition',
      titleFa: 'دادخواست',
      titleEn: 'Petition',
      quantity: 1,
      unitRials: 770_000,
      amountRials: 770_000,
    },
  ],
  totalRials: 770_000,
};
const court: CourtCosts = {
  configured: true,
  totalRials: 300_000,
  lines: [
    { ruleId: 7, titleFa: 'نمونه', titleEn: 'Sample', basis: 'fixed', amountRials: 300_000, source: 'test rule' },
  ],
};

describe("a filing's quote: office fees and court costs apart", () => {
  it('the total is the office fees plus the court costs; the office share stays the sum of the tariff lines', () => {
    const q = filingQuote(office, court);
    expect(q).toMatchObject({ officeRials: 770_000, totalRials: 1_070_000, lines: office.lines, courtCosts: court });
  });

  it('a quote fixed before court costs were collected reads as office fees with no court costs', () => {
    expect(asFilingQuote(office)).toMatchObject({
      officeRials: 770_000,
      totalRials: 770_000,
      courtCosts: { configured: false, lines: [], totalRials: 0 },
    });
    expect(asFilingQuote(filingQuote(office, court))?.totalRials).toBe(1_070_000);
    expect(asFilingQuote(null)).toBeNull();
  });

  it('claims without a value add nothing to the value court costs are a share of', () => {
    expect(claimsValue([{ valueRials: 500_000_000 }, { valueRials: null }, { valueRials: 20_000_000 }])).toBe(
      520_000_000,
    );
    expect(claimsValue([])).toBe(0);
  });
});

describe('money received divides between court costs and the office', () => {
  it('a first submission: the court costs, then the office fees', () => {
    expect(divideNewlyPaid({ newlyPaidRials: 1_070_000, courtCostsRials: 300_000, courtCostsSettledRials: 0 })).toEqual(
      { courtRials: 300_000, officeRials: 770_000 },
    );
  });

  it("without court costs every Rial is the office's (as before they were collected)", () => {
    expect(divideNewlyPaid({ newlyPaidRials: 770_000, courtCostsRials: 0, courtCostsSettledRials: 0 })).toEqual({
      courtRials: 0,
      officeRials: 770_000,
    });
  });

  it("a resubmission after a return: only the court costs not settled before, the rest the office's", () => {
    // Claims grew (court costs 300,000 → 450,000) and two pages were added (office 770,000 → 910,000): 290,000 more paid.
    expect(
      divideNewlyPaid({ newlyPaidRials: 290_000, courtCostsRials: 450_000, courtCostsSettledRials: 300_000 }),
    ).toEqual({ courtRials: 150_000, officeRials: 140_000 });
    // Resubmitted as it was: nothing new received, nothing divided.
    expect(divideNewlyPaid({ newlyPaidRials: 0, courtCostsRials: 300_000, courtCostsSettledRials: 300_000 })).toEqual({
      courtRials: 0,
      officeRials: 0,
    });
  });

  it("court costs that shrank are not refunded out of the office's share", () => {
    expect(divideNewlyPaid({ newlyPaidRials: 0, courtCostsRials: 100_000, courtCostsSettledRials: 300_000 })).toEqual({
      courtRials: 0,
      officeRials: 0,
    });
  });
});
