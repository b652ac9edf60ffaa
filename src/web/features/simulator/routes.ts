import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const simulatorRoutes: FeatureRoute[] = [
  {
    path: '/tariffs/simulator',
    access: 'tariffSimulator',
    load: async () => (await import('./pages/SimulatorPage.tsx')).SimulatorPage,
  },
  {
    path: '/tariffs/cost-model',
    access: 'costModel',
    load: async () => (await import('./pages/CostModelPage.tsx')).CostModelPage,
  },
];
