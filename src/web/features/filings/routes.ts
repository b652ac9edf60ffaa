import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const filingsRoutes: FeatureRoute[] = [
  {
    path: '/filings',
    access: 'filings',
    load: async () => (await import('./pages/FilingsPage.tsx')).FilingsPage,
  },
  {
    path: '/filings/new',
    access: 'filings',
    load: async () => (await import('./pages/FilingWizardPage.tsx')).FilingWizardPage,
  },
  {
    path: '/filings/:id/slip',
    access: 'filings',
    load: async () => (await import('./pages/FilingSlipPage.tsx')).FilingSlipPage,
  },
  {
    path: '/filings/:id',
    access: 'filings',
    load: async () => (await import('./pages/FilingPage.tsx')).FilingPage,
  },
];
