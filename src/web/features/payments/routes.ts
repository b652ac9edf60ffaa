import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const paymentsRoutes: FeatureRoute[] = [
  {
    path: '/payments',
    access: 'payments',
    load: async () => (await import('./pages/PaymentsPage.tsx')).PaymentsPage,
  },
  {
    path: '/payments/:id',
    access: 'payment',
    load: async () => (await import('./pages/PaymentPage.tsx')).PaymentPage,
  },
];
