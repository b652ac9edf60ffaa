import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const counterRoutes: FeatureRoute[] = [
  {
    path: '/counter',
    access: 'counter',
    light: true,
    load: async () => (await import('./pages/CounterPage.tsx')).CounterPage,
  },
  {
    path: '/counter/notices',
    access: 'officeNotices',
    load: async () => (await import('./pages/OfficeNoticesPage.tsx')).OfficeNoticesPage,
  },
  {
    path: '/counter/tickets/:id/print',
    access: 'counter',
    light: true,
    load: async () => (await import('./pages/TicketSlipPage.tsx')).TicketSlipPage,
  },
];
