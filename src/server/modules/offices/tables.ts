import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { cities, provinces } from '../geo/tables';

/** A licensed judicial e-services office (دفتر خدمات الکترونیک قضایی). */
export const offices = pgTable('offices', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  /** The licence number printed on the office's sign, e.g. 10011. */
  code: text('code').notNull().unique(),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  provinceId: smallint('province_id').notNull().references(() => provinces.id),
  cityId: integer('city_id').notNull().references(() => cities.id),
  address: text('address').notNull(),
  phone: text('phone'),
  status: text('status', { enum: ['active', 'suspended', 'closed'] }).notNull().default('active'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  openedOn: date('opened_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('offices_province_idx').on(t.provinceId), index('offices_city_idx').on(t.cityId)]);
