/**
 * A sample court-cost rule for the demo, so the collection of court costs with a filing's
 * payment can be tried. It is a made-up figure and says so in both languages wherever it is read
 * (the quote, the payment, the receipt, the rule set): Daftar ships no official court costs, and
 * a real deployment replaces it with the rule set in force (`/fees`, the regulator). Only appeals
 * carry it, so petitions — the demo's main story — show the office's fees as the tariff has them.
 */
import type { Executor } from '#server/db/transaction';
import { courtCostRules } from '#server/modules/tariffs/tables';

const DEMO_SAMPLE_COURT_COST = {
  serviceCode: 'appeal',
  titleFa: 'نمونهٔ نمایشی، نه رقم رسمی: هزینهٔ دادرسی تجدیدنظر',
  titleEn: 'Demo sample, not an official figure: appeal court costs',
  basis: 'fixed' as const,
  amountRials: 1_000_000,
  effectiveFrom: '2024-03-20',
  source:
    'نمونهٔ دادهٔ نمایشی دفتر؛ از هیچ قانون، آیین‌نامه یا بخشنامه‌ای گرفته نشده است. / Daftar demo data: taken from no law, regulation or circular. Replace it with the rule set in force.',
};

export async function seedDemoCourtCosts(tx: Executor): Promise<void> {
  await tx.insert(courtCostRules).values(DEMO_SAMPLE_COURT_COST);
}
