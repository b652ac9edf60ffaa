import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const networkMapRoutes: FeatureRoute[] = [
  {
    path: '/network/map',
    access: 'networkMap',
    load: async () => (await import('./pages/NetworkMapPage.tsx')).NetworkMapPage,
  },
  {
    path: '/network/viability',
    access: 'viability',
    load: async () => (await import('./pages/ViabilityPage.tsx')).ViabilityPage,
  },
];
