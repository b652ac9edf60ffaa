import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const channelsRoutes: FeatureRoute[] = [
  {
    path: '/channels',
    access: 'channels',
    load: async () => (await import('./pages/ChannelsPage.tsx')).ChannelsPage,
  },
];
