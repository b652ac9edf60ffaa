import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { PLACE_LEVELS } from './values';

/**
 * Where a population figure comes from: the shipped reference (`census-1395` for provinces,
 * `geonames` for places) or an admin's import (`import:<id>`), with the census/estimate year.
 */
const populationOrigin = {
  populationYear: smallint('population_year'),
  populationSource: text('population_source'),
};

/** The 31 provinces (استان). Ids are stable small numbers used as the distribution key. */
export const provinces = pgTable('provinces', {
  id: smallint('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  population: integer('population'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  ...populationOrigin,
});

/** Counties (شهرستان), located at their seat. */
export const counties = pgTable(
  'counties',
  {
    id: integer('id').primaryKey(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    nameFa: text('name_fa').notNull(),
    nameEn: text('name_en').notNull(),
    population: integer('population'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    ...populationOrigin,
  },
  (t) => [index('counties_province_idx').on(t.provinceId)],
);

export const cities = pgTable(
  'cities',
  {
    id: integer('id').primaryKey(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    countyId: integer('county_id').references(() => counties.id),
    nameFa: text('name_fa').notNull(),
    nameEn: text('name_en').notNull(),
    population: integer('population'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** The GeoNames id of a shipped place (CC BY 4.0); null for places added by hand or by import. */
    geonamesId: integer('geonames_id').unique(),
    ...populationOrigin,
  },
  (t) => [index('cities_province_idx').on(t.provinceId), index('cities_county_idx').on(t.countyId)],
);

/** One applied population table (CSV by province, county or city); its figures replaced the earlier ones. */
export const populationImports = pgTable('population_imports', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  level: text('level', { enum: PLACE_LEVELS }).notNull(),
  /** Who published the figures, e.g. «مرکز آمار ایران — سرشماری ۱۴۰۵». */
  source: text('source').notNull(),
  year: smallint('year').notNull(),
  fileName: text('file_name').notNull(),
  rowCount: integer('row_count').notNull(),
  importedBy: bigint('imported_by', { mode: 'number' }),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** A candidate location for a new office that an admin adds beside the cities (e.g. a new town). */
export const candidateSites = pgTable(
  'candidate_sites',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    provinceId: smallint('province_id')
      .notNull()
      .references(() => provinces.id),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('candidate_sites_province_idx').on(t.provinceId)],
);

/** A saved siting proposal: its parameters and the solver's answer, for the board to compare. */
export const sitingRuns = pgTable(
  'siting_runs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** null: the whole country. */
    provinceId: smallint('province_id').references(() => provinces.id),
    solver: text('solver', { enum: ['heuristic', 'exact'] }).notNull(),
    params: jsonb('params').notNull(),
    result: jsonb('result').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('siting_runs_created_idx').on(t.createdAt)],
);
