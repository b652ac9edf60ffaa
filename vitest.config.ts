import { defineConfig } from 'vitest/config';

// Three tiers by file suffix (see docs/architecture.md): unit, API integration, browser.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          // The files of a worker share its modules (no mocks, no globals changed in this tier):
          // importing the same modules again for every file took most of the tier's time.
          isolate: false,
          // Generous for the seed generator's tests when the tiers run side by side on two cores.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // The files of a worker share its modules: importing the whole server again for every
          // file cost more than its tests. Each file still starts its own server on its own copy
          // of the database, and puts back the environment it changed.
          isolate: false,
          setupFiles: ['test/support/restore-env.ts'],
          // One worker (vitest's default on two cores): two were tried and the whole CI run took
          // longer, the browser tiers beside it slowed more than the tier gained (decision 0078).
          // Limits for a hang: the seed loads run close to a minute beside the browser tier.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          // The web UI is built when missing or stale; the same seeded template as the integration
          // tests: each spec's server starts from a copy.
          globalSetup: ['e2e/support/web-build-setup.ts', 'test/global-setup.ts'],
          // As for the integration tier; the specs of a process also share one Chromium (e2e/support/browser.ts).
          // A failed test describes the pages it left open (e2e/support/failure-report.ts).
          isolate: false,
          setupFiles: ['test/support/restore-env.ts', 'e2e/support/failure-report.ts'],
          // Limits for a hang, not for speed: a busy two-core machine runs a long step several times slower.
          testTimeout: 240_000,
          hookTimeout: 180_000,
          // A page polled for what it shows gets the time a loaded machine needs to draw it (the default is 1 s).
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
