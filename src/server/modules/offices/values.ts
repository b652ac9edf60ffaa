/** The offices area's value lists: office, application and competency statuses, founders' degrees (pure; tables, contracts and the web import them). */

export const OFFICE_STATUSES = ['active', 'suspended', 'closed'] as const;

export const DEGREE_FIELDS = ['law', 'fiqh', 'judicial-sciences', 'other'] as const;

export const DEGREE_LEVELS = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;

export const APPLICATION_STATUSES = [
  'submitted',
  'recommended',
  'not-recommended',
  'approved',
  'rejected',
  'withdrawn',
] as const;

export const COMPETENCY_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
