import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A dated tariff schedule (تعرفه) approved by the regulator; the one in force on a day is the latest approved one starting on or before it. */
export const tariffSchedules = pgTable('tariff_schedules', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  /** Gregorian ISO date the schedule takes effect (shown in Jalali). */
  effectiveFrom: date('effective_from').notNull(),
  status: text('status', { enum: ['draft', 'approved'] }).notNull().default('draft'),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvedBy: bigint('approved_by', { mode: 'number' }),
}, (t) => [index('tariff_schedules_effective_idx').on(t.status, t.effectiveFrom)]);

/** One line of a schedule: a priced item such as `petition` or `extra-page`. */
export const tariffLines = pgTable('tariff_lines', {
  scheduleId: integer('schedule_id').notNull().references(() => tariffSchedules.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
}, (t) => [uniqueIndex('tariff_lines_key').on(t.scheduleId, t.code)]);

/**
 * The court's own costs (هزینه دادرسی), separate from office fees and configured by an admin with
 * the legal source of each figure. Nothing is seeded: Daftar never invents legal figures.
 */
export const courtCostRules = pgTable('court_cost_rules', {
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
}, (t) => [index('court_cost_rules_service_idx').on(t.serviceCode, t.effectiveFrom)]);
