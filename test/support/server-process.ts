/**
 * A Daftar server in a process of its own, for the tests that kill it or run two of them
 * (support/processes.ts spawns this file): the real `startServer` on DATABASE_URL, listening on
 * PORT, with a clock that reads TEST_NOW plus the time since DAFTAR_TEST_CLOCK_ORIGIN (the
 * machine's time the test started at), so every process of a test, restarts included, shares one
 * timeline on the template's day. Prints `listening <url>` once it answers.
 */
import { loadConfig } from '#server/platform/config';
import { startServer } from '#server/server';
import { TEST_NOW } from './test-clock';

const origin = Number(process.env.DAFTAR_TEST_CLOCK_ORIGIN ?? Date.now());
const server = await startServer(loadConfig(), {
  clock: { now: () => new Date(TEST_NOW.getTime() + (Date.now() - origin)) },
  jobs: { pollingIntervalSeconds: 0.5 },
});
process.stdout.write(`listening ${server.url}\n`);
process.on('SIGTERM', () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
