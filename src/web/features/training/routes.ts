import type { FeatureRoute } from '#web/app/routes/feature-route.ts';

export const trainingRoutes: FeatureRoute[] = [
  {
    path: '/training',
    access: 'training',
    load: async () => (await import('./pages/TrainingPage.tsx')).TrainingPage,
  },
  {
    path: '/training/admin',
    access: 'trainingAdmin',
    load: async () => (await import('./pages/TrainingAdminPage.tsx')).TrainingAdminPage,
  },
  {
    path: '/training/courses/:id',
    access: 'trainingAdmin',
    load: async () => (await import('./pages/CourseAdminPage.tsx')).CourseAdminPage,
  },
  {
    path: '/exams/:attemptId',
    access: 'exam',
    load: async () => (await import('./pages/ExamAttemptPage.tsx')).ExamAttemptPage,
  },
];
