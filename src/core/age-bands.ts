/**
 * How long filings have waited for the court, in bands: under a week, one to four weeks, four
 * weeks to three months (90 days), and longer. Pure: the statistics job counts with these cutoffs.
 */
export const AGE_BANDS = ['under-1w', '1w-4w', '4w-3m', 'over-3m'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const DAY = 86_400_000;
/** Each band's lower bound in days waited (the last band has none above). */
const FROM_DAYS: Record<AgeBand, number> = { 'under-1w': 0, '1w-4w': 7, '4w-3m': 28, 'over-3m': 90 };

/** The band of a filing submitted at `submittedAt`, seen at `now`. */
export function ageBand(submittedAt: Date, now: Date): AgeBand {
  const days = (now.getTime() - submittedAt.getTime()) / DAY;
  let band: AgeBand = 'under-1w';
  for (const b of AGE_BANDS) if (days >= FROM_DAYS[b]) band = b;
  return band;
}

/** The instants a filing must have been submitted before to fall in each band or older (for a query). */
export function bandCutoffs(now: Date): { band: AgeBand; submittedBefore: Date }[] {
  return AGE_BANDS.map((band) => ({ band, submittedBefore: new Date(now.getTime() - FROM_DAYS[band] * DAY) }));
}
