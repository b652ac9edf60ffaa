/** The stats area's value lists (pure; schemas and the web import them). */

/** The levels of the dashboard's drill-down, from the top. */
export const STATS_LEVELS = ['nation', 'province', 'county', 'office'] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];

export const STATS_CHANNELS = ['office', 'online'] as const;
