/**
 * `npm test`: the whole suite — type check, unit tests, API integration tests (on PGlite, or on
 * PostgreSQL when DATABASE_URL is set) and browser tests in Chromium — ending with one line
 * `N passed, N failed[, N skipped]`. Exits non-zero when anything failed.
 *
 * It sets itself up: it builds the web UI when stale, and finds Chromium (CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium) — installing Debian's packages (with the headless shell the pages are
 * driven in) when it is missing and it runs as root with apt-get, else stopping at once with the
 * one command to run.
 *
 * `--skip-typecheck` leaves out `tsc --noEmit`, `--skip-unit` the unit tier, which touches no
 * database, and `--skip-page-checks` the browser steps' screenshots and accessibility checks (the
 * steps still run), which draw the same pages from the same demo data on either database: .ci/run
 * does all three once, with the PGlite suite, and leaves them out of the PostgreSQL one.
 * `--skip-int` leaves out the integration tier (to time the browser tier alone), and
 * `--spec-timings <file>` writes the seconds each browser spec took (see e2e/spec-timings.json).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from '../src/cli/build-web';
import { chromiumMissingLine, ensureChromium } from './support/chromium';
import { buildTemplate, SHARED_TEMPLATE } from './global-setup';

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
  testResults: { name: string; startTime: number; endTime: number; assertionResults: AssertionResult[] }[];
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTests: string[] = [];
const target = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const skipTypecheck = process.argv.includes('--skip-typecheck');
const skipUnit = process.argv.includes('--skip-unit');
const skipPageChecks = process.argv.includes('--skip-page-checks');
const skipInt = process.argv.includes('--skip-int');
const timingsArg = process.argv.indexOf('--spec-timings');
const timingsFile = timingsArg >= 0 ? process.argv[timingsArg + 1] : undefined;
const specSeconds: Record<string, number> = {};

function step(title: string) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
}

// The tiers find the same Chromium themselves (test/support/chromium.ts): pages in the headless shell
// when there is one, Chromium's PDF viewer in the whole browser.
if (!ensureChromium()) {
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

/**
 * The tiers run side by side, each in its own vitest process: the integration tier keeps one core
 * busy with its worker's databases and the browser tier the other with its server and Chromium, so
 * the suite takes about as long as its longest tier. The seeded template every integration and
 * browser test clones is built once, here, while the unit tests run. Each tier's output goes to a
 * file and is printed whole when the tier ends, so it reads as if run alone.
 *
 * BROWSER_PROCESSES splits the browser tier's spec files between that many processes. A browser
 * spec mostly waits (for a page to load and settle, for the server): alone on an idle machine one
 * process keeps about half a core busy, so two share the cores with the integration tier instead
 * of leaving them idle. The integration tier's files share their worker's modules
 * (vitest.config.ts), which took it from the heaviest tier to a light one.
 */
const BROWSER_PROCESSES = 2;
const BROWSER_TIERS = Array.from({ length: BROWSER_PROCESSES }, (_, i) => `e2e-${i + 1}`);
const MEDIA_TIER = 'e2e-media';
const failedTests: string[] = [];
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-'));

interface TierRun {
  status: number | null;
  report: string;
  log: string;
  seconds: number;
}

/**
 * The seconds each browser spec took in a measured run (`npm test -- --spec-timings
 * e2e/spec-timings.json` writes them): the processes are balanced by what the specs cost, which
 * their size told badly (a short spec with a video call or a PDF outlasts a long form).
 */
const SPEC_TIMINGS = path.join(ROOT, 'e2e/spec-timings.json');

function measuredSeconds(): Record<string, number> {
  if (!fs.existsSync(SPEC_TIMINGS)) return {};
  return JSON.parse(fs.readFileSync(SPEC_TIMINGS, 'utf8')) as Record<string, number>;
}

/**
 * Specs that each run several Chromiums with synthetic cameras (the hearing room's video calls, up
 * to six browsers each encoding and decoding streams, and the video consultation's call): beside
 * the other tiers on two cores their pages stopped answering and their streams stalled, though
 * each passes alone. They run after the other tiers have ended, one after another, with the
 * machine to themselves.
 */
const isMediaSpec = (file: string) =>
  file.startsWith(path.join('e2e', 'hearings') + path.sep) || file.endsWith('-call.spec.ts');

/** The browser spec files, e2e/… */
const specFiles = fs
  .readdirSync(path.join(ROOT, 'e2e'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.spec.ts'))
  .map((file) => path.join('e2e', file))
  .sort();
const mediaSpecs = specFiles.filter(isMediaSpec);

/** The integration tier's files (vitest.config.ts: `*.int.test.ts` under src/ and test/), largest first. */
const intFiles = ['src', 'test']
  .flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.int.test.ts'))
      .map((file) => path.join(dir, file)),
  )
  .map((file) => ({ file, bytes: fs.statSync(path.join(ROOT, file)).size }))
  .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))
  .map(({ file }) => file);

/**
 * The other browser spec files split into groups of about equal time, the longest placed first,
 * each on the group with the least so far. A spec not yet measured (a new one) is estimated from
 * its size at the measured specs' median seconds per byte, plus what starting its own server costs.
 */
function browserGroups(count: number): string[][] {
  const measured = measuredSeconds();
  const files = specFiles
    .filter((file) => !mediaSpecs.includes(file))
    .map((file) => ({ file, bytes: fs.statSync(path.join(ROOT, file)).size + 4_000 }));
  const rates = files
    .filter(({ file }) => measured[file] !== undefined)
    .map(({ file, bytes }) => measured[file] / bytes)
    .sort((a, b) => a - b);
  const secondsPerByte = rates.length ? rates[Math.floor(rates.length / 2)] : 1;
  const weighed = files
    .map(({ file, bytes }) => ({ file, weight: measured[file] ?? bytes * secondsPerByte }))
    .sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file));
  const groups = Array.from({ length: count }, () => ({ files: [] as string[], weight: 0 }));
  for (const { file, weight } of weighed) {
    const lightest = groups.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.files.push(file);
    lightest.weight += weight;
  }
  return groups.map((group) => group.files);
}
const groups = browserGroups(BROWSER_PROCESSES);

/** One vitest process: `tier` names its log and report, `project` is vitest's, `files` its files (all when none). */
function runTier(tier: string, project: string, files: string[], env: NodeJS.ProcessEnv = {}): Promise<TierRun> {
  const started = Date.now();
  const report = path.join(logDir, `${tier}.json`);
  const log = path.join(logDir, `${tier}.log`);
  const out = fs.openSync(log, 'w');
  const child = spawn(
    npx,
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...files,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'test',
        DAFTAR_WEB_DIST: path.join(ROOT, 'dist/web'),
        ...(skipPageChecks ? { DAFTAR_PAGE_CHECKS: 'skip' } : {}),
      },
    },
  );
  return new Promise((resolve) => {
    child.on('close', (status) => {
      fs.closeSync(out);
      resolve({ status, report, log, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

step(`unit, integration and browser tests side by side on ${target}`);
const unit = skipUnit ? [] : [{ tier: 'unit', title: 'unit tests', run: runTier('unit', 'unit', []) }];
const template = await buildTemplate();
const shared = { [SHARED_TEMPLATE]: JSON.stringify({ dump: template.dump, database: template.database }) };
const browsers = BROWSER_TIERS.map((tier, i) => ({
  tier,
  title: `browser tests (${i + 1} of ${BROWSER_PROCESSES}) on ${target}`,
  run: runTier(tier, 'e2e', groups[i], shared),
}));

/**
 * The integration tier in parts, each a vitest process of its own taking the next files of the
 * queue: one part at a time from the start, beside the browser processes; once the first of those
 * ends, a second line of parts, so the tier's last minutes no longer run on one core while the
 * other waits. (Two workers in one process from the start slowed the browser processes beside it
 * more than they gained; decision 0078.) Each part takes a third of the files left, at least four:
 * large parts while one line runs, small ones at the end, where the two lines should finish together.
 */
const intQueue = skipInt ? [] : [...intFiles];
const intParts: { tier: string; title: string; run: Promise<TierRun> }[] = [];
async function intLine(): Promise<void> {
  while (intQueue.length) {
    const files = intQueue.splice(0, Math.max(4, Math.ceil(intQueue.length / 3)));
    const part = intParts.length + 1;
    const run = runTier(`int-${part}`, 'int', files, shared);
    intParts.push({
      tier: `int-${part}`,
      title: `integration tests (part ${part}, ${files.length} files) on ${target}`,
      run,
    });
    await run;
  }
}
const intDone = Promise.all([intLine(), Promise.race(browsers.map((b) => b.run)).then(intLine)]);
const media = Promise.all([intDone, ...browsers.map((b) => b.run)]).then(() => ({
  tier: MEDIA_TIER,
  title: `browser tests of the video calls (alone, after the others) on ${target}`,
  run: runTier(MEDIA_TIER, 'e2e', mediaSpecs, shared),
}));

await intDone;
for (const { tier, title, run } of [...unit, ...intParts, ...browsers, await media]) {
  const { status, report, log, seconds } = await run;
  step(title);
  process.stdout.write(fs.readFileSync(log, 'utf8'));
  console.log(`${title} took ${seconds} s`);
  if (!fs.existsSync(report)) {
    console.error(`${tier}: vitest produced no report (exit ${status})`);
    totals.failed += 1;
    failedTests.push(`${tier}: vitest produced no report (exit ${status})`);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  for (const file of result.testResults) {
    if (tier.startsWith('e2e-'))
      specSeconds[path.relative(ROOT, file.name)] = Math.round((file.endTime - file.startTime) / 100) / 10;
    for (const test of file.assertionResults) {
      const name = `${path.relative(ROOT, file.name)} › ${test.fullName}`;
      if (test.status === 'failed') failedTests.push(name);
      else if (test.status !== 'passed') skippedTests.push(name);
    }
  }
  // A file that failed to load has no failed tests of its own but must still fail the run.
  if (status !== 0 && result.numFailedTests === 0) {
    totals.failed += Math.max(1, result.numFailedTestSuites);
    failedTests.push(`${tier}: a test file failed to load (exit ${status})`);
  }
}
fs.rmSync(logDir, { recursive: true, force: true });
if (timingsFile) {
  const sorted = Object.fromEntries(Object.entries(specSeconds).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(timingsFile, `${JSON.stringify(sorted, null, 2)}\n`);
}
await template.dispose();

if (skippedTests.length) {
  // The reason is in the name (e.g. "needs PostgreSQL: DATABASE_URL is unset", see test/support/postgres.ts).
  step(`skipped on ${target}`);
  for (const name of skippedTests) console.log(`  - ${name}`);
}
if (failedTests.length) {
  // Repeated at the end, where a CI log's tail shows them.
  step(`failed on ${target}`);
  for (const name of failedTests) console.log(`FAILED ${name}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
