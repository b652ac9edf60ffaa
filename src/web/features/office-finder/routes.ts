import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const officeFinderRoutes: FeatureRoute[] = [
  {
    path: '/find-office',
    access: 'public',
    light: true,
    load: async () => (await import('./pages/OfficeFinderPage.tsx')).OfficeFinderPage,
  },
];
