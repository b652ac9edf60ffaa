/**
 * Which pages each role may open. The server decides what data anyone sees; this only keeps the
 * navigation honest: a page appears only for roles whose requests to it succeed.
 */
import { ROLES, type CurrentUser, type Role } from './auth';

export type PageKey =
  | 'dashboard'
  | 'offices'
  | 'users'
  | 'outbox'
  | 'audit'
  | 'fees'
  | 'profile'
  | 'filings'
  | 'portal'
  | 'courtDesk'
  | 'courtCases'
  | 'officeNotices'
  | 'holidays'
  | 'deadlineRules'
  | 'payments'
  | 'payment'
  | 'counter'
  | 'parties'
  | 'applyOffice'
  | 'officeApplications'
  | 'competencies'
  | 'staff'
  | 'workforce'
  | 'myRecord'
  | 'training'
  | 'trainingAdmin'
  | 'exam'
  | 'licences'
  | 'tariffSchedules'
  | 'tariffSimulator'
  | 'costModel'
  | 'channels'
  | 'networkMap'
  | 'viability'
  | 'siting'
  | 'officeFinder'
  | 'deadlineCalculator'
  | 'geography';

const STAFF: Role[] = ROLES.filter((role) => role !== 'citizen');

const PAGE_ROLES: Record<PageKey, Role[]> = {
  dashboard: [
    'operator',
    'office_manager',
    'association_admin',
    'regulator_admin',
    'inspector',
    'court_clerk',
    'judge',
    'consultant',
    'arbitrator',
  ],
  offices: [...STAFF, 'citizen'],
  users: ['office_manager', 'association_admin', 'regulator_admin'],
  outbox: ['association_admin', 'regulator_admin'],
  audit: ['regulator_admin'],
  fees: [...STAFF, 'citizen'],
  profile: [...STAFF, 'citizen'],
  filings: ['operator', 'office_manager', 'citizen'],
  portal: ['citizen'],
  courtDesk: ['court_clerk'],
  courtCases: ['court_clerk', 'judge'],
  officeNotices: ['operator', 'office_manager'],
  holidays: ['association_admin', 'regulator_admin'],
  deadlineRules: ['association_admin', 'regulator_admin'],
  /** The office's payments list (managers, oversight); one payment's result page (payer, office, oversight). */
  payments: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  payment: ['operator', 'office_manager', 'citizen', 'association_admin', 'regulator_admin', 'inspector'],
  counter: ['operator', 'office_manager'],
  parties: ['operator', 'office_manager'],
  /** The office network and its people. */
  applyOffice: ['citizen', 'association_admin'],
  officeApplications: ['association_admin', 'regulator_admin', 'inspector'],
  competencies: ['association_admin', 'regulator_admin', 'inspector'],
  staff: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  workforce: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  myRecord: ['operator', 'office_manager', 'consultant'],
  training: ['operator', 'office_manager', 'consultant', 'association_admin', 'regulator_admin', 'inspector'],
  trainingAdmin: ['association_admin'],
  exam: ['operator', 'office_manager', 'consultant'],
  /** Oversight and managers list licences in their scope; the staff who hold one read their own there. */
  licences: ['operator', 'office_manager', 'consultant', 'association_admin', 'regulator_admin', 'inspector'],
  /** Tariffs as policy: schedules and drafts, the revision simulator, the office cost model, channel balance. */
  tariffSchedules: ['association_admin', 'regulator_admin', 'inspector'],
  tariffSimulator: ['association_admin', 'regulator_admin', 'inspector'],
  costModel: ['association_admin', 'regulator_admin', 'inspector'],
  channels: ['association_admin', 'regulator_admin', 'inspector'],
  /** Geography: the network map, office viability, siting new offices, the office finder, the reference geography. */
  networkMap: ['association_admin', 'regulator_admin', 'inspector'],
  viability: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  siting: ['association_admin', 'regulator_admin'],
  officeFinder: [...STAFF, 'citizen'],
  /** The public deadline calculator (open to anyone; offered to every signed-in role). */
  deadlineCalculator: [...STAFF, 'citizen'],
  geography: ['regulator_admin'],
};

export function canOpen(user: CurrentUser | null, page: PageKey): boolean {
  if (!user) return false;
  return user.roles.some((g) => PAGE_ROLES[page].includes(g.role));
}

/** Where a person lands after sign-in: the dashboard for staff, the citizen's own desk, else the profile. */
export function homePath(user: CurrentUser | null): string {
  if (canOpen(user, 'dashboard')) return '/';
  return canOpen(user, 'portal') ? '/me' : '/profile';
}
