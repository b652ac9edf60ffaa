/**
 * Routes, in react-router's declarative mode (useRoutes inside a BrowserRouter: the data router's
 * loaders and actions were never used, and it is half of react-router's weight). Every page is a
 * lazy component (its own chunk); the shell (layout, Mantine, i18n, query client) is shared. Role
 * checks only decide what is offered — the server enforces access.
 */
import { lazy, type ComponentType, type ReactElement } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { PublicLayout } from './layout/PublicLayout';
import { RedirectIfSignedIn, RequireAuth, RoleGate } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';

/**
 * A page fetched when its route is first shown, with the Mantine CSS beyond the shell's
 * (mantine-styles-rest.ts) fetched beside it. The import stays literal: strings.test.ts reads it.
 */
function page(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => {
    const [component] = await Promise.all([load(), import('./mantine-styles-rest.ts')]);
    return { default: component };
  });
  return <Page />;
}

/**
 * A page that must stay light (the sign-in page, the counter) or imports the CSS it needs itself
 * (the other public pages): only its own chunk; the parts it shows later bring the rest of the
 * Mantine CSS with them.
 */
function lightPage(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  return <Page />;
}

/** The signed-in shell (navigation, user menu) is its own chunk: the sign-in pages do not load it. */
const AppLayout = lazy(async () => ({ default: (await import('./layout/AppLayout')).AppLayout }));

const routes: RouteObject[] = [
  {
    children: [
      {
        element: (
          <RedirectIfSignedIn>
            <PublicLayout />
          </RedirectIfSignedIn>
        ),
        children: [
          {
            path: '/sign-in',
            element: lightPage(
              async () => (await import('#web/features/identity/pages/StaffSignInPage.tsx')).StaffSignInPage,
            ),
          },
          {
            path: '/sign-in/citizen',
            element: lightPage(
              async () => (await import('#web/features/identity/pages/CitizenSignInPage.tsx')).CitizenSignInPage,
            ),
          },
          {
            path: '/register',
            element: lightPage(
              async () => (await import('#web/features/identity/pages/SelfRegisterPage.tsx')).SelfRegisterPage,
            ),
          },
        ],
      },
      {
        // The office finder and the deadline calculator are public: citizens use them without signing in.
        element: <PublicLayout wide />,
        children: [
          {
            path: '/find-office',
            element: lightPage(
              async () => (await import('#web/features/office-finder/pages/OfficeFinderPage.tsx')).OfficeFinderPage,
            ),
          },
          {
            // The deadline calculator is public too: anyone may count the last day of a limit from a notice.
            path: '/deadline',
            element: lightPage(
              async () =>
                (await import('#web/features/deadline-calculator/pages/DeadlineCalculatorPage.tsx'))
                  .DeadlineCalculatorPage,
            ),
          },
        ],
      },
      {
        // The signed-in shell (navigation, user menu) is its own chunk: the sign-in pages do not load it.
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            element: <RoleGate page="dashboard" />,
            children: [
              {
                index: true,
                element: page(async () => (await import('#web/features/stats/pages/DashboardPage.tsx')).DashboardPage),
              },
            ],
          },
          {
            element: <RoleGate page="counter" />,
            children: [
              {
                path: '/counter',
                element: lightPage(
                  async () => (await import('#web/features/counter/pages/CounterPage.tsx')).CounterPage,
                ),
              },
              {
                path: '/parties',
                element: page(async () => (await import('#web/features/identity/pages/PartiesPage.tsx')).PartiesPage),
              },
            ],
          },
          {
            element: <RoleGate page="offices" />,
            children: [
              {
                path: '/offices',
                element: page(async () => (await import('#web/features/offices/pages/OfficesPage.tsx')).OfficesPage),
              },
              {
                path: '/offices/:id',
                element: page(async () => (await import('#web/features/offices/pages/OfficePage.tsx')).OfficePage),
              },
            ],
          },
          {
            element: <RoleGate page="users" />,
            children: [
              {
                path: '/users',
                element: page(async () => (await import('#web/features/identity/pages/UsersPage.tsx')).UsersPage),
              },
              {
                path: '/users/new',
                element: page(async () => (await import('#web/features/identity/pages/NewStaffPage.tsx')).NewStaffPage),
              },
            ],
          },
          {
            element: <RoleGate page="outbox" />,
            children: [
              {
                path: '/outbox',
                element: page(async () => (await import('#web/features/notices/pages/OutboxPage.tsx')).OutboxPage),
              },
            ],
          },
          {
            element: <RoleGate page="audit" />,
            children: [
              {
                path: '/audit',
                element: page(async () => (await import('#web/features/audit/pages/AuditPage.tsx')).AuditPage),
              },
            ],
          },
          {
            element: <RoleGate page="portal" />,
            children: [
              {
                path: '/me',
                element: page(
                  async () => (await import('#web/features/portal/pages/PortalHomePage.tsx')).PortalHomePage,
                ),
              },
              {
                path: '/me/notices/:id',
                element: page(
                  async () => (await import('#web/features/portal/pages/PortalNoticePage.tsx')).PortalNoticePage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="courtDesk" />,
            children: [
              {
                path: '/court',
                element: page(
                  async () => (await import('#web/features/court/pages/CourtQueuePage.tsx')).CourtQueuePage,
                ),
              },
              {
                path: '/court/filings/:id',
                element: page(
                  async () => (await import('#web/features/court/pages/CourtFilingPage.tsx')).CourtFilingPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="courtCases" />,
            children: [
              {
                path: '/court/cases',
                element: page(
                  async () => (await import('#web/features/court/pages/CourtCasesPage.tsx')).CourtCasesPage,
                ),
              },
              {
                path: '/court/cases/:id',
                element: page(async () => (await import('#web/features/court/pages/CourtCasePage.tsx')).CourtCasePage),
              },
            ],
          },
          {
            element: <RoleGate page="officeNotices" />,
            children: [
              {
                path: '/counter/notices',
                element: page(
                  async () => (await import('#web/features/notices/pages/OfficeNoticePage.tsx')).OfficeNoticePage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="fees" />,
            children: [
              {
                path: '/fees',
                element: page(async () => (await import('#web/features/tariffs/pages/FeesPage.tsx')).FeesPage),
              },
            ],
          },
          {
            element: <RoleGate page="tariffSchedules" />,
            children: [
              {
                path: '/tariffs',
                element: page(
                  async () => (await import('#web/features/tariffs/pages/SchedulesPage.tsx')).SchedulesPage,
                ),
              },
              {
                path: '/tariffs/:id',
                element: page(async () => (await import('#web/features/tariffs/pages/SchedulePage.tsx')).SchedulePage),
              },
            ],
          },
          {
            element: <RoleGate page="tariffSimulator" />,
            children: [
              {
                path: '/tariffs/simulator',
                element: page(
                  async () => (await import('#web/features/simulator/pages/SimulatorPage.tsx')).SimulatorPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="costModel" />,
            children: [
              {
                path: '/tariffs/cost-model',
                element: page(
                  async () => (await import('#web/features/simulator/pages/CostModelPage.tsx')).CostModelPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="channels" />,
            children: [
              {
                path: '/channels',
                element: page(async () => (await import('#web/features/channels/pages/ChannelsPage.tsx')).ChannelsPage),
              },
            ],
          },
          {
            element: <RoleGate page="networkMap" />,
            children: [
              {
                path: '/network/map',
                element: page(
                  async () => (await import('#web/features/network-map/pages/NetworkMapPage.tsx')).NetworkMapPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="viability" />,
            children: [
              {
                path: '/network/viability',
                element: page(
                  async () => (await import('#web/features/network-map/pages/ViabilityPage.tsx')).ViabilityPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="siting" />,
            children: [
              {
                path: '/network/siting',
                element: page(async () => (await import('#web/features/siting/pages/SitingPage.tsx')).SitingPage),
              },
            ],
          },
          {
            element: <RoleGate page="geography" />,
            children: [
              {
                path: '/admin/geography',
                element: page(
                  async () => (await import('#web/features/geography/pages/GeographyPage.tsx')).GeographyPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="holidays" />,
            children: [
              {
                path: '/admin/holidays',
                element: page(async () => (await import('#web/features/notices/pages/HolidaysPage.tsx')).HolidaysPage),
              },
            ],
          },
          {
            element: <RoleGate page="deadlineRules" />,
            children: [
              {
                path: '/admin/deadline-rules',
                element: page(
                  async () => (await import('#web/features/notices/pages/DeadlineRulesPage.tsx')).DeadlineRulesPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="filings" />,
            children: [
              {
                path: '/filings',
                element: page(async () => (await import('#web/features/filings/pages/FilingsPage.tsx')).FilingsPage),
              },
              {
                path: '/filings/new',
                element: page(
                  async () => (await import('#web/features/filings/pages/FilingWizardPage.tsx')).FilingWizardPage,
                ),
              },
              {
                path: '/filings/:id',
                element: page(async () => (await import('#web/features/filings/pages/FilingPage.tsx')).FilingPage),
              },
            ],
          },
          {
            element: <RoleGate page="payments" />,
            children: [
              {
                path: '/payments',
                element: page(async () => (await import('#web/features/payments/pages/PaymentsPage.tsx')).PaymentsPage),
              },
            ],
          },
          {
            element: <RoleGate page="payment" />,
            children: [
              {
                path: '/payments/:id',
                element: page(async () => (await import('#web/features/payments/pages/PaymentPage.tsx')).PaymentPage),
              },
            ],
          },
          {
            element: <RoleGate page="applyOffice" />,
            children: [
              {
                path: '/offices/apply',
                element: page(
                  async () => (await import('#web/features/offices/pages/ApplyOfficePage.tsx')).ApplyOfficePage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="officeApplications" />,
            children: [
              {
                path: '/office-applications',
                element: page(
                  async () =>
                    (await import('#web/features/offices/pages/OfficeApplicationsPage.tsx')).OfficeApplicationsPage,
                ),
              },
              {
                path: '/office-applications/:id',
                element: page(
                  async () =>
                    (await import('#web/features/offices/pages/OfficeApplicationPage.tsx')).OfficeApplicationPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="competencies" />,
            children: [
              {
                path: '/competencies',
                element: page(
                  async () => (await import('#web/features/offices/pages/CompetenciesPage.tsx')).CompetenciesPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="staff" />,
            children: [
              {
                path: '/staff',
                element: page(
                  async () => (await import('#web/features/staff/pages/StaffRegistryPage.tsx')).StaffRegistryPage,
                ),
              },
              {
                path: '/staff/:id',
                element: page(
                  async () => (await import('#web/features/staff/pages/StaffMemberPage.tsx')).StaffMemberPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="workforce" />,
            children: [
              {
                path: '/workforce',
                element: page(async () => (await import('#web/features/staff/pages/WorkforcePage.tsx')).WorkforcePage),
              },
            ],
          },
          {
            element: <RoleGate page="myRecord" />,
            children: [
              {
                path: '/my-record',
                element: page(async () => (await import('#web/features/staff/pages/MyRecordPage.tsx')).MyRecordPage),
              },
            ],
          },
          {
            element: <RoleGate page="training" />,
            children: [
              {
                path: '/training',
                element: page(async () => (await import('#web/features/training/pages/TrainingPage.tsx')).TrainingPage),
              },
            ],
          },
          {
            element: <RoleGate page="trainingAdmin" />,
            children: [
              {
                path: '/training/admin',
                element: page(
                  async () => (await import('#web/features/training/pages/TrainingAdminPage.tsx')).TrainingAdminPage,
                ),
              },
              {
                path: '/training/courses/:id',
                element: page(
                  async () => (await import('#web/features/training/pages/CourseAdminPage.tsx')).CourseAdminPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="exam" />,
            children: [
              {
                path: '/exams/:attemptId',
                element: page(
                  async () => (await import('#web/features/training/pages/ExamAttemptPage.tsx')).ExamAttemptPage,
                ),
              },
            ],
          },
          {
            element: <RoleGate page="licences" />,
            children: [
              {
                path: '/licences',
                element: page(async () => (await import('#web/features/licences/pages/LicencesPage.tsx')).LicencesPage),
              },
              {
                path: '/licences/:id',
                element: page(async () => (await import('#web/features/licences/pages/LicencePage.tsx')).LicencePage),
              },
            ],
          },
          {
            path: '/profile',
            element: page(async () => (await import('#web/features/identity/pages/ProfilePage.tsx')).ProfilePage),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
