import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A visitor's queue ticket at an office's counter, numbered from 1 each day. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id').notNull(),
    day: date('day').notNull(),
    number: smallint('number').notNull(),
    /** The service the visitor came for, when said at the door (printed on the ticket). */
    serviceCode: text('service_code'),
    status: text('status', { enum: ['waiting', 'serving', 'done', 'cancelled'] })
      .notNull()
      .default('waiting'),
    citizenId: bigint('citizen_id', { mode: 'number' }),
    servedBy: bigint('served_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    calledAt: timestamp('called_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('queue_tickets_key').on(t.officeId, t.day, t.number)],
);
