import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const courtRoutes: FeatureRoute[] = [
  {
    path: '/court',
    access: 'courtDesk',
    load: async () => (await import('./pages/CourtQueuePage.tsx')).CourtQueuePage,
  },
  {
    path: '/court/filings/:id',
    access: 'courtDesk',
    load: async () => (await import('./pages/CourtFilingPage.tsx')).CourtFilingPage,
  },
  {
    path: '/court/cases',
    access: 'courtCases',
    load: async () => (await import('./pages/CourtCasesPage.tsx')).CourtCasesPage,
  },
  {
    path: '/court/cases/:id/notices/:noticeId/paper/:partyId',
    access: 'courtCases',
    load: async () => (await import('./pages/PaperNoticePage.tsx')).PaperNoticePage,
  },
  {
    path: '/court/cases/:id',
    access: 'courtCases',
    load: async () => (await import('./pages/CourtCasePage.tsx')).CourtCasePage,
  },
];
