/** The quality area's tables: citizens' surveys after a counter service, the score's weight sets, inspections. */
import { sql } from 'drizzle-orm';
import type { ComplaintCategory, ComplaintState } from '#core/quality/complaint';
import type { InspectionItem, InspectionKind, InspectionVerdict } from '#core/quality/inspection';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One survey per counter service: the SMS link's token (its hash only), when it expires, and the
 * citizen's answer once given (the link then used). No sign-in: the link is the key.
 */
export const qualitySurveys = pgTable(
  'quality_surveys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    officeId: integer('office_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    operatorUserId: bigint('operator_user_id', { mode: 'number' }),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    serviceCode: text('service_code'),
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** 1 (very unhappy) … 5 (very happy). */
    satisfaction: smallint('satisfaction'),
    wouldReturn: boolean('would_return'),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('quality_surveys_ticket_key').on(t.ticketId),
    uniqueIndex('quality_surveys_token_key').on(t.tokenHash),
    index('quality_surveys_office_idx').on(t.officeId, t.answeredAt),
  ],
);

/**
 * The quality score's weights as the national association publishes them, versioned like tariffs:
 * each set applies from its Jalali month on (never to a month already begun), until a later set.
 */
export const qualityWeightSets = pgTable(
  'quality_weight_sets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Jalali month YYYY-MM from which the set applies. */
    effectiveFrom: text('effective_from').notNull(),
    /** Component → whole-number weight; the weights sum to 100. */
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    reason: text('reason').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('quality_weight_sets_from_idx').on(t.effectiveFrom)],
);

/**
 * An inspection of an office by its province's association (docs/decisions/0050): the day of the
 * visit, each checklist item passed or failed with a note, the weighted share passed (what the
 * score counts) and the inspector's overall verdict. Recorded once, never edited: a correction is
 * a new inspection.
 */
export const qualityInspections = pgTable(
  'quality_inspections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    /** The day of the visit (Tehran); the score counts it in that day's Jalali month. */
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    /** Item → { passed, note }. */
    items: jsonb('items').$type<Record<InspectionItem, { passed: boolean; note: string | null }>>().notNull(),
    /** The weighted share of the checklist passed, 0–100. */
    result: smallint('result').notNull(),
    verdict: text('verdict').$type<InspectionVerdict>().notNull(),
    note: text('note'),
    inspectorUserId: bigint('inspector_user_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** Scheduled (announced), unannounced, or a mystery shopper's visit posing as a citizen. */
    kind: text('kind').$type<InspectionKind>().notNull().default('scheduled'),
    /** The office manager's answer to each failed item: the corrective action and the day it is done by. */
    answers: jsonb('answers').$type<Partial<Record<InspectionItem, { action: string; dueOn: string }>>>(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: bigint('answered_by', { mode: 'number' }),
  },
  (t) => [index('quality_inspections_office_idx').on(t.officeId, t.inspectedOn)],
);

/**
 * A citizen's complaint against an office or one of its operators (docs/decisions/0063): filed
 * online or at an office, answered by the office's manager on a working-day clock, decided by the
 * province's association (upheld or dismissed, with its reasons). The decision is final here: a
 * citizen who disagrees goes to the regulator or the court.
 */
export const qualityComplaints = pgTable(
  'quality_complaints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    /** The operator complained about, when the citizen names one. */
    operatorUserId: bigint('operator_user_id', { mode: 'number' }),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    channel: text('channel').$type<'online' | 'office'>().notNull(),
    /** The office where an operator filed it for the citizen (never the office complained about). */
    filedAtOfficeId: integer('filed_at_office_id'),
    filedBy: bigint('filed_by', { mode: 'number' }),
    category: text('category').$type<ComplaintCategory>().notNull(),
    /** The day it happened (ISO, Tehran). */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    /** The Tehran day it was filed: the manager's answer clock starts here. */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    state: text('state').$type<ComplaintState>().notNull().default('received'),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    reasons: text('reasons'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    /** The Tehran day the office's manager was reminded that one working day was left to answer. */
    remindedOn: date('reminded_on', { mode: 'string' }),
    /** The Tehran day the unanswered complaint, its limit passed, was escalated to the province's association. */
    escalatedOn: date('escalated_on', { mode: 'string' }),
  },
  (t) => [
    index('quality_complaints_office_idx').on(t.officeId, t.decidedOn),
    index('quality_complaints_province_idx').on(t.provinceId, t.state),
    index('quality_complaints_citizen_idx').on(t.citizenId),
  ],
);

/** The counter's sums, the same per day and per month: called tickets, their waits' scores summed and squared, served. */
const counterSums = () => ({
  waitN: integer('wait_n').notNull().default(0),
  waitSum: doublePrecision('wait_sum').notNull().default(0),
  waitSq: doublePrecision('wait_sq').notNull().default(0),
  served: integer('served').notNull().default(0),
});

/**
 * The counter's tickets reduced to what the score needs, per office and ticket day
 * (docs/decisions/0071): called tickets and the sum and sum of squares of their waits' scores
 * (#core/quality/score `waitScore`), and tickets served. Kept in step with queue_tickets by a
 * trigger in the same transaction as every insert, update or delete (so no path that writes a
 * ticket can leave it behind); bulk loads turn the trigger off and rebuild it in one statement.
 */
export const qualityTicketDays = pgTable(
  'quality_ticket_days',
  {
    officeId: integer('office_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterSums(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.day] }), index('quality_ticket_days_day_idx').on(t.day)],
);

/**
 * The first day (ISO) of every Jalali month from 1350 to 1500, written from #core/jalali by the
 * migration that made it: what the monthly sums below are keyed by, looked up in SQL by
 * `jalali_month_start(day)` (docs/decisions/0084).
 */
export const jalaliMonths = pgTable('jalali_months', {
  start: date('start', { mode: 'string' }).primaryKey(),
  month: text('month').notNull(),
});

/**
 * quality_ticket_days summed per office and Jalali month (`month` is the month's first day), kept in
 * step with it by a trigger: the score reads a year of the counter as 12 rows per office instead
 * of 365 (docs/decisions/0084).
 */
export const qualityTicketMonths = pgTable(
  'quality_ticket_months',
  {
    officeId: integer('office_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...counterSums(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.month] }), index('quality_ticket_months_month_idx').on(t.month)],
);

/**
 * The answered surveys summed per office and Jalali month of the answer's Tehran day: answers, the
 * sum and sum of squares of their satisfaction on 0–1 ((satisfaction − 1) / 4) and how many would
 * come back. Kept in step with quality_surveys by a trigger (docs/decisions/0084).
 */
export const qualitySurveyMonths = pgTable(
  'quality_survey_months',
  {
    officeId: integer('office_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    answers: integer('answers').notNull().default(0),
    satisfactionSum: doublePrecision('satisfaction_sum').notNull().default(0),
    satisfactionSq: doublePrecision('satisfaction_sq').notNull().default(0),
    wouldReturn: integer('would_return').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.month] }), index('quality_survey_months_month_idx').on(t.month)],
);
