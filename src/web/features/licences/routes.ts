import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const licencesRoutes: FeatureRoute[] = [
  {
    path: '/licences',
    access: 'licences',
    load: async () => (await import('./pages/LicencesPage.tsx')).LicencesPage,
  },
  {
    path: '/licences/:id',
    access: 'licences',
    load: async () => (await import('./pages/LicencePage.tsx')).LicencePage,
  },
];
