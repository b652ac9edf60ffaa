import { boolean, jsonb, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { CHANNEL_POLICIES, SERVICE_KINDS } from './values';

/** A service of the catalog (خدمت), with a stable code used by fees, statistics and competencies. */
export const catalogServices = pgTable('catalog_services', {
  code: text('code').primaryKey(),
  titleFa: text('title_fa').notNull(),
  titleEn: text('title_en').notNull(),
  kind: text('kind', { enum: SERVICE_KINDS }).notNull(),
  /** Where a citizen may get it: only at an office, only online (self-service), or both. */
  channels: text('channels', { enum: CHANNEL_POLICIES }).notNull(),
  /** What the service asks for, e.g. ["parties","court","attachments"], for forms and API clients. */
  inputs: jsonb('inputs').$type<string[]>().notNull().default([]),
  sortOrder: smallint('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
