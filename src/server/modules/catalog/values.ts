/** The catalog's value lists: kinds of service and channel policies (pure; tables, contracts and the web import them). */

export const CHANNEL_POLICIES = ['office', 'online', 'both'] as const;

export const SERVICE_KINDS = [
  'filing',
  'account',
  'notice',
  'inquiry',
  'payment',
  'certificate',
  'registration',
  'licence',
  'consultation',
] as const;
