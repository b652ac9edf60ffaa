/** The sizes of dataset `daftar seed` can make. `demo` is the hand-written demo set alone. */
export const SCALE_NAMES = ['demo', 'province', 'national'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number] | 'tiny';

export interface ScaleSpec {
  name: Exclude<ScaleName, 'demo'>;
  /** Provinces that get generated offices, courts, staff and citizens. */
  provinceIds: number[];
  /** Generated offices (the demo's come on top). */
  offices: number;
  /** Generated citizens with an e-account (the demo's come on top). */
  citizens: number;
  /** Historical filings over the last years, with their parties, cases, notices and deliveries. */
  filings: number;
  /** Synthetic towns added to each province in scope, besides its capital. */
  extraCities: number;
  /** Service records made in SQL besides the filings' own (the counter's other services and online self-service); 0 by default. */
  serviceRecords: number;
  /** Counter tickets an average generated office issues on a working day, over the last year (the quality records). */
  ticketsPerDay: number;
}

const ALL_PROVINCES = Array.from({ length: 31 }, (_, i) => i + 1);

const SCALES: Record<Exclude<ScaleName, 'demo'>, ScaleSpec> = {
  /** Tehran at realistic size: ~100 offices, ~500 staff, 100,000 citizens. */
  province: {
    name: 'province',
    provinceIds: [1],
    offices: 100,
    citizens: 100_000,
    filings: 200_000,
    extraCities: 4,
    serviceRecords: 0,
    ticketsPerDay: 11.6,
  },
  /** The whole country: ~3,000 offices by population, ~15,000 staff, 3,000,000 citizens. */
  national: {
    name: 'national',
    provinceIds: ALL_PROVINCES,
    offices: 3_000,
    citizens: 3_000_000,
    filings: 10_000_000,
    extraCities: 4,
    serviceRecords: 0,
    /** ≈ 10,000,000 tickets a year over 3,000 offices. */
    ticketsPerDay: 11.6,
  },
  /** Two provinces, a handful of rows: for tests of the loading path. */
  tiny: {
    name: 'tiny',
    provinceIds: [1, 3],
    offices: 6,
    citizens: 2_000,
    filings: 0,
    extraCities: 2,
    serviceRecords: 0,
    ticketsPerDay: 1,
  },
};

export function resolveScale(
  name: Exclude<ScaleName, 'demo'>,
  overrides: { offices?: number; citizens?: number; filings?: number; serviceRecords?: number } = {},
): ScaleSpec {
  const base = SCALES[name];
  const spec = { ...base, provinceIds: [...base.provinceIds] };
  if (overrides.offices !== undefined) spec.offices = overrides.offices;
  if (overrides.citizens !== undefined) spec.citizens = overrides.citizens;
  if (overrides.filings !== undefined) spec.filings = overrides.filings;
  else if (spec.citizens === 0) spec.filings = 0; // nobody to file them
  if (overrides.serviceRecords !== undefined) spec.serviceRecords = overrides.serviceRecords;
  if (!Number.isInteger(spec.offices) || spec.offices < spec.provinceIds.length) {
    throw new Error(`offices must be a whole number of at least ${spec.provinceIds.length} (one per province)`);
  }
  if (!Number.isInteger(spec.citizens) || spec.citizens < 0 || spec.citizens > 50_000_000)
    throw new Error('citizens must be a whole number between 0 and 50,000,000');
  if (!Number.isInteger(spec.filings) || spec.filings < 0 || spec.filings > 100_000_000)
    throw new Error('filings must be a whole number between 0 and 100,000,000');
  if (!Number.isInteger(spec.serviceRecords) || spec.serviceRecords < 0 || spec.serviceRecords > 1_000_000_000)
    throw new Error('service records must be a whole number between 0 and 1,000,000,000');
  if (spec.filings > 0 && spec.citizens === 0) throw new Error('historical filings need citizens (--citizens above 0)');
  return spec;
}
