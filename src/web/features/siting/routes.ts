import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const sitingRoutes: FeatureRoute[] = [
  {
    path: '/network/siting',
    access: 'siting',
    load: async () => (await import('./pages/SitingPage.tsx')).SitingPage,
  },
];
