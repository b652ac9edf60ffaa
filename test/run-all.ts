/**
 * `npm test`: the whole suite — type check, unit tests, API integration tests (on PGlite, or on
 * PostgreSQL when DATABASE_URL is set) and browser tests in Chromium — ending with one line
 * `N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from '../src/cli/build-web';

interface VitestJson { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number; success: boolean }

const totals = { passed: 0, failed: 0, skipped: 0 };
const target = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(title: string) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
}

step('type check (tsc --noEmit)');
const tsc = spawnSync(npx, ['tsc', '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
if (tsc.status === 0) totals.passed += 1;
else totals.failed += 1;

await ensureWebBuilt();

for (const project of ['unit', 'int', 'e2e']) {
  step(`${project} tests${project === 'unit' ? '' : ` on ${target}`}`);
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-')), `${project}.json`);
  const run = spawnSync(npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', DAFTAR_WEB_DIST: path.join(ROOT, 'dist/web') },
  });
  if (!fs.existsSync(report)) {
    console.error(`${project}: vitest produced no report (exit ${run.status})`);
    totals.failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  // A file that failed to load has no failed tests of its own but must still fail the run.
  if (run.status !== 0 && result.numFailedTests === 0) totals.failed += Math.max(1, result.numFailedTestSuites);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
