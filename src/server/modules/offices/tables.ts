import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cities, counties, provinces } from '#server/modules/geo/tables';
import { APPLICATION_STATUSES, COMPETENCY_STATUSES, DEGREE_FIELDS, DEGREE_LEVELS, OFFICE_STATUSES } from './values';

/** One opening period of the week: day 0 is Saturday (the Iranian week starts on Saturday), times are HH:MM. */
export interface OpeningPeriod {
  day: number;
  opens: string;
  closes: string;
}

/** A licensed judicial e-services office (دفتر خدمات الکترونیک قضایی). */
export const offices = pgTable(
  'offices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The licence number printed on the office's sign, e.g. 10011. */
    code: text('code').notNull().unique(),
    nameFa: text('name_fa').notNull(),
    nameEn: text('name_en').notNull(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    address: text('address').notNull(),
    phone: text('phone'),
    status: text('status', { enum: OFFICE_STATUSES }).notNull().default('active'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    openedOn: date('opened_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    countyId: integer('county_id').references(() => counties.id),
    /** The weekly opening hours shown in the office finder. */
    openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull().default([]),
    /** Service counters and virtual-hearing booths: the office's capacity. */
    counters: smallint('counters').notNull().default(1),
    hearingBooths: smallint('hearing_booths').notNull().default(0),
    /** The application this office was licensed from (offices that predate Daftar have none). */
    applicationId: integer('application_id'),
  },
  (t) => [index('offices_province_idx').on(t.provinceId), index('offices_city_idx').on(t.cityId)],
);

/**
 * An application to open an office: the founder's identity and qualifications and the proposed
 * location. The province's association reviews it (recommends or not), the regulator decides; an
 * approval creates the office with its licence number.
 */
export const officeApplications = pgTable(
  'office_applications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Who filed it: the founder's own citizen account, or an association admin on their behalf. */
    submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(),
    founderNationalId: text('founder_national_id').notNull(),
    founderFirstName: text('founder_first_name').notNull(),
    founderLastName: text('founder_last_name').notNull(),
    founderMobile: text('founder_mobile').notNull(),
    founderBirthDate: date('founder_birth_date'),
    degreeLevel: text('degree_level', { enum: DEGREE_LEVELS }).notNull(),
    degreeField: text('degree_field', { enum: DEGREE_FIELDS }).notNull(),
    university: text('university'),
    graduationYear: smallint('graduation_year'),
    /** Years of work in judicial or legal services, as declared. */
    experienceYears: smallint('experience_years').notNull().default(0),
    proposedNameFa: text('proposed_name_fa').notNull(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    countyId: integer('county_id').references(() => counties.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    plannedCounters: smallint('planned_counters').notNull().default(1),
    plannedHearingBooths: smallint('planned_hearing_booths').notNull().default(0),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('submitted'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The office created on approval. */
    officeId: integer('office_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('office_applications_province_idx').on(t.provinceId, t.status),
    index('office_applications_founder_idx').on(t.founderNationalId),
  ],
);

/**
 * An office's status over time: every opening, suspension (with reason and dates), reinstatement
 * and closure. `offices.status` is the current value; this is the history the regulator reads.
 */
export const officeStatusEvents = pgTable(
  'office_status_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    status: text('status', { enum: OFFICE_STATUSES }).notNull(),
    reason: text('reason'),
    /** The day the status takes effect, and for a suspension the day it ends (null: until lifted). */
    fromDate: date('from_date').notNull(),
    untilDate: date('until_date'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('office_status_events_office_idx').on(t.officeId, t.fromDate)],
);

/**
 * A competency (صلاحیت): a catalog service an office may offer, granted by the regulator from a
 * date (and possibly until one, or as a pilot), suspended or withdrawn with a reason. A service is
 * refused at an office without an active competency for it on the day.
 */
export const officeCompetencies = pgTable(
  'office_competencies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    serviceCode: text('service_code').notNull(),
    status: text('status', { enum: COMPETENCY_STATUSES }).notNull().default('active'),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    /** Granted as part of a pilot (e.g. a new service tried in some provinces first). */
    pilot: boolean('pilot').notNull().default(false),
    reason: text('reason'),
    grantedBy: bigint('granted_by', { mode: 'number' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().default(sql`now()`),
    changedBy: bigint('changed_by', { mode: 'number' }),
    changedAt: timestamp('changed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('office_competencies_key').on(t.officeId, t.serviceCode),
    index('office_competencies_service_idx').on(t.serviceCode, t.status),
  ],
);
