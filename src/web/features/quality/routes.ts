import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const qualityRoutes: FeatureRoute[] = [
  {
    path: '/quality',
    access: 'quality',
    load: async () => (await import('./pages/QualityPage.tsx')).QualityPage,
  },
  {
    path: '/quality/weights',
    access: 'quality',
    load: async () => (await import('./pages/WeightsPage.tsx')).WeightsPage,
  },
  {
    path: '/quality/offices/:id',
    access: 'quality',
    load: async () => (await import('./pages/OfficeQualityPage.tsx')).OfficeQualityPage,
  },
  {
    path: '/complaints',
    access: 'complaints',
    load: async () => (await import('./pages/ComplaintsPage.tsx')).ComplaintsPage,
  },
  {
    path: '/s/:token',
    access: 'public',
    load: async () => (await import('./pages/SurveyPage.tsx')).SurveyPage,
  },
];
