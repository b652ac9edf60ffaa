import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { SERVICE_KINDS, CHANNEL_POLICIES } from '#server/modules/catalog/values';
import { provinces } from '#server/modules/geo/tables';
import { courses } from '#server/modules/operators/tables';
import { PILOT_REVIEW_OUTCOMES } from '#core/pilot-review';
import { DRAFTED_LINE_OUTCOMES, PROPOSAL_KINDS, PROPOSAL_PHASES, PROPOSAL_STATUSES } from './values';

/**
 * A proposal for a new office service, or for extending one to more provinces: filed by the
 * national association (for itself, or for a province's association), reviewed by the regulator
 * on two working-day clocks (completeness, then decision), whose limits are copied from the
 * settings when it arrives so a later change of settings never moves a running clock.
 */
export const serviceProposals = pgTable(
  'service_proposals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: PROPOSAL_KINDS }).notNull(),
    /** The catalog code of the service: new (not yet in the catalog) or the one extended. */
    serviceCode: text('service_code').notNull(),
    titleFa: text('title_fa').notNull(),
    titleEn: text('title_en').notNull(),
    serviceKind: text('service_kind', { enum: SERVICE_KINDS }).notNull(),
    channels: text('channels', { enum: CHANNEL_POLICIES }).notNull(),
    description: text('description').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** Services a month the proposers expect once it runs everywhere it is proposed. */
    expectedMonthlyVolume: integer('expected_monthly_volume').notNull(),
    /** The proposed office fee, as a tariff line: at an office, and online (null: the same). */
    feeRials: bigint('fee_rials', { mode: 'number' }).notNull(),
    onlineFeeRials: bigint('online_fee_rials', { mode: 'number' }),
    requiredCompetencies: text('required_competencies').notNull(),
    training: text('training').notNull(),
    /** The provinces it is proposed for (the pilot region, or the provinces an extension reaches). */
    provinceIds: jsonb('province_ids').$type<number[]>().notNull(),
    pilotMonths: smallint('pilot_months'),
    /** The province's association the national one files for, if any. */
    forProvinceId: smallint('for_province_id').references(() => provinces.id),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('received'),
    submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The Tehran day it arrived: the completeness clock starts here. */
    receivedOn: date('received_on').notNull(),
    completenessDays: smallint('completeness_days').notNull(),
    decisionDays: smallint('decision_days').notNull(),
    reminderDays: smallint('reminder_days').notNull(),
    acknowledgedBy: bigint('acknowledged_by', { mode: 'number' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The day it was found complete: the decision clock starts here. */
    completeOn: date('complete_on'),
    completeBy: bigint('complete_by', { mode: 'number' }),
    decidedOn: date('decided_on'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReasons: text('decision_reasons'),
    /** Approval: a pilot until this day (null: no end), in these provinces. */
    pilot: boolean('pilot'),
    pilotUntil: date('pilot_until'),
    approvedProvinceIds: jsonb('approved_province_ids').$type<number[]>(),
    approvedFeeRials: bigint('approved_fee_rials', { mode: 'number' }),
    /** The draft schedule the fee went to, and how many offices were granted the service. */
    tariffScheduleId: integer('tariff_schedule_id'),
    grantedOffices: integer('granted_offices'),
    /** The course operators take for the service (created by the approval, or one that already covered it). */
    courseId: integer('course_id').references(() => courses.id),
    /** Reminders sent for the current clock (the phase they were for), and the escalation. */
    remindedPhase: text('reminded_phase', { enum: PROPOSAL_PHASES }),
    escalatedTo: bigint('escalated_to', { mode: 'number' }),
    escalatedPhase: text('escalated_phase', { enum: PROPOSAL_PHASES }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The pilot's last day the reviewer was last told its end review is due for (once per last day). */
    pilotReviewRemindedFor: date('pilot_review_reminded_for'),
  },
  (t) => [
    index('service_proposals_status_idx').on(t.status, t.receivedOn),
    check(
      'service_proposals_fee_check',
      sql`${t.feeRials} >= 0 and (${t.onlineFeeRials} is null or ${t.onlineFeeRials} >= 0)`,
    ),
  ],
);

/** A request for more information: the clock stands still from the day it was asked until the day it was answered. */
export const proposalInfoRequests = pgTable(
  'proposal_info_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => serviceProposals.id, { onDelete: 'cascade' }),
    /** The clock it stops: the completeness check's or the decision's. */
    phase: text('phase', { enum: PROPOSAL_PHASES }).notNull(),
    question: text('question').notNull(),
    askedBy: bigint('asked_by', { mode: 'number' }).notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    askedOn: date('asked_on').notNull(),
    answer: text('answer'),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on'),
  },
  (t) => [index('proposal_info_requests_proposal_idx').on(t.proposalId)],
);

/** The review's limits, in working days: one row, changed by the regulator; a proposal keeps the limits it arrived under. */
export const proposalSettings = pgTable('proposal_settings', {
  id: smallint('id').primaryKey().default(1),
  completenessDays: smallint('completeness_days').notNull().default(10),
  decisionDays: smallint('decision_days').notNull().default(30),
  reminderDays: smallint('reminder_days').notNull().default(3),
  updatedBy: bigint('updated_by', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

/**
 * The review at the end of a pilot: the regulator adopts the service nationally, extends the pilot
 * to a later last day, or ends it, with reasons and the pilot's figures as they were read when it
 * was decided. An extension may be followed by another review; adopting or ending concludes it.
 */
export const proposalPilotReviews = pgTable(
  'proposal_pilot_reviews',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => serviceProposals.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: PILOT_REVIEW_OUTCOMES }).notNull(),
    reasons: text('reasons').notNull(),
    /** The pilot's last day before this review, and an extension's new one. */
    pilotUntilBefore: date('pilot_until_before').notNull(),
    extendedUntil: date('extended_until'),
    /** The pilot's figures the decision was taken on. */
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    /** How many offices' competencies the decision granted, renewed or withdrew. */
    offices: integer('offices').notNull(),
    /**
     * An ending's effect on the line the approval drafted: removed from its draft, restored there
     * to the fee in force, kept by an approved schedule, or absent (null for adopt and extend).
     */
    tariffLine: text('tariff_line', { enum: DRAFTED_LINE_OUTCOMES }),
    decidedBy: bigint('decided_by', { mode: 'number' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    decidedOn: date('decided_on').notNull(),
  },
  (t) => [
    index('proposal_pilot_reviews_proposal_idx').on(t.proposalId, t.decidedAt),
    check('proposal_pilot_reviews_extension_check', sql`(${t.outcome} = 'extend') = (${t.extendedUntil} is not null)`),
  ],
);
