/**
 * The stats area's rollups of filings, refreshed by the statistics job (and rebuilt by `daftar
 * stats rebuild`) from the filings themselves; the dashboard reads only these. And the board's
 * monthly reports, kept as they were made.
 */
import {
  bigint,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
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

/**
 * The board's monthly reports, one per Jalali month: the figures as they stood when the report was
 * made, kept so that a report downloaded later says what the board was given, whatever the rollups
 * say by then (docs/decisions/0051). The PDF is printed from them on download.
 */
export const statsBoardReports = pgTable('stats_board_reports', {
  id: serial('id').primaryKey(),
  /** Jalali month reported, `1405-01`. */
  month: text('month').notNull().unique(),
  /** The report's figures (board-report.ts `BoardFigures`). */
  figures: jsonb('figures').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  /** Who asked for it; null when the monthly job made it. */
  generatedBy: integer('generated_by'),
});

/**
 * Notices per Jalali month of their issue × the addressee's province × the office that opened it
 * (0 when opened online or not yet opened) × kind: every addressee's copy issued, those opened at an
 * office and online, and the hours from issue to opening summed per channel.
 */
export const statsNoticesMonthly = pgTable(
  'stats_notices_monthly',
  {
    /** Gregorian date of the first day of the Jalali month of issue. */
    month: date('month').notNull(),
    provinceId: smallint('province_id').notNull(),
    officeId: integer('office_id').notNull(),
    kind: text('kind').notNull(),
    issued: integer('issued').notNull(),
    openedAtOffice: integer('opened_at_office').notNull(),
    openedOnline: integer('opened_online').notNull(),
    /** Hours from issue to opening, summed over the copies opened at an office. */
    officeDelayHours: bigint('office_delay_hours', { mode: 'number' }).notNull(),
    /** Hours from issue to opening, summed over the copies opened online. */
    onlineDelayHours: bigint('online_delay_hours', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceId, t.officeId, t.kind] })],
);

/**
 * The service standard's completion and satisfaction sources per Jalali month × province × office
 * (0 online) × service × channel: filings started (created) in the month and of those finished
 * (submitted to the court), and the counter surveys answered in the month and of those satisfied
 * (4 or 5 of 5). Refreshed by the statistics job with the other rollups.
 */
export const statsKpiMonthly = pgTable(
  'stats_kpi_monthly',
  {
    /** Gregorian date of the first day of the Jalali month. */
    month: date('month').notNull(),
    provinceId: smallint('province_id').notNull(),
    officeId: integer('office_id').notNull(),
    /** '' for a survey whose ticket named no service. */
    serviceCode: text('service_code').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    filingsStarted: integer('filings_started').notNull(),
    filingsFinished: integer('filings_finished').notNull(),
    surveysAnswered: integer('surveys_answered').notNull(),
    surveysSatisfied: integer('surveys_satisfied').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceId, t.officeId, t.serviceCode, t.channel] })],
);

/**
 * The board's annual reports, one per Jalali year: the figures as they stood when the report was
 * made (board-annual.ts `AnnualFigures`), kept as the monthly ones are (docs/decisions/0069).
 */
export const statsBoardAnnualReports = pgTable('stats_board_annual_reports', {
  id: serial('id').primaryKey(),
  /** Jalali year reported, 1404. */
  year: smallint('year').notNull().unique(),
  figures: jsonb('figures').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  /** Who asked for it; null when the job made it. */
  generatedBy: integer('generated_by'),
});
