import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const counterRoutes: FeatureRoute[] = [
  {
    path: '/counter',
    access: 'counter',
    light: true,
    load: async () => (await import('./pages/CounterPage.tsx')).CounterPage,
  },
];
