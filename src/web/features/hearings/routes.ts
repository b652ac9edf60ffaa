import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const hearingRoutes: FeatureRoute[] = [
  {
    path: '/hearings',
    access: 'hearings',
    load: async () => (await import('./pages/HearingsPage.tsx')).HearingsPage,
  },
  {
    path: '/hearings/:id',
    access: 'hearings',
    load: async () => (await import('./pages/HearingRoomPage.tsx')).HearingRoomPage,
  },
];
