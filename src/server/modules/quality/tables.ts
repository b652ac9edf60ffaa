/** The quality area's tables: citizens' surveys after a counter service, the score's weight sets, inspections. */
import { sql } from 'drizzle-orm';
import type { InspectionItem, InspectionVerdict } from '#core/quality/inspection';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
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
  },
  (t) => [index('quality_inspections_office_idx').on(t.officeId, t.inspectedOn)],
);
