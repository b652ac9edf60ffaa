import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const geographyRoutes: FeatureRoute[] = [
  {
    path: '/admin/geography',
    access: 'geography',
    load: async () => (await import('./pages/GeographyPage.tsx')).GeographyPage,
  },
];
