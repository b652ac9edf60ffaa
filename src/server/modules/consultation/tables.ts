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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { citizens, users } from '#server/modules/accounts/tables';
import { provinces } from '#server/modules/geo/tables';
import { offices, type OpeningPeriod } from '#server/modules/offices/tables';
import { BOOKING_STATUSES, CONSULTANT_KINDS, CONSULTATION_MODES, NEXT_STEPS } from './values';

/** The fee range per session the province's association sets; a consultant's fee must lie in it. */
export const consultationFeeRanges = pgTable(
  'consultation_fee_ranges',
  {
    provinceId: smallint('province_id')
      .primaryKey()
      .references(() => provinces.id),
    minRials: bigint('min_rials', { mode: 'number' }).notNull(),
    maxRials: bigint('max_rials', { mode: 'number' }).notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('consultation_fee_ranges_order', sql`${t.minRials} >= 0 and ${t.minRials} <= ${t.maxRials}`)],
);

/** A legal consultant of the registry: a lawyer or licensed legal adviser, kept by the association. */
export const consultants = pgTable(
  'consultants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Their staff account, when they sign in to see their sessions. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    kind: text('kind', { enum: CONSULTANT_KINDS }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    licenceNumber: text('licence_number').notNull(),
    licenceExpiresOn: date('licence_expires_on').notNull(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    fields: jsonb('fields').$type<string[]>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    feeRials: bigint('fee_rials', { mode: 'number' }).notNull(),
    sessionMinutes: smallint('session_minutes').notNull().default(45),
    /** Up to this many hours before a session it may be cancelled (full refund) or moved. */
    cutoffHours: smallint('cutoff_hours').notNull().default(24),
    active: boolean('active').notNull().default(true),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consultants_licence_key').on(t.kind, t.licenceNumber),
    uniqueIndex('consultants_user_key').on(t.userId),
    index('consultants_province_idx').on(t.provinceId),
  ],
);

/** Where a consultant sits and when: an office (in one of its consultation rooms) or video, with weekly hours. */
export const consultantSittings = pgTable(
  'consultant_sittings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    consultantId: integer('consultant_id')
      .notNull()
      .references(() => consultants.id),
    mode: text('mode', { enum: CONSULTATION_MODES }).notNull(),
    officeId: integer('office_id').references(() => offices.id),
    /** The office's consultation room (1, 2, …); null for video. */
    room: smallint('room'),
    hours: jsonb('hours').$type<OpeningPeriod[]>().notNull(),
  },
  (t) => [
    index('consultant_sittings_consultant_idx').on(t.consultantId),
    check(
      'consultant_sittings_place',
      sql`(${t.mode} = 'video' and ${t.officeId} is null and ${t.room} is null) or (${t.mode} = 'office' and ${t.officeId} is not null and ${t.room} is not null)`,
    ),
  ],
);

/**
 * A booked session. The slot is kept (pending payment, confirmed, held or a no-show) by at most one
 * booking per consultant and start, and per office room and start: two partial unique indexes, so
 * concurrent bookings of one slot cannot both commit.
 */
export const consultationBookings = pgTable(
  'consultation_bookings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    consultantId: integer('consultant_id')
      .notNull()
      .references(() => consultants.id),
    citizenId: bigint('citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    mode: text('mode', { enum: CONSULTATION_MODES }).notNull(),
    officeId: integer('office_id').references(() => offices.id),
    room: smallint('room'),
    provinceId: smallint('province_id').notNull(),
    field: text('field').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    /** Booked online by the citizen, or at an office's counter by an operator (that office). */
    channel: text('channel', { enum: ['online', 'office'] }).notNull(),
    bookedAtOfficeId: integer('booked_at_office_id'),
    bookedBy: bigint('booked_by', { mode: 'number' }).notNull(),
    consultantFeeRials: bigint('consultant_fee_rials', { mode: 'number' }).notNull(),
    officeFeeRials: bigint('office_fee_rials', { mode: 'number' }).notNull(),
    totalRials: bigint('total_rials', { mode: 'number' }).notNull(),
    scheduleId: integer('schedule_id'),
    paymentId: bigint('payment_id', { mode: 'number' }),
    /** Until when a pending payment keeps the slot (the payment's own expiry). */
    holdUntil: timestamp('hold_until', { withTimezone: true }).notNull(),
    refundRials: bigint('refund_rials', { mode: 'number' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: bigint('cancelled_by', { mode: 'number' }),
    advice: text('advice'),
    documentsToBring: text('documents_to_bring'),
    nextStep: text('next_step', { enum: NEXT_STEPS }),
    noteWrittenAt: timestamp('note_written_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingText: text('rating_text'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consultation_bookings_consultant_slot_key')
      .on(t.consultantId, t.startsAt)
      .where(sql`${t.status} not in ('cancelled', 'expired')`),
    uniqueIndex('consultation_bookings_room_slot_key')
      .on(t.officeId, t.room, t.startsAt)
      .where(sql`${t.mode} = 'office' and ${t.status} not in ('cancelled', 'expired')`),
    index('consultation_bookings_citizen_idx').on(t.citizenId),
    index('consultation_bookings_payment_idx').on(t.paymentId),
    check('consultation_bookings_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);
