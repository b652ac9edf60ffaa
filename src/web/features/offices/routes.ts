import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const officesRoutes: FeatureRoute[] = [
  {
    path: '/offices',
    access: 'offices',
    load: async () => (await import('./pages/OfficesPage.tsx')).OfficesPage,
  },
  {
    path: '/offices/:id',
    access: 'offices',
    load: async () => (await import('./pages/OfficePage.tsx')).OfficePage,
  },
  {
    path: '/offices/apply',
    access: 'applyOffice',
    load: async () => (await import('./pages/ApplyOfficePage.tsx')).ApplyOfficePage,
  },
  {
    path: '/office-applications',
    access: 'officeApplications',
    load: async () => (await import('./pages/OfficeApplicationsPage.tsx')).OfficeApplicationsPage,
  },
  {
    path: '/office-applications/:id',
    access: 'officeApplications',
    load: async () => (await import('./pages/OfficeApplicationPage.tsx')).OfficeApplicationPage,
  },
  {
    path: '/competencies',
    access: 'competencies',
    load: async () => (await import('./pages/CompetenciesPage.tsx')).CompetenciesPage,
  },
];
