import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const statsRoutes: FeatureRoute[] = [
  {
    path: '/',
    access: 'dashboard',
    load: async () => (await import('./pages/DashboardPage.tsx')).DashboardPage,
  },
  {
    path: '/statistics',
    access: 'statistics',
    load: async () => (await import('./pages/StatisticsPage.tsx')).StatisticsPage,
  },
  {
    path: '/open-data',
    access: 'public',
    load: async () => (await import('./pages/OpenDataPage.tsx')).OpenDataPage,
  },
];
