/**
 * Page roles are read off the server's permissions. The expectations are the pages as the product
 * gives them to each role (the table the web kept by hand before), so a change to an action's
 * roles that would open or close a page shows up here.
 */
import { describe, expect, it } from 'vitest';
import { canOpen, homePath, type PageKey, pageRoles } from './access';
import type { CurrentUser, Role } from './auth';

const EVERYONE: Role[] = [
  'citizen',
  'operator',
  'office_manager',
  'association_admin',
  'regulator_admin',
  'court_clerk',
  'judge',
  'consultant',
  'arbitrator',
  'inspector',
];

const EXPECTED: Record<PageKey, Role[]> = {
  dashboard: EVERYONE.filter((role) => role !== 'citizen'),
  offices: EVERYONE,
  users: ['office_manager', 'association_admin', 'regulator_admin'],
  outbox: ['association_admin', 'regulator_admin'],
  audit: ['association_admin', 'regulator_admin'],
  fees: EVERYONE,
  profile: EVERYONE,
  filings: ['operator', 'office_manager', 'citizen'],
  portal: ['citizen'],
  courtDesk: ['court_clerk'],
  courtCases: ['court_clerk', 'judge'],
  hearings: ['citizen', 'court_clerk', 'judge'],
  hearingSchedule: ['court_clerk'],
  hearingBooths: ['operator', 'office_manager'],
  officeNotices: ['operator', 'office_manager'],
  holidays: ['association_admin', 'regulator_admin'],
  deadlineRules: ['association_admin', 'regulator_admin'],
  payments: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  payment: ['operator', 'office_manager', 'citizen', 'association_admin', 'regulator_admin', 'inspector'],
  counter: ['operator', 'office_manager'],
  parties: ['operator', 'office_manager'],
  applyOffice: ['citizen', 'association_admin'],
  officeApplications: ['association_admin', 'regulator_admin', 'inspector'],
  competencies: ['association_admin', 'regulator_admin', 'inspector'],
  staff: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  workforce: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  myRecord: ['operator', 'office_manager', 'consultant'],
  training: ['operator', 'office_manager', 'consultant', 'association_admin', 'regulator_admin', 'inspector'],
  trainingAdmin: ['association_admin'],
  exam: ['operator', 'office_manager', 'consultant'],
  licences: ['operator', 'office_manager', 'consultant', 'association_admin', 'regulator_admin', 'inspector'],
  tariffSchedules: ['association_admin', 'regulator_admin', 'inspector'],
  tariffSimulator: ['association_admin', 'regulator_admin', 'inspector'],
  costModel: ['association_admin', 'regulator_admin', 'inspector'],
  channels: ['association_admin', 'regulator_admin', 'inspector'],
  quality: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  complaints: ['citizen', 'office_manager', 'inspector', 'association_admin', 'regulator_admin', 'operator'],
  statistics: ['office_manager', 'association_admin', 'regulator_admin'],
  openData: EVERYONE,
  networkMap: ['association_admin', 'regulator_admin', 'inspector'],
  viability: ['office_manager', 'association_admin', 'regulator_admin', 'inspector'],
  siting: ['association_admin', 'regulator_admin'],
  officeFinder: EVERYONE,
  deadlineCalculator: EVERYONE,
  arbitrations: ['citizen', 'operator', 'office_manager', 'arbitrator', 'court_clerk'],
  arbitrationStart: ['citizen'],
  arbitrationFeeScales: ['association_admin', 'regulator_admin', 'inspector'],
  geography: ['regulator_admin'],
  proposals: ['association_admin', 'regulator_admin', 'inspector'],
  proposeService: ['association_admin'],
  proposalsPublic: EVERYONE,
  consultationBook: ['citizen', 'operator', 'office_manager'],
  myConsultations: ['citizen'],
  consultantDay: ['consultant'],
  consultationCall: ['consultant', 'citizen'],
  consultantRegistry: ['association_admin', 'regulator_admin'],
};

function person(...roles: Role[]): CurrentUser {
  return { roles: roles.map((role) => ({ role })) } as unknown as CurrentUser;
}

describe('who may open each page', () => {
  for (const [page, roles] of Object.entries(EXPECTED) as [PageKey, Role[]][]) {
    it(`${page}: ${roles.length === EVERYONE.length ? 'everyone signed in' : roles.join(', ')}`, () => {
      expect([...pageRoles(page)].sort()).toEqual([...roles].sort());
    });
  }

  it('nobody signed out opens a page; a person with two roles opens the pages of either', () => {
    expect(canOpen(null, 'profile')).toBe(false);
    const judgeAndArbitrator = person('judge', 'arbitrator');
    expect(canOpen(judgeAndArbitrator, 'courtCases')).toBe(true);
    expect(canOpen(judgeAndArbitrator, 'courtDesk')).toBe(false);
  });

  it('staff land on the dashboard, citizens on their desk', () => {
    expect(homePath(person('operator'))).toBe('/');
    expect(homePath(person('citizen'))).toBe('/me');
    expect(homePath(null)).toBe('/profile');
  });
});

describe('the features declare their pages', () => {
  it('every page key has a page, and no path is declared twice', async () => {
    const { FEATURE_ROUTES } = await import('./feature-routes');
    const keys = new Set(FEATURE_ROUTES.map((page) => page.access));
    expect(Object.keys(EXPECTED).filter((key) => !keys.has(key as PageKey))).toEqual([
      'profile',
      'openData',
      'officeFinder',
      'deadlineCalculator',
      'proposalsPublic',
    ]);
    const paths = FEATURE_ROUTES.map((page) => page.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });
});
