import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const identityRoutes: FeatureRoute[] = [
  {
    path: '/sign-in',
    access: 'guest',
    light: true,
    load: async () => (await import('./pages/StaffSignInPage.tsx')).StaffSignInPage,
  },
  {
    path: '/sign-in/citizen',
    access: 'guest',
    light: true,
    load: async () => (await import('./pages/CitizenSignInPage.tsx')).CitizenSignInPage,
  },
  {
    path: '/register',
    access: 'guest',
    light: true,
    load: async () => (await import('./pages/SelfRegisterPage.tsx')).SelfRegisterPage,
  },
  {
    path: '/parties',
    access: 'parties',
    load: async () => (await import('./pages/PartiesPage.tsx')).PartiesPage,
  },
  {
    path: '/users',
    access: 'users',
    load: async () => (await import('./pages/UsersPage.tsx')).UsersPage,
  },
  {
    path: '/users/new',
    access: 'users',
    load: async () => (await import('./pages/NewStaffPage.tsx')).NewStaffPage,
  },
  {
    path: '/profile',
    access: 'signed-in',
    load: async () => (await import('./pages/ProfilePage.tsx')).ProfilePage,
  },
];
