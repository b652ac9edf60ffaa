import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const staffRoutes: FeatureRoute[] = [
  {
    path: '/staff',
    access: 'staff',
    load: async () => (await import('./pages/StaffRegistryPage.tsx')).StaffRegistryPage,
  },
  {
    path: '/staff/:id',
    access: 'staff',
    load: async () => (await import('./pages/StaffMemberPage.tsx')).StaffMemberPage,
  },
  {
    path: '/workforce',
    access: 'workforce',
    load: async () => (await import('./pages/WorkforcePage.tsx')).WorkforcePage,
  },
  {
    path: '/my-record',
    access: 'myRecord',
    load: async () => (await import('./pages/MyRecordPage.tsx')).MyRecordPage,
  },
];
