import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const noticesRoutes: FeatureRoute[] = [
  {
    path: '/outbox',
    access: 'outbox',
    load: async () => (await import('./pages/OutboxPage.tsx')).OutboxPage,
  },
  {
    path: '/admin/holidays',
    access: 'holidays',
    load: async () => (await import('./pages/HolidaysPage.tsx')).HolidaysPage,
  },
  {
    path: '/admin/deadline-rules',
    access: 'deadlineRules',
    load: async () => (await import('./pages/DeadlineRulesPage.tsx')).DeadlineRulesPage,
  },
];
