import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { courts } from '#server/modules/courts/tables';
import { citizens, legalPersons, representatives } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import { CHANNELS, FILING_STATUSES, PARTY_ROLES } from './values';

/**
 * A filing (petition, complaint, appeal, objection, legal notice, brief, expert opinion, protest),
 * from draft to the court's decision. The province is the distribution key at national scale.
 */
export const filings = pgTable(
  'filings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Given at submission: digits with a Verhoeff check digit. */
    trackingCode: text('tracking_code'),
    serviceCode: text('service_code').notNull(),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** The office that prepared it (null when the citizen filed online). */
    officeId: integer('office_id').references(() => offices.id),
    provinceId: smallint('province_id').notNull(),
    applicantCitizenId: bigint('applicant_citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    courtId: integer('court_id').references(() => courts.id),
    branch: smallint('branch'),
    subject: text('subject').notNull(),
    facts: text('facts').notNull().default(''),
    /** Claims with their value in Rials: [{ description, valueRials }]. */
    claims: jsonb('claims').$type<{ description: string; valueRials: number | null }[]>().notNull().default([]),
    /** The itemised quote fixed at confirmation (schedule, lines, total). */
    quote: jsonb('quote'),
    totalRials: bigint('total_rials', { mode: 'number' }),
    /** Credited payments for this filing so far (a returned filing whose quote grew pays the difference). */
    paidRials: bigint('paid_rials', { mode: 'number' }).notNull().default(0),
    /** What service records already account for (so a resubmission records only the difference). */
    billedRials: bigint('billed_rials', { mode: 'number' }).notNull().default(0),
    /** The counter ticket the filing was prepared under, if any. */
    ticketId: bigint('ticket_id', { mode: 'number' }),
    /**
     * An appeal started from a delivered decision: that decision's notice (notices.id, kept without a
     * foreign key as the notices area stands above this one), checked as delivered to the applicant.
     */
    appealsNoticeId: bigint('appeals_notice_id', { mode: 'number' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    caseNumber: text('case_number'),
    returnReasons: text('return_reasons'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('filings_tracking_code_key').on(t.trackingCode),
    index('filings_applicant_idx').on(t.applicantCitizenId, t.id),
    index('filings_office_idx').on(t.officeId, t.createdAt),
    index('filings_court_status_idx').on(t.courtId, t.status, t.submittedAt),
    index('filings_appeals_notice_idx').on(t.appealsNoticeId),
  ],
);

export const filingParties = pgTable(
  'filing_parties',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    filingId: bigint('filing_id', { mode: 'number' })
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    citizenId: bigint('citizen_id', { mode: 'number' }).references(() => citizens.id),
    legalPersonId: bigint('legal_person_id', { mode: 'number' }).references(() => legalPersons.id),
    representativeId: bigint('representative_id', { mode: 'number' }).references(() => representatives.id),
    /** Whom a representative acts for (another party of the same filing). */
    representsPartyId: bigint('represents_party_id', { mode: 'number' }),
    /** As written in the filing, so the document stays what it was when later records change. */
    name: text('name').notNull(),
    nationalId: text('national_id'),
    address: text('address'),
  },
  (t) => [index('filing_parties_filing_idx').on(t.filingId), index('filing_parties_citizen_idx').on(t.citizenId)],
);

/** A scanned document attached to a filing. The bytes live in storage under `storageKey`. */
export const filingAttachments = pgTable(
  'filing_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    filingId: bigint('filing_id', { mode: 'number' })
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    /** Detected from the content, never from the file name. */
    mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    pages: smallint('pages').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('filing_attachments_filing_idx').on(t.filingId)],
);

/** Every step of a filing: who, where, through which channel, from which status to which. */
export const filingEvents = pgTable(
  'filing_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    filingId: bigint('filing_id', { mode: 'number' })
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    channel: text('channel', { enum: ['office', 'online', 'court'] }).notNull(),
    officeId: integer('office_id'),
    courtId: integer('court_id'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('filing_events_filing_idx').on(t.filingId, t.id)],
);
