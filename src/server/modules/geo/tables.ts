import { doublePrecision, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** The 31 provinces (استان). Ids are stable small numbers used as the distribution key. */
export const provinces = pgTable('provinces', {
  id: smallint('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  population: integer('population'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
});

export const counties = pgTable('counties', {
  id: integer('id').primaryKey(),
  provinceId: smallint('province_id').notNull().references(() => provinces.id),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  population: integer('population'),
}, (t) => [index('counties_province_idx').on(t.provinceId)]);

export const cities = pgTable('cities', {
  id: integer('id').primaryKey(),
  provinceId: smallint('province_id').notNull().references(() => provinces.id),
  countyId: integer('county_id').references(() => counties.id),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  population: integer('population'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
}, (t) => [index('cities_province_idx').on(t.provinceId)]);
