import { index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { cities, provinces } from '../geo/tables';

/** A court (دادگاه / مجتمع قضایی); branches come with the court desk. */
export const courts = pgTable('courts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  nameFa: text('name_fa').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['general', 'appeals', 'criminal', 'family', 'revolutionary', 'dispute-council'] }).notNull(),
  provinceId: smallint('province_id').notNull().references(() => provinces.id),
  cityId: integer('city_id').notNull().references(() => cities.id),
  branches: smallint('branches').notNull().default(1),
}, (t) => [index('courts_province_idx').on(t.provinceId)]);
