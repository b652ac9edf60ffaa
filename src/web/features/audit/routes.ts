import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const auditRoutes: FeatureRoute[] = [
  {
    path: '/audit',
    access: 'audit',
    load: async () => (await import('./pages/AuditPage.tsx')).AuditPage,
  },
];
