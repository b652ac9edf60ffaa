import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cities, provinces } from '#server/modules/geo/tables';

/** A court (دادگاه / مجتمع قضایی); branches come with the court desk. */
export const courts = pgTable(
  'courts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull().unique(),
    nameFa: text('name_fa').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', {
      enum: ['general', 'appeals', 'criminal', 'family', 'revolutionary', 'dispute-council'],
    }).notNull(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    branches: smallint('branches').notNull().default(1),
    /** Where the court sits, in Persian, as a notice prints it (none for a court whose address is not known yet). */
    address: text('address'),
  },
  (t) => [index('courts_province_idx').on(t.provinceId)],
);

/** A case opened when a court accepts a filing (پرونده). */
export const cases = pgTable(
  'cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseNumber: text('case_number').notNull(),
    courtId: integer('court_id')
      .notNull()
      .references(() => courts.id),
    branch: smallint('branch').notNull(),
    provinceId: smallint('province_id').notNull(),
    filingId: bigint('filing_id', { mode: 'number' }),
    subject: text('subject').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().default(sql`now()`),
    openedBy: bigint('opened_by', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.caseNumber),
    index('cases_court_idx').on(t.courtId, t.openedAt),
    index('cases_filing_idx').on(t.filingId),
  ],
);

/** The people on a case, copied from the accepted filing's parties. */
export const caseParties = pgTable(
  'case_parties',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    citizenId: bigint('citizen_id', { mode: 'number' }),
    legalPersonId: bigint('legal_person_id', { mode: 'number' }),
    name: text('name').notNull(),
    nationalId: text('national_id'),
  },
  (t) => [index('case_parties_case_idx').on(t.caseId), index('case_parties_citizen_idx').on(t.citizenId)],
);
