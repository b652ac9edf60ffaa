import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const proposalsRoutes: FeatureRoute[] = [
  {
    path: '/proposals',
    access: 'proposals',
    load: async () => (await import('./pages/ProposalsPage.tsx')).ProposalsPage,
  },
  {
    path: '/proposals/new',
    access: 'proposeService',
    load: async () => (await import('./pages/ProposeServicePage.tsx')).ProposeServicePage,
  },
  {
    path: '/proposals/in-review',
    access: 'public',
    load: async () => (await import('./pages/ProposalsInReviewPage.tsx')).ProposalsInReviewPage,
  },
  {
    path: '/proposals/:id',
    access: 'proposals',
    load: async () => (await import('./pages/ProposalPage.tsx')).ProposalPage,
  },
];
