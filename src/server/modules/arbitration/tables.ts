/**
 * The arbitration area: a case from the agreement (Art. 454) to the award and what follows it, its
 * parties with their consent, its arbitrators with their answers, and the dated timeline of every
 * step (the audit chain holds the same steps).
 */
import { sql } from 'drizzle-orm';
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
import {
  AGREEMENT_KINDS,
  ARBITRATION_STATES,
  ARBITRATION_STEPS,
  ARBITRATION_SUBJECTS,
  ARBITRATOR_SELECTIONS,
  ARBITRATOR_STATUSES,
  AWARD_NOTICE_METHODS,
  DOCUMENT_KINDS,
  HEARING_PLACES,
  PARTY_ROLES,
  SIGNATURES,
  TERM_UNITS,
  FEE_BASES,
  FEE_PAYERS,
  type AnnulmentGround,
  type FeeBand,
} from './values';

export const arbitrationCases = pgTable(
  'arbitration_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    state: text('state', { enum: ARBITRATION_STATES }).notNull(),
    agreementKind: text('agreement_kind', { enum: AGREEMENT_KINDS }).notNull(),
    subjectKind: text('subject_kind', { enum: ARBITRATION_SUBJECTS }).notNull(),
    subject: text('subject').notNull(),
    arbitratorCount: smallint('arbitrator_count').notNull(),
    selection: text('selection', { enum: ARBITRATOR_SELECTIONS }).notNull(),
    /** The term the agreement sets; null: three months (Art. 484 note). */
    termAmount: smallint('term_amount'),
    termUnit: text('term_unit', { enum: TERM_UNITS }),
    /** Days the parties added to the term by agreement (Art. 484 note). */
    extensionDays: integer('extension_days').notNull().default(0),
    seatOfficeId: integer('seat_office_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    awardNotice: text('award_notice', { enum: AWARD_NOTICE_METHODS }).notNull(),
    /** The day the last arbitrator was notified (Art. 468): the term runs from it. */
    termStartedOn: date('term_started_on'),
    /** The term's last day (Arts. 443–445), fixed when it starts and on every extension. */
    termLastDay: date('term_last_day'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The award (Art. 482 ff.): its reasons, its decision, the party it favours, the day it bears. */
    awardReasons: text('award_reasons'),
    awardDecision: text('award_decision'),
    awardWinnerPartyId: bigint('award_winner_party_id', { mode: 'number' }),
    awardDate: date('award_date'),
    awardDraftedBy: bigint('award_drafted_by', { mode: 'number' }),
    /** Where the award was lodged to reach the parties: the court case and its e-notice (Art. 485). */
    courtId: integer('court_id'),
    courtCaseId: bigint('court_case_id', { mode: 'number' }),
    noticeId: bigint('notice_id', { mode: 'number' }),
    /** Art. 490: the annulment request recorded at the court desk, with its Art. 489 grounds. */
    annulmentGrounds: jsonb('annulment_grounds').$type<AnnulmentGround[]>(),
    annulmentPartyId: bigint('annulment_party_id', { mode: 'number' }),
    /** Art. 488: the winning party's request for the enforcement order, recorded at the court desk. */
    enforcementPartyId: bigint('enforcement_party_id', { mode: 'number' }),
    /** Art. 498: the arbitrators' fee as agreed (per arbitrator), or by the official scale on the claim's value. */
    feeBasis: text('fee_basis', { enum: FEE_BASES }),
    /** By the scale: the claim's value in Rials; null when it is not monetary or cannot be valued. */
    feeClaimRials: bigint('fee_claim_rials', { mode: 'number' }),
    /** As agreed: each arbitrator's fee in Rials. */
    feeAgreedPerArbitratorRials: bigint('fee_agreed_per_arbitrator_rials', { mode: 'number' }),
    /** Who pays: the parties in equal shares, or one side alone as agreed. */
    feePayers: text('fee_payers', { enum: FEE_PAYERS }).notNull().default('equal'),
    /** The fee fixed when the term started (the arbitrators chosen): its total and the scale it came from. */
    feeTotalRials: bigint('fee_total_rials', { mode: 'number' }),
    feeScaleId: integer('fee_scale_id'),
  },
  (t) => [
    index('arbitration_cases_office_idx').on(t.seatOfficeId, t.id),
    index('arbitration_cases_court_idx').on(t.courtId, t.id),
  ],
);

export const arbitrationParties = pgTable(
  'arbitration_parties',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    nationalId: text('national_id').notNull(),
    name: text('name').notNull(),
    mobile: text('mobile').notNull(),
    /** An office's attestation of capacity after an ID check, for a party whose birth date the registry lacks. */
    capacityAttested: boolean('capacity_attested').notNull().default(false),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('arbitration_parties_key').on(t.caseId, t.citizenId),
    index('arbitration_parties_citizen_idx').on(t.citizenId),
  ],
);

export const arbitrationArbitrators = pgTable(
  'arbitration_arbitrators',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    /** A registered arbitrator's account; null for one chosen outside the registry. */
    userId: bigint('user_id', { mode: 'number' }),
    nationalId: text('national_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ARBITRATOR_STATUSES }).notNull(),
    namedBy: bigint('named_by', { mode: 'number' }).notNull(),
    namedAt: timestamp('named_at', { withTimezone: true }).notNull(),
    /** The day the reference reached the arbitrator and they accepted it (Art. 468). */
    notifiedOn: date('notified_on'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    /** Their answer to the drafted award: signed, or refused with their dissent (Art. 484). */
    signature: text('signature', { enum: SIGNATURES }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    dissent: text('dissent'),
  },
  (t) => [
    index('arbitration_arbitrators_case_idx').on(t.caseId),
    index('arbitration_arbitrators_user_idx').on(t.userId),
  ],
);

/** A hearing the arbitrators set: the day and Tehran time, at the seat office or by video. */
export const arbitrationHearings = pgTable(
  'arbitration_hearings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place', { enum: HEARING_PLACES }).notNull(),
    note: text('note').notNull().default(''),
    scheduledBy: bigint('scheduled_by', { mode: 'number' }).notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** The minutes an arbitrator on the case recorded once the hearing was held: final once written. */
    minutes: text('minutes'),
    /** The parties who appeared, by their party ids on the case. */
    minutesPresent: jsonb('minutes_present').$type<number[]>(),
    minutesBy: bigint('minutes_by', { mode: 'number' }),
    minutesAt: timestamp('minutes_at', { withTimezone: true }),
  },
  (t) => [index('arbitration_hearings_case_idx').on(t.caseId, t.startsAt)],
);

/**
 * A party's submission or evidence, content-checked as filings' attachments are, stored under
 * `arbitration/<case id>/` with the SHA-256 its download is checked against.
 */
export const arbitrationDocuments = pgTable(
  'arbitration_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    partyId: bigint('party_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationParties.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    pages: integer('pages').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('arbitration_documents_case_idx').on(t.caseId, t.id)],
);

/** Every step of a case, dated: the timeline its parties and arbitrators read. */
export const arbitrationEvents = pgTable(
  'arbitration_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The lifecycle step taken, when the event moved the case. */
    step: text('step', { enum: ARBITRATION_STEPS }),
    fromState: text('from_state', { enum: ARBITRATION_STATES }),
    toState: text('to_state', { enum: ARBITRATION_STATES }),
    actorId: bigint('actor_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('arbitration_events_case_idx').on(t.caseId, t.id)],
);

/**
 * The official scale of arbitrators' fees the regulator enters (Art. 498's regulation): versioned,
 * in force from its first day, never edited nor back-dated — a new scale is a new row. Before its
 * first day the regulator may withdraw it, with a reason; a withdrawn scale is kept, never comes
 * into force, and frees its first day for another.
 */
export const arbitrationFeeScales = pgTable(
  'arbitration_fee_scales',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    validFrom: date('valid_from').notNull(),
    bands: jsonb('bands').$type<FeeBand[]>().notNull(),
    capRials: bigint('cap_rials', { mode: 'number' }),
    nonMonetaryMinRials: bigint('non_monetary_min_rials', { mode: 'number' }).notNull(),
    nonMonetaryMaxRials: bigint('non_monetary_max_rials', { mode: 'number' }).notNull(),
    /** The regulation it carries (its title and date of approval), as the regulator names it. */
    source: text('source').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: bigint('withdrawn_by', { mode: 'number' }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [uniqueIndex('arbitration_fee_scales_valid_from_key').on(t.validFrom).where(sql`withdrawn_at is null`)],
);

/** Each paying party's share of the fixed fee, and the payment that settled it. */
export const arbitrationFeeShares = pgTable(
  'arbitration_fee_shares',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationCases.id, { onDelete: 'cascade' }),
    partyId: bigint('party_id', { mode: 'number' })
      .notNull()
      .references(() => arbitrationParties.id, { onDelete: 'cascade' }),
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
    /** The latest payment started for it (pending, or the one that paid it). */
    paymentId: bigint('payment_id', { mode: 'number' }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('arbitration_fee_shares_key').on(t.caseId, t.partyId),
    index('arbitration_fee_shares_payment_idx').on(t.paymentId),
  ],
);

export type ArbitrationCaseRow = typeof arbitrationCases.$inferSelect;
