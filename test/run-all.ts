/**
 * `npm test`: the whole suite — type check, unit tests, API integration tests (on PGlite, or on
 * PostgreSQL when DATABASE_URL is set) and browser tests in Chromium — ending with one line
 * `N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
 *
 * It sets itself up: it builds the web UI when stale, and finds Chromium (CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium) — installing Debian's package when it is missing and it runs as root
 * with apt-get, else stopping at once with the one command to run.
 *
 * `--skip-typecheck` leaves out `tsc --noEmit` (.ci/run type-checks once for both databases).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from '../src/cli/build-web';
import { chromiumMissingLine, ensureChromium } from './support/chromium';

interface AssertionResult {
  fullName: string;
  status: string;
}
interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  success: boolean;
  testResults: { name: string; assertionResults: AssertionResult[] }[];
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTests: string[] = [];
const target = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const skipTypecheck = process.argv.includes('--skip-typecheck');

function step(title: string) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
}

const chromium = ensureChromium();
if (!chromium) {
  console.error(chromiumMissingLine());
  process.exit(1);
}

if (!skipTypecheck) {
  step('type check (tsc --noEmit)');
  const tsc = spawnSync(npx, ['tsc', '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status === 0) totals.passed += 1;
  else totals.failed += 1;
}

await ensureWebBuilt();

for (const project of ['unit', 'int', 'e2e']) {
  step(`${project} tests${project === 'unit' ? '' : ` on ${target}`}`);
  const started = Date.now();
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-')), `${project}.json`);
  const run = spawnSync(
    npx,
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', DAFTAR_WEB_DIST: path.join(ROOT, 'dist/web'), CHROMIUM_PATH: chromium },
    },
  );
  console.log(`${project} tests took ${Math.round((Date.now() - started) / 1000)} s`);
  if (!fs.existsSync(report)) {
    console.error(`${project}: vitest produced no report (exit ${run.status})`);
    totals.failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  for (const file of result.testResults) {
    for (const test of file.assertionResults) {
      if (test.status !== 'passed' && test.status !== 'failed')
        skippedTests.push(`${path.relative(ROOT, file.name)} › ${test.fullName}`);
    }
  }
  // A file that failed to load has no failed tests of its own but must still fail the run.
  if (run.status !== 0 && result.numFailedTests === 0) totals.failed += Math.max(1, result.numFailedTestSuites);
}

if (skippedTests.length) {
  // The reason is in the name (e.g. "needs PostgreSQL: DATABASE_URL is unset", see test/support/postgres.ts).
  step(`skipped on ${target}`);
  for (const name of skippedTests) console.log(`  - ${name}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
