import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const hearingRoutes: FeatureRoute[] = [
  {
    path: '/hearings',
    access: 'hearings',
    load: async () => (await import('./pages/HearingsPage.tsx')).HearingsPage,
  },
  {
    path: '/hearings/new',
    access: 'hearingSchedule',
    load: async () => (await import('./pages/ScheduleHearingPage.tsx')).ScheduleHearingPage,
  },
  {
    path: '/hearings/booths',
    access: 'hearingBooths',
    load: async () => (await import('./pages/BoothCalendarPage.tsx')).BoothCalendarPage,
  },
  {
    path: '/hearings/booths/:boothNo/check',
    access: 'hearingBooths',
    load: async () => (await import('./pages/BoothCheckPage.tsx')).BoothCheckPage,
  },
  {
    path: '/hearings/:id/self-test',
    access: 'hearings',
    load: async () => (await import('./pages/SelfTestPage.tsx')).SelfTestPage,
  },
  {
    path: '/hearings/:id',
    access: 'hearings',
    load: async () => (await import('./pages/HearingRoomPage.tsx')).HearingRoomPage,
  },
];
