/**
 * The accounts area: the people Daftar knows — citizens, legal persons and their
 * representatives — and the accounts that sign in, with their sessions. Tables only: signing in,
 * staff accounts and role grants are the identity area's, which stands above offices and courts
 * because a role grant names them; these stand below, so that every area may name a person.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cities, provinces } from '#server/modules/geo/tables';
import { IDENTITY_CHECKS, REPRESENTATIVE_KINDS } from './values';

/** A natural person known to the judiciary's e-services (the holder of a judicial e-account). */
export const citizens = pgTable(
  'citizens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    nationalId: text('national_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    fatherName: text('father_name'),
    birthDate: date('birth_date'),
    mobile: text('mobile').notNull(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    cityId: integer('city_id').references(() => cities.id),
    address: text('address'),
    postalCode: text('postal_code'),
    /** The judicial ID (شناسه قضایی) given at e-account registration, with a Verhoeff check digit. */
    judicialId: text('judicial_id'),
    /** How identity was checked at registration: card, biometric, registry inquiry, or online (mobile ownership + registry). */
    identityCheck: text('identity_check', { enum: IDENTITY_CHECKS }),
    mobileConfirmedAt: timestamp('mobile_confirmed_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    registeredChannel: text('registered_channel', { enum: ['office', 'online'] }),
    registeredOfficeId: integer('registered_office_id'),
    registeredBy: bigint('registered_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('citizens_national_id_key').on(t.nationalId),
    uniqueIndex('citizens_judicial_id_key').on(t.judicialId),
    index('citizens_mobile_idx').on(t.mobile),
    index('citizens_province_idx').on(t.provinceId),
  ],
);

/** Anyone who signs in: staff with a username and password, citizens with their mobile. */
export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['staff', 'citizen'] }).notNull(),
    username: text('username'),
    passwordHash: text('password_hash'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    nationalId: text('national_id'),
    mobile: text('mobile'),
    birthDate: date('birth_date'),
    sheba: text('sheba'),
    citizenId: bigint('citizen_id', { mode: 'number' }).references(() => citizens.id),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_citizen_key').on(t.citizenId),
    index('users_mobile_idx').on(t.mobile),
    // The staff registry lists staff by name and finds them by national ID: small partial indexes
    // over the staff accounts only, so the millions of citizens' accounts are never scanned.
    index('users_staff_name_idx').on(t.lastName, t.firstName, t.id).where(sql`${t.kind} = 'staff'`),
    index('users_staff_national_id_idx').on(t.nationalId).where(sql`${t.kind} = 'staff'`),
  ],
);

/** A company or other legal person (شخص حقوقی), identified by its 11-digit national company ID. */
export const legalPersons = pgTable(
  'legal_persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    nationalCompanyId: text('national_company_id').notNull(),
    name: text('name').notNull(),
    registrationNumber: text('registration_number'),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    address: text('address'),
    /** The citizen who acts for it (managing director or authorised signatory). */
    agentCitizenId: bigint('agent_citizen_id', { mode: 'number' }).references(() => citizens.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('legal_persons_company_id_key').on(t.nationalCompanyId)],
);

/** A representative who may act for parties: a lawyer with a bar licence, or a guardian. */
export const representatives = pgTable(
  'representatives',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    citizenId: bigint('citizen_id', { mode: 'number' })
      .notNull()
      .references(() => citizens.id),
    kind: text('kind', { enum: REPRESENTATIVE_KINDS }).notNull(),
    licenceNumber: text('licence_number'),
    /** The bar association or authority that issued the licence or appointment. */
    issuer: text('issuer'),
    validUntil: date('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('representatives_citizen_idx').on(t.citizenId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
