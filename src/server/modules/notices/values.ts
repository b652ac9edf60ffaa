/** The notices area's value lists: kinds of notice (pure; tables, contracts and the web import them). */

export const NOTICE_KINDS = ['summons', 'decision', 'order', 'notification'] as const;
