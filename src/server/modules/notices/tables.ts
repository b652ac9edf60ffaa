import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PAPER_SERVICE_MANNERS } from '#core/paper-service';
import { NOTICE_KINDS } from './values';

/** An electronic notice (ابلاغیه) issued by a court on a case. */
export const notices = pgTable(
  'notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    courtId: integer('court_id').notNull(),
    provinceId: smallint('province_id').notNull(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** For summons: when and where to appear. */
    hearingAt: timestamp('hearing_at', { withTimezone: true }),
    issuedBy: bigint('issued_by', { mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** The signed decision as a PDF (a decision only), in file storage under `notices/<id>/`. */
    documentKey: text('document_key'),
    documentSha256: text('document_sha256'),
    documentFileName: text('document_file_name'),
    documentSizeBytes: integer('document_size_bytes'),
    documentPages: smallint('document_pages'),
    documentAttachedBy: bigint('document_attached_by', { mode: 'number' }),
    documentAttachedAt: timestamp('document_attached_at', { withTimezone: true }),
  },
  (t) => [index('notices_case_idx').on(t.caseId)],
);

/**
 * One party's copy of a notice in their e-account. Delivery is the moment it is opened, online or
 * at an office on the citizen's behalf; a deadline that runs from delivery is fixed then.
 */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    noticeId: bigint('notice_id', { mode: 'number' })
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    provinceId: smallint('province_id').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveredChannel: text('delivered_channel', { enum: ['online', 'office'] }),
    deliveredOfficeId: integer('delivered_office_id'),
    deliveredBy: bigint('delivered_by', { mode: 'number' }),
    deadlineDays: smallint('deadline_days'),
    /** The last day to act (ISO date, Tehran calendar), after Arts. 443–445. */
    deadlineDate: date('deadline_date'),
  },
  (t) => [
    uniqueIndex('notice_deliveries_key').on(t.noticeId, t.citizenId),
    index('notice_deliveries_citizen_idx').on(t.citizenId, t.id),
  ],
);

/**
 * A party without an e-account served a notice on paper by the court's bailiff (Civil Procedure
 * Code Arts. 68–70): the day and manner of service, from the bailiff's report. The limit that runs
 * from the notice runs from that day and is fixed when the service is recorded.
 */
export const noticePaperServices = pgTable(
  'notice_paper_services',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    noticeId: bigint('notice_id', { mode: 'number' })
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    /** The case party (case_parties.id) served. */
    partyId: bigint('party_id', { mode: 'number' }).notNull(),
    provinceId: smallint('province_id').notNull(),
    servedOn: date('served_on').notNull(),
    manner: text('manner', { enum: PAPER_SERVICE_MANNERS }).notNull(),
    /** Art. 69: who took the papers and their relation to the party. */
    recipientName: text('recipient_name'),
    recipientRelation: text('recipient_relation'),
    bailiffReport: text('bailiff_report'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    deadlineDays: smallint('deadline_days'),
    /** The last day to act (ISO date, Tehran calendar), after Arts. 443–445. */
    deadlineDate: date('deadline_date'),
  },
  (t) => [uniqueIndex('notice_paper_services_key').on(t.noticeId, t.partyId)],
);

/** How many days a party has from delivery, per kind of notice; admins configure them with their legal source. */
export const noticeDeadlineRules = pgTable('notice_deadline_rules', {
  kind: text('kind', { enum: NOTICE_KINDS }).primaryKey(),
  days: smallint('days'),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  source: text('source').notNull(),
});

/**
 * Days an admin added to the holiday calendar (تعطیلات رسمی): closures the law's own list does not
 * have, such as a day the government declares closed. The law's holidays are not stored: they are
 * computed for any year (`#core/holidays`), and admins' changes to them live in the two tables
 * below. Fridays are closed without being listed.
 */
export const holidays = pgTable('holidays', {
  day: date('day').primaryKey(),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
});

/** Days the law's list closes but an admin opened again (the holiday was cancelled or never applies). */
export const holidayRemovals = pgTable('holiday_removals', {
  day: date('day').primaryKey(),
  /** What the day held when it was removed, as the admin saw it. */
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  removedBy: bigint('removed_by', { mode: 'number' }),
  removedAt: timestamp('removed_at', { withTimezone: true }).notNull(),
});

/**
 * An admin's decision on a computed lunar holiday, keyed by its tabular Hijri date: confirmed on
 * the computed day, or moved to the day the official calendar (moon sighting) gives.
 */
export const lunarHolidayDecisions = pgTable(
  'lunar_holiday_decisions',
  {
    hijri: text('hijri').primaryKey(),
    day: date('day').notNull(),
    computedDay: date('computed_day').notNull(),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('lunar_holiday_decisions_day_idx').on(t.day),
    index('lunar_holiday_decisions_computed_day_idx').on(t.computedDay),
  ],
);

/**
 * Recounts of stored deadlines after the counting rule changed, one row per rule: written when the
 * recount ran, or by the migration that introduced the rule when there was nothing to recount.
 */
export const deadlineRecounts = pgTable('deadline_recounts', {
  rule: text('rule').primaryKey(),
  recountedAt: timestamp('recounted_at', { withTimezone: true }).notNull(),
  changed: integer('changed').notNull(),
});
