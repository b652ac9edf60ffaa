/** The filings area's value lists: statuses, party roles and channels (pure; tables, contracts and the web import them). */

export const FILING_STATUSES = ['draft', 'confirmed', 'paid', 'submitted', 'accepted', 'returned'] as const;

export const PARTY_ROLES = [
  'claimant',
  'defendant',
  'complainant',
  'accused',
  'appellant',
  'respondent',
  'objector',
  'notifier',
  'addressee',
  'representative',
  'third-party',
] as const;

export const CHANNELS = ['office', 'online'] as const;
