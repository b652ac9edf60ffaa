import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const arbitrationRoutes: FeatureRoute[] = [
  {
    path: '/arbitrations',
    access: 'arbitrations',
    load: async () => (await import('./pages/ArbitrationsPage.tsx')).ArbitrationsPage,
  },
  {
    path: '/arbitrations/new',
    access: 'arbitrationStart',
    load: async () => (await import('./pages/ArbitrationStartPage.tsx')).ArbitrationStartPage,
  },
  {
    path: '/arbitrations/fee-scales',
    access: 'arbitrationFeeScales',
    load: async () => (await import('./pages/FeeScalesPage.tsx')).FeeScalesPage,
  },
  {
    path: '/arbitrations/:id',
    access: 'arbitrations',
    load: async () => (await import('./pages/ArbitrationCasePage.tsx')).ArbitrationCasePage,
  },
];
