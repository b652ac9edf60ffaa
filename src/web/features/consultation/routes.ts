import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const consultationRoutes: FeatureRoute[] = [
  {
    path: '/consultation/book',
    access: 'consultationBook',
    load: async () => (await import('./pages/BookConsultationPage.tsx')).BookConsultationPage,
  },
  {
    path: '/consultation/mine',
    access: 'myConsultations',
    load: async () => (await import('./pages/MyConsultationsPage.tsx')).MyConsultationsPage,
  },
  {
    path: '/consultation/sessions',
    access: 'consultantDay',
    load: async () => (await import('./pages/ConsultantDayPage.tsx')).ConsultantDayPage,
  },
  {
    path: '/consultation/call/:id',
    access: 'consultationCall',
    load: async () => (await import('./pages/ConsultationCallPage.tsx')).ConsultationCallPage,
  },
  {
    path: '/consultation/registry',
    access: 'consultantRegistry',
    load: async () => (await import('./pages/ConsultantRegistryPage.tsx')).ConsultantRegistryPage,
  },
];
