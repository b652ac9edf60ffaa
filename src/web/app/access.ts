/**
 * Which pages each role may open. The server decides what data anyone sees; this only keeps the
 * navigation honest: a page appears only for roles whose requests to it succeed.
 */
import { type Action, PERMISSIONS } from '#server/platform/auth/permissions';
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
  | 'hearings'
  | 'hearingSchedule'
  | 'hearingBooths'
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
  | 'statistics'
  | 'openData'
  | 'networkMap'
  | 'viability'
  | 'siting'
  | 'officeFinder'
  | 'deadlineCalculator'
  | 'geography'
  | 'arbitrations'
  | 'arbitrationStart'
  | 'arbitrationFeeScales'
  | 'proposals'
  | 'proposeService'
  | 'proposalsPublic'
  | 'consultationBook'
  | 'myConsultations'
  | 'consultantDay'
  | 'consultationCall'
  | 'consultantRegistry'
  | 'quality'
  | 'complaints';

/**
 * What each page needs, in the server's own terms: the policy action(s) of the operations it
 * calls (PERMISSIONS in platform/auth/permissions.ts), so a page appears for exactly the roles
 * whose requests to it succeed and never drifts from the server. 'signed-in' pages serve everyone
 * with an account. `except` narrows an action where the page is not the place for some role; it
 * says why.
 */
type PageNeed = 'signed-in' | Action | readonly Action[] | { action: Action; except: readonly Role[]; why: string };

const PAGE_NEEDS: Record<PageKey, PageNeed> = {
  dashboard: 'stats.overview',
  offices: 'signed-in',
  users: 'users.list',
  outbox: 'outbox.read',
  audit: 'audit.read',
  fees: 'signed-in',
  profile: 'signed-in',
  filings: 'filings.create',
  portal: 'tracking.read-own',
  courtDesk: 'court.queue',
  courtCases: 'court.cases',
  /** Video hearings: the court's for its clerk and judges, one's own for a citizen called to them. */
  hearings: 'hearings.read',
  /** The clerk's scheduling form; an office's booth calendar with its check-in. */
  hearingSchedule: 'hearings.schedule',
  hearingBooths: 'hearings.booths',
  officeNotices: 'notices.open-at-office',
  holidays: 'holidays.read',
  deadlineRules: 'deadline-rules.read',
  /** The office's payments list (managers, oversight); one payment's result page (payer, office, oversight). */
  payments: 'payments.list',
  payment: 'payments.read',
  counter: 'counter.tickets',
  parties: 'parties.manage',
  /** The office network and its people. */
  applyOffice: 'office-applications.submit',
  officeApplications: {
    action: 'office-applications.read',
    except: ['citizen'],
    why: 'a founder follows their own application on the application page',
  },
  competencies: {
    action: 'offices.history',
    except: ['office_manager'],
    why: "a manager reads their office's competencies on the office's own page",
  },
  staff: 'staff.registry',
  workforce: 'employment.read',
  myRecord: 'staff.self',
  training: 'training.read',
  trainingAdmin: 'training.manage',
  exam: 'exams.take',
  /** Oversight and managers list licences in their scope; the staff who hold one read their own there. */
  licences: ['licences.read', 'licences.read-own'],
  /** Tariffs as policy: schedules and drafts, the revision simulator, the office cost model, channel balance. */
  tariffSchedules: 'tariffs.drafts.read',
  tariffSimulator: 'tariffs.simulations.read',
  costModel: 'tariffs.cost-model.read',
  channels: 'stats.channels',
  /** Each office's measured quality facts: its manager their office, a province's association and inspectors their province. */
  quality: 'quality.facts',
  /** Complaints against offices: filed by citizens and operators, read by the complainant, the manager and oversight. */
  complaints: ['quality.complaints.read', 'quality.complaints.file'],
  /** Service statistics with the drill-down: oversight nationwide or in its province, a manager their office. */
  statistics: 'stats.dashboard',
  /** The open statistics and their data dictionary (open to anyone; offered to every signed-in role). */
  openData: 'signed-in',
  /** Geography: the network map, office viability, siting new offices, the office finder, the reference geography. */
  networkMap: 'geo.distribution.read',
  viability: 'geo.viability.read',
  siting: 'geo.siting.run',
  officeFinder: 'signed-in',
  /** The public deadline calculator (open to anyone; offered to every signed-in role). */
  deadlineCalculator: 'signed-in',
  geography: 'geo.population.import',
  /** Arbitration: a party's, an arbitrator's or the seat office's cases; a citizen starts one. */
  arbitrations: 'arbitration.read',
  arbitrationStart: 'arbitration.start',
  /**
   * The official scale of arbitrators' fees as fee policy: the regulator enters it, and those who
   * oversee fees (tariffs.drafts.read) read it there; the list itself is public and parties see
   * the scale's fee on their case.
   */
  arbitrationFeeScales: ['arbitration.fee-scales.manage', 'tariffs.drafts.read'],
  /** Proposals for new office services: the review queue and each proposal (oversight), filing one (the association), the public list. */
  proposals: 'proposals.read',
  proposeService: 'proposals.submit',
  proposalsPublic: 'signed-in',
  /** Legal consultation: booking (citizens online, office staff at the counter), the citizen's consultations, the consultant's day, the registry. */
  consultationBook: 'consultation.book',
  myConsultations: 'consultation.mine',
  consultantDay: 'consultation.sessions',
  /** A video consultation's call: its citizen and its consultant. */
  consultationCall: 'consultation.attendance',
  consultantRegistry: 'consultation.registry.read',
};

/** The roles that may open a page, read off the server's permissions. */
export function pageRoles(page: PageKey): readonly Role[] {
  const need = PAGE_NEEDS[page];
  if (need === 'signed-in') return ROLES;
  if (typeof need === 'string') return PERMISSIONS[need];
  if (isActionList(need)) return [...new Set(need.flatMap((action) => PERMISSIONS[action]))];
  return PERMISSIONS[need.action].filter((role) => !need.except.includes(role));
}

function isActionList(need: PageNeed): need is readonly Action[] {
  return Array.isArray(need);
}

export function canOpen(user: CurrentUser | null, page: PageKey): boolean {
  if (!user) return false;
  const roles = pageRoles(page);
  return user.roles.some((g) => roles.includes(g.role));
}

/** Where a person lands after sign-in: the dashboard for staff, the citizen's own desk, else the profile. */
export function homePath(user: CurrentUser | null): string {
  if (canOpen(user, 'dashboard')) return '/';
  return canOpen(user, 'portal') ? '/me' : '/profile';
}
