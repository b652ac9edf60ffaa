/** The reference geography's value lists: the levels a population table is given at (pure; tables, contracts and the web import them). */

export const PLACE_LEVELS = ['province', 'county', 'city'] as const;
