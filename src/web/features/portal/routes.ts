import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const portalRoutes: FeatureRoute[] = [
  {
    path: '/me',
    access: 'portal',
    load: async () => (await import('./pages/PortalHomePage.tsx')).PortalHomePage,
  },
  {
    path: '/me/notices/:id',
    access: 'portal',
    load: async () => (await import('./pages/PortalNoticePage.tsx')).PortalNoticePage,
  },
];
