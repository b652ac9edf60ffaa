import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const deadlineCalculatorRoutes: FeatureRoute[] = [
  {
    path: '/deadline',
    access: 'public',
    light: true,
    load: async () => (await import('./pages/DeadlineCalculatorPage.tsx')).DeadlineCalculatorPage,
  },
];
