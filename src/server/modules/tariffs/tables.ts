import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * A dated tariff schedule (تعرفه): drafted by the association, approved by the regulator (never by
 * whoever drafted it). The one in force on a day is the latest approved one starting on or before
 * it and not ended before it; a later schedule supersedes an open-ended one. Earlier schedules are
 * entered with their end date so quotes for past days are right.
 */
export const tariffSchedules = pgTable(
  'tariff_schedules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull().unique(),
    titleFa: text('title_fa').notNull(),
    titleEn: text('title_en').notNull(),
    /** Gregorian ISO date the schedule takes effect (shown in Jalali). */
    effectiveFrom: date('effective_from').notNull(),
    /** Last day in force (inclusive) for a schedule entered with a known end; null: until superseded. */
    effectiveTo: date('effective_to'),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    source: text('source').notNull(),
    /** Why this revision: the board's reasoning, shown beside the figures. */
    note: text('note').notNull().default(''),
    /** The schedule a draft was copied or indexed from. */
    basedOnId: integer('based_on_id'),
    /** How an indexed draft was made: `{ ratePercent, rounding }`; null for hand-made drafts. */
    indexation: jsonb('indexation').$type<{
      ratePercent: number;
      roundingRials: number;
      mode: 'nearest' | 'up';
    } | null>(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: bigint('approved_by', { mode: 'number' }),
  },
  (t) => [
    index('tariff_schedules_effective_idx').on(t.status, t.effectiveFrom),
    // Two approved schedules can never start on the same day, even under concurrent approvals.
    uniqueIndex('tariff_schedules_approved_start_key').on(t.effectiveFrom).where(sql`status = 'approved'`),
  ],
);

/** One line of a schedule: a priced item such as `petition` or `extra-page`. */
export const tariffLines = pgTable(
  'tariff_lines',
  {
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => tariffSchedules.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    titleFa: text('title_fa').notNull(),
    titleEn: text('title_en').notNull(),
    /** The fee at an office (the tariff proper). */
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
    /** The fee when the citizen does it online themself; null: the same as at an office. */
    onlineAmountRials: bigint('online_amount_rials', { mode: 'number' }),
  },
  (t) => [uniqueIndex('tariff_lines_key').on(t.scheduleId, t.code)],
);

/**
 * The court's own costs (هزینه دادرسی), separate from office fees and configured by an admin with
 * the legal source of each figure. Nothing is seeded: Daftar never invents legal figures.
 */
export const courtCostRules = pgTable(
  'court_cost_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    serviceCode: text('service_code').notNull(),
    titleFa: text('title_fa').notNull(),
    titleEn: text('title_en').notNull(),
    basis: text('basis', { enum: ['fixed', 'percent-of-claim'] }).notNull(),
    amountRials: bigint('amount_rials', { mode: 'number' }),
    percent: numeric('percent', { precision: 6, scale: 3 }),
    minRials: bigint('min_rials', { mode: 'number' }),
    maxRials: bigint('max_rials', { mode: 'number' }),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    source: text('source').notNull(),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('court_cost_rules_service_idx').on(t.serviceCode, t.effectiveFrom)],
);

/**
 * Recorded service volume per Jalali month, office, service and channel, kept in step with
 * service_records by `recordService` in the same transaction (and rebuilt after bulk loads): the
 * simulator and channel statistics read a year of national volume from here instead of ten million
 * rows. Extra parties and pages are summed so a revised schedule reprices the volume exactly.
 */
export const serviceVolumeMonthly = pgTable(
  'service_volume_monthly',
  {
    /** Gregorian date of the first day of the Jalali month (e.g. 2024-03-20 for 1403/01). */
    month: date('month').notNull(),
    provinceId: smallint('province_id').notNull(),
    /** 0 for online self-service (no office). */
    officeId: integer('office_id').notNull(),
    serviceCode: text('service_code').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    /**
     * A stripe of the counter: concurrent services of the same key (online petitions of a province,
     * a busy office) add to different rows by their connection, so none waits on another's
     * transaction. Readers always sum over slots; a rebuild writes slot 0.
     */
    slot: smallint('slot').notNull().default(0),
    records: integer('records').notNull(),
    extraParties: integer('extra_parties').notNull(),
    extraPages: integer('extra_pages').notNull(),
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.provinceId, t.officeId, t.serviceCode, t.channel, t.slot] }),
    index('service_volume_monthly_office_idx').on(t.officeId, t.month),
  ],
);

/**
 * The columns of a rollup of service_volume_monthly after its place and month: what is summed,
 * per service, channel and stripe. A function, so that each table gets its own column builders.
 */
const summedVolume = () => ({
  serviceCode: text('service_code').notNull(),
  channel: text('channel', { enum: ['office', 'online'] }).notNull(),
  /** The stripe of the office rows summed here (service_volume_monthly.slot). */
  slot: smallint('slot').notNull().default(0),
  records: bigint('records', { mode: 'number' }).notNull(),
  extraParties: bigint('extra_parties', { mode: 'number' }).notNull(),
  extraPages: bigint('extra_pages', { mode: 'number' }).notNull(),
  amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
});

/**
 * The monthly service volume summed per province (every office and online together): what the
 * nationwide dashboard reads, a few thousand rows a year instead of the offices' hundreds of
 * thousands. Kept in step with service_volume_monthly by its statement triggers (migration
 * 0035, docs/decisions/0067), in the same transaction and stripe as the row they sum.
 */
export const serviceVolumeProvinceMonthly = pgTable(
  'service_volume_province_monthly',
  {
    /** Gregorian date of the first day of the Jalali month. */
    month: date('month').notNull(),
    provinceId: smallint('province_id').notNull(),
    ...summedVolume(),
  },
  (t) => [primaryKey({ columns: [t.month, t.provinceId, t.serviceCode, t.channel, t.slot] })],
);

/**
 * The monthly service volume summed per county of the office (0 online, or for an office placed
 * in no county): what a province's dashboard reads. The county is the office's when the volume
 * was written (offices do not move between counties). Kept in step like the province rollup.
 */
export const serviceVolumeCountyMonthly = pgTable(
  'service_volume_county_monthly',
  {
    provinceId: smallint('province_id').notNull(),
    /** Gregorian date of the first day of the Jalali month. */
    month: date('month').notNull(),
    countyId: integer('county_id').notNull(),
    ...summedVolume(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.month, t.countyId, t.serviceCode, t.channel, t.slot] })],
);

/**
 * An office's running costs per month, by province: the break-even line of the simulator and of
 * the viability figures. Defaults are estimates to be edited by the association and the regulator.
 */
export const officeCostDefaults = pgTable('office_cost_defaults', {
  provinceId: smallint('province_id').primaryKey(),
  /** Gross monthly wage of one operator. */
  operatorWageRials: bigint('operator_wage_rials', { mode: 'number' }).notNull(),
  /** Employer's social-security contribution on wages, percent. */
  insurancePercent: numeric('insurance_percent', { precision: 5, scale: 2 }).notNull(),
  /** Operators assumed for an office whose staff are not on record. */
  operatorsPerOffice: smallint('operators_per_office').notNull(),
  rentRials: bigint('rent_rials', { mode: 'number' }).notNull(),
  otherRials: bigint('other_rials', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedBy: bigint('updated_by', { mode: 'number' }),
});

/** A simulation run kept for the board: its parameters and results, exported as CSV or PDF. */
export const tariffSimulations = pgTable(
  'tariff_simulations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    scheduleId: integer('schedule_id').notNull(),
    baselineScheduleId: integer('baseline_schedule_id').notNull(),
    /** Province the run was limited to (a province's association sees only its own); null: the nation. */
    provinceId: smallint('province_id'),
    params: jsonb('params').notNull(),
    result: jsonb('result').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('tariff_simulations_schedule_idx').on(t.scheduleId, t.createdAt)],
);

/**
 * A pilot's fee: a service approved as a pilot is priced by the fee approved with it, in the
 * pilot's provinces from its first to its last day, until a schedule carries the service
 * (docs/decisions/0047). Written by the decision that approves the pilot; never edited.
 */
export const pilotFees = pgTable(
  'pilot_fees',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    serviceCode: text('service_code').notNull(),
    titleFa: text('title_fa').notNull(),
    titleEn: text('title_en').notNull(),
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
    onlineAmountRials: bigint('online_amount_rials', { mode: 'number' }),
    provinceIds: jsonb('province_ids').$type<number[]>().notNull(),
    /** ISO days, both inclusive. */
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    /** What approved it, in words (the proposal's number). */
    source: text('source').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('pilot_fees_service_idx').on(t.serviceCode),
    check('pilot_fees_amount_check', sql`${t.amountRials} >= 0 and ${t.validFrom} <= ${t.validUntil}`),
  ],
);
