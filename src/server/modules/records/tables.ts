/** The records area's tables: services performed for citizens, and citizens' consents to a lookup. */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { CONSENT_PURPOSES } from './values';

/**
 * A service performed for a citizen (at an office or online), priced from the schedule in force:
 * the unit of office revenue, channel share and quality statistics.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    serviceCode: text('service_code').notNull(),
    channel: text('channel', { enum: ['office', 'online'] }).notNull(),
    officeId: integer('office_id'),
    provinceId: smallint('province_id').notNull(),
    operatorUserId: bigint('operator_user_id', { mode: 'number' }),
    citizenId: bigint('citizen_id', { mode: 'number' }),
    filingId: bigint('filing_id', { mode: 'number' }),
    ticketId: bigint('ticket_id', { mode: 'number' }),
    scheduleId: integer('schedule_id'),
    amountRials: bigint('amount_rials', { mode: 'number' }).notNull(),
    /** Parties and attachment pages charged beyond those a filing's base fee covers (0 for other services). */
    extraParties: smallint('extra_parties').notNull().default(0),
    extraPages: smallint('extra_pages').notNull().default(0),
    paymentId: bigint('payment_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('service_records_office_idx').on(t.officeId, t.createdAt),
    index('service_records_province_idx').on(t.provinceId, t.createdAt),
    index('service_records_citizen_idx').on(t.citizenId),
  ],
);

/** A citizen's consent, by one-time code, for an office to look up their status. */
export const consents = pgTable(
  'consents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    citizenId: bigint('citizen_id', { mode: 'number' }).notNull(),
    officeId: integer('office_id').notNull(),
    operatorUserId: bigint('operator_user_id', { mode: 'number' }).notNull(),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The service charged for the lookup this consent allowed (one charge per consent). */
    serviceRecordId: bigint('service_record_id', { mode: 'number' }),
  },
  (t) => [index('consents_citizen_idx').on(t.citizenId, t.officeId)],
);
