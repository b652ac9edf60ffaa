/** The stats area's value lists (pure; schemas and the web import them). */

/** The levels of the dashboard's drill-down, from the top. */
export const STATS_LEVELS = ['nation', 'province', 'county', 'office'] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];

export const STATS_CHANNELS = ['office', 'online'] as const;

/** The open data CSV's columns, in order (the data dictionary page describes each). */
export const OPEN_DATA_COLUMNS = [
  'month',
  'level',
  'province_id',
  'province_fa',
  'province_en',
  'office_code',
  'office_fa',
  'office_en',
  'channel',
  'services',
  'suppressed',
] as const;

/** What the open notices data counts, one CSV line each per province and month. */
export const OPEN_NOTICE_MEASURES = [
  'issued',
  'opened_at_office',
  'opened_online',
  'unopened',
  'mean_delay_hours',
] as const;

/** The open notices data's CSV columns, in order (described on the data dictionary page). */
export const OPEN_NOTICE_COLUMNS = [
  'month',
  'province_id',
  'province_fa',
  'province_en',
  'measure',
  'value',
  'suppressed',
] as const;
