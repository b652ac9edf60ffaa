/**
 * Routes. Every page is a lazy route module (its own chunk); the shell (layout, Mantine, i18n,
 * query client) is shared. Role checks only decide what is offered — the server enforces access.
 */
import { createBrowserRouter } from 'react-router';
import { PublicLayout } from './layout/PublicLayout';
import { FullPageLoader, RedirectIfSignedIn, RequireAuth, RoleGate } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteError } from './routes/RouteError';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
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
            lazy: async () => ({ Component: (await import('#web/features/identity/pages/StaffSignInPage.tsx')).StaffSignInPage }),
          },
          {
            path: '/sign-in/citizen',
            lazy: async () => ({ Component: (await import('#web/features/identity/pages/CitizenSignInPage.tsx')).CitizenSignInPage }),
          },
          {
            path: '/register',
            lazy: async () => ({ Component: (await import('#web/features/identity/pages/SelfRegisterPage.tsx')).SelfRegisterPage }),
          },
        ],
      },
      {
        // The office finder and the deadline calculator are public: citizens use them without signing in.
        element: <PublicLayout wide />,
        children: [
          {
            path: '/find-office',
            lazy: async () => ({ Component: (await import('#web/features/office-finder/pages/OfficeFinderPage.tsx')).OfficeFinderPage }),
          },
          {
            // The deadline calculator is public too: anyone may count the last day of a limit from a notice.
            path: '/deadline',
            lazy: async () => ({ Component: (await import('#web/features/deadline-calculator/pages/DeadlineCalculatorPage.tsx')).DeadlineCalculatorPage }),
          },
        ],
      },
      {
        // The signed-in shell (navigation, user menu) is its own chunk: the sign-in pages do not load it.
        lazy: async () => {
          const { AppLayout } = await import('./layout/AppLayout');
          return {
            element: (
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            ),
          };
        },
        children: [
          {
            element: <RoleGate page="dashboard" />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('#web/features/stats/pages/DashboardPage.tsx')).DashboardPage }),
              },
            ],
          },
          {
            element: <RoleGate page="counter" />,
            children: [
              {
                path: '/counter',
                lazy: async () => ({ Component: (await import('#web/features/counter/pages/CounterPage.tsx')).CounterPage }),
              },
              {
                path: '/parties',
                lazy: async () => ({ Component: (await import('#web/features/identity/pages/PartiesPage.tsx')).PartiesPage }),
              },
            ],
          },
          {
            element: <RoleGate page="offices" />,
            children: [
              {
                path: '/offices',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/OfficesPage.tsx')).OfficesPage }),
              },
              {
                path: '/offices/:id',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/OfficePage.tsx')).OfficePage }),
              },
            ],
          },
          {
            element: <RoleGate page="users" />,
            children: [
              {
                path: '/users',
                lazy: async () => ({ Component: (await import('#web/features/identity/pages/UsersPage.tsx')).UsersPage }),
              },
              {
                path: '/users/new',
                lazy: async () => ({ Component: (await import('#web/features/identity/pages/NewStaffPage.tsx')).NewStaffPage }),
              },
            ],
          },
          {
            element: <RoleGate page="outbox" />,
            children: [
              {
                path: '/outbox',
                lazy: async () => ({ Component: (await import('#web/features/notices/pages/OutboxPage.tsx')).OutboxPage }),
              },
            ],
          },
          {
            element: <RoleGate page="audit" />,
            children: [
              {
                path: '/audit',
                lazy: async () => ({ Component: (await import('#web/features/audit/pages/AuditPage.tsx')).AuditPage }),
              },
            ],
          },
          {
            element: <RoleGate page="portal" />,
            children: [
              {
                path: '/me',
                lazy: async () => ({ Component: (await import('#web/features/portal/pages/PortalHomePage.tsx')).PortalHomePage }),
              },
              {
                path: '/me/notices/:id',
                lazy: async () => ({ Component: (await import('#web/features/portal/pages/PortalNoticePage.tsx')).PortalNoticePage }),
              },
            ],
          },
          {
            element: <RoleGate page="courtDesk" />,
            children: [
              {
                path: '/court',
                lazy: async () => ({ Component: (await import('#web/features/court/pages/CourtQueuePage.tsx')).CourtQueuePage }),
              },
              {
                path: '/court/filings/:id',
                lazy: async () => ({ Component: (await import('#web/features/court/pages/CourtFilingPage.tsx')).CourtFilingPage }),
              },
            ],
          },
          {
            element: <RoleGate page="courtCases" />,
            children: [
              {
                path: '/court/cases',
                lazy: async () => ({ Component: (await import('#web/features/court/pages/CourtCasesPage.tsx')).CourtCasesPage }),
              },
              {
                path: '/court/cases/:id',
                lazy: async () => ({ Component: (await import('#web/features/court/pages/CourtCasePage.tsx')).CourtCasePage }),
              },
            ],
          },
          {
            element: <RoleGate page="officeNotices" />,
            children: [
              {
                path: '/counter/notices',
                lazy: async () => ({ Component: (await import('#web/features/notices/pages/OfficeNoticePage.tsx')).OfficeNoticePage }),
              },
            ],
          },
          {
            element: <RoleGate page="fees" />,
            children: [
              {
                path: '/fees',
                lazy: async () => ({ Component: (await import('#web/features/tariffs/pages/FeesPage.tsx')).FeesPage }),
              },
            ],
          },
          {
            element: <RoleGate page="tariffSchedules" />,
            children: [
              {
                path: '/tariffs',
                lazy: async () => ({ Component: (await import('#web/features/tariffs/pages/SchedulesPage.tsx')).SchedulesPage }),
              },
              {
                path: '/tariffs/:id',
                lazy: async () => ({ Component: (await import('#web/features/tariffs/pages/SchedulePage.tsx')).SchedulePage }),
              },
            ],
          },
          {
            element: <RoleGate page="tariffSimulator" />,
            children: [
              {
                path: '/tariffs/simulator',
                lazy: async () => ({ Component: (await import('#web/features/simulator/pages/SimulatorPage.tsx')).SimulatorPage }),
              },
            ],
          },
          {
            element: <RoleGate page="costModel" />,
            children: [
              {
                path: '/tariffs/cost-model',
                lazy: async () => ({ Component: (await import('#web/features/simulator/pages/CostModelPage.tsx')).CostModelPage }),
              },
            ],
          },
          {
            element: <RoleGate page="channels" />,
            children: [
              {
                path: '/channels',
                lazy: async () => ({ Component: (await import('#web/features/channels/pages/ChannelsPage.tsx')).ChannelsPage }),
              },
            ],
          },
          {
            element: <RoleGate page="networkMap" />,
            children: [
              {
                path: '/network/map',
                lazy: async () => ({ Component: (await import('#web/features/network-map/pages/NetworkMapPage.tsx')).NetworkMapPage }),
              },
            ],
          },
          {
            element: <RoleGate page="viability" />,
            children: [
              {
                path: '/network/viability',
                lazy: async () => ({ Component: (await import('#web/features/network-map/pages/ViabilityPage.tsx')).ViabilityPage }),
              },
            ],
          },
          {
            element: <RoleGate page="siting" />,
            children: [
              {
                path: '/network/siting',
                lazy: async () => ({ Component: (await import('#web/features/siting/pages/SitingPage.tsx')).SitingPage }),
              },
            ],
          },
          {
            element: <RoleGate page="geography" />,
            children: [
              {
                path: '/admin/geography',
                lazy: async () => ({ Component: (await import('#web/features/geography/pages/GeographyPage.tsx')).GeographyPage }),
              },
            ],
          },
          {
            element: <RoleGate page="holidays" />,
            children: [
              {
                path: '/admin/holidays',
                lazy: async () => ({ Component: (await import('#web/features/notices/pages/HolidaysPage.tsx')).HolidaysPage }),
              },
            ],
          },
          {
            element: <RoleGate page="deadlineRules" />,
            children: [
              {
                path: '/admin/deadline-rules',
                lazy: async () => ({ Component: (await import('#web/features/notices/pages/DeadlineRulesPage.tsx')).DeadlineRulesPage }),
              },
            ],
          },
          {
            element: <RoleGate page="filings" />,
            children: [
              {
                path: '/filings',
                lazy: async () => ({ Component: (await import('#web/features/filings/pages/FilingsPage.tsx')).FilingsPage }),
              },
              {
                path: '/filings/new',
                lazy: async () => ({ Component: (await import('#web/features/filings/pages/FilingWizardPage.tsx')).FilingWizardPage }),
              },
              {
                path: '/filings/:id',
                lazy: async () => ({ Component: (await import('#web/features/filings/pages/FilingPage.tsx')).FilingPage }),
              },
            ],
          },
          {
            element: <RoleGate page="payments" />,
            children: [
              {
                path: '/payments',
                lazy: async () => ({ Component: (await import('#web/features/payments/pages/PaymentsPage.tsx')).PaymentsPage }),
              },
            ],
          },
          {
            element: <RoleGate page="payment" />,
            children: [
              {
                path: '/payments/:id',
                lazy: async () => ({ Component: (await import('#web/features/payments/pages/PaymentPage.tsx')).PaymentPage }),
              },
            ],
          },
          {
            element: <RoleGate page="applyOffice" />,
            children: [
              {
                path: '/offices/apply',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/ApplyOfficePage.tsx')).ApplyOfficePage }),
              },
            ],
          },
          {
            element: <RoleGate page="officeApplications" />,
            children: [
              {
                path: '/office-applications',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/OfficeApplicationsPage.tsx')).OfficeApplicationsPage }),
              },
              {
                path: '/office-applications/:id',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/OfficeApplicationPage.tsx')).OfficeApplicationPage }),
              },
            ],
          },
          {
            element: <RoleGate page="competencies" />,
            children: [
              {
                path: '/competencies',
                lazy: async () => ({ Component: (await import('#web/features/offices/pages/CompetenciesPage.tsx')).CompetenciesPage }),
              },
            ],
          },
          {
            element: <RoleGate page="staff" />,
            children: [
              {
                path: '/staff',
                lazy: async () => ({ Component: (await import('#web/features/staff/pages/StaffRegistryPage.tsx')).StaffRegistryPage }),
              },
              {
                path: '/staff/:id',
                lazy: async () => ({ Component: (await import('#web/features/staff/pages/StaffMemberPage.tsx')).StaffMemberPage }),
              },
            ],
          },
          {
            element: <RoleGate page="workforce" />,
            children: [
              {
                path: '/workforce',
                lazy: async () => ({ Component: (await import('#web/features/staff/pages/WorkforcePage.tsx')).WorkforcePage }),
              },
            ],
          },
          {
            element: <RoleGate page="myRecord" />,
            children: [
              {
                path: '/my-record',
                lazy: async () => ({ Component: (await import('#web/features/staff/pages/MyRecordPage.tsx')).MyRecordPage }),
              },
            ],
          },
          {
            element: <RoleGate page="training" />,
            children: [
              {
                path: '/training',
                lazy: async () => ({ Component: (await import('#web/features/training/pages/TrainingPage.tsx')).TrainingPage }),
              },
            ],
          },
          {
            element: <RoleGate page="trainingAdmin" />,
            children: [
              {
                path: '/training/admin',
                lazy: async () => ({ Component: (await import('#web/features/training/pages/TrainingAdminPage.tsx')).TrainingAdminPage }),
              },
              {
                path: '/training/courses/:id',
                lazy: async () => ({ Component: (await import('#web/features/training/pages/CourseAdminPage.tsx')).CourseAdminPage }),
              },
            ],
          },
          {
            element: <RoleGate page="exam" />,
            children: [
              {
                path: '/exams/:attemptId',
                lazy: async () => ({ Component: (await import('#web/features/training/pages/ExamAttemptPage.tsx')).ExamAttemptPage }),
              },
            ],
          },
          {
            element: <RoleGate page="licences" />,
            children: [
              {
                path: '/licences',
                lazy: async () => ({ Component: (await import('#web/features/licences/pages/LicencesPage.tsx')).LicencesPage }),
              },
              {
                path: '/licences/:id',
                lazy: async () => ({ Component: (await import('#web/features/licences/pages/LicencePage.tsx')).LicencePage }),
              },
            ],
          },
          {
            path: '/profile',
            lazy: async () => ({ Component: (await import('#web/features/identity/pages/ProfilePage.tsx')).ProfilePage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
