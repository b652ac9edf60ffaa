import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const tariffsRoutes: FeatureRoute[] = [
  {
    path: '/fees',
    access: 'fees',
    load: async () => (await import('./pages/FeesPage.tsx')).FeesPage,
  },
  {
    path: '/tariffs',
    access: 'tariffSchedules',
    load: async () => (await import('./pages/SchedulesPage.tsx')).SchedulesPage,
  },
  {
    path: '/tariffs/:id',
    access: 'tariffSchedules',
    load: async () => (await import('./pages/SchedulePage.tsx')).SchedulePage,
  },
];
