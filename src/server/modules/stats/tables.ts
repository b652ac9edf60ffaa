/**
 * The stats area's rollups of filings, refreshed by the statistics job (and rebuilt by `daftar
 * stats rebuild`) from the filings themselves; the dashboard reads only these.
 */
import { bigint, date, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { AGE_BANDS } from '#core/age-bands';

/**
 * Filings per Jalali month of their submission × province × office (0 online) × service ×
 * channel: how many were submitted, and of those how many the court has accepted or returned, with
 * the hours it took to decide them.
 */
export const statsFilingsMonthly = pgTable(
  'stats_filings_monthly',
  {
    /** Gregorian date of the first day of the Jalali month of submission. */
    month: date('month').notNull(),
    provinceId: smallint('province_id').notNull(),
    officeId: integer('office_id').notNull(),
    serviceCode: text('service_code').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    submitted: integer('submitted').notNull(),
    accepted: integer('accepted').notNull(),
    returned: integer('returned').notNull(),
    /** Hours from submission to the court's decision, summed over the decided filings. */
    responseHours: bigint('response_hours', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceId, t.officeId, t.serviceCode, t.channel] })],
);

/** Filings awaiting the court when the job last ran, by how long they have waited. */
export const statsFilingsPending = pgTable(
  'stats_filings_pending',
  {
    provinceId: smallint('province_id').notNull(),
    officeId: integer('office_id').notNull(),
    serviceCode: text('service_code').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    band: text('band', { enum: AGE_BANDS }).notNull(),
    filings: integer('filings').notNull(),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.officeId, t.serviceCode, t.channel, t.band] })],
);
