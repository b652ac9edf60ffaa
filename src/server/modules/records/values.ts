/** The records area's value lists: what a citizen's consent lets an office do (pure; tables, contracts and the web import them). */

export const CONSENT_PURPOSES = ['follow-up', 'case-report', 'notice-page'] as const;
