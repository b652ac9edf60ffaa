/**
 * Chromium for the browser tests: Debian's build (playwright cannot download its own here),
 * screenshots under test-results/screenshots, and an axe-core check on every page visited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumMissingLine, findChromium, findPageBrowser } from '../../test/support/chromium';

const require = createRequire(import.meta.url);
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** The whole browser for Chromium's PDF viewer, else the one that drives pages (the headless shell when there is one). */
function chromiumPath(options: LaunchOptions): string {
  const found = options.pdfViewer ? findChromium() : findPageBrowser();
  if (!found) throw new Error(chromiumMissingLine());
  return found;
}

/** What a spec holds of a browser: contexts it opens, and `close()`, which closes them (and the browser when it is the spec's own). */
export interface BrowserLease {
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
  /** Kills the browser's process outright, as a crash or a pulled plug would (a spec's own browser only). */
  kill(): Promise<void>;
}

/** What a spec may ask of its browser. */
interface LaunchOptions {
  /** A synthetic camera and microphone, allowed without asking; the browser is then the spec's own. */
  fakeMedia?: boolean;
  /** The synthetic camera's frames a second (Chromium's default is 20): fewer let more browsers share the cores. */
  fakeCameraFps?: number;
  /** WebRTC may use the loopback interface (a media server on 127.0.0.1, e2e/support/janus.ts). */
  loopbackMedia?: boolean;
  /** Chromium's PDF viewer, which only the whole browser has (not its headless shell); the browser is then the spec's own. */
  pdfViewer?: boolean;
}

/** playwright-core 1.65.1's own list (chromiumSwitches.ts): a second `--disable-features` replaces the first. */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
/**
 * Chromium's own address-bar pop-ups: each browser context opens a window whose omnibox pop-ups
 * (a WebUI page each, in renderers of their own) load at once, whether or not anybody types in the
 * address bar — about 0.9 CPU-s a context, measured, on every person of every story (decision 0056).
 */
const DISABLED_FEATURES = [
  ...PLAYWRIGHT_DISABLED_FEATURES,
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'PreloadTopChromeWebUI',
];

/**
 * A second of a 440 Hz tone as 16-bit mono PCM, for the synthetic microphone to loop: Chromium's
 * own fake microphone only beeps when its fake camera's frames tell it to, which a busy machine
 * delayed past the self-test's ten seconds, so the meter heard nothing.
 */
function toneFile(): string {
  const file = path.join(os.tmpdir(), 'daftar-fake-microphone-440hz.wav');
  if (fs.existsSync(file)) return file;
  const rate = 16_000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 16_000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // the format chunk's size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes a second
  header.writeUInt16LE(2, 32); // bytes a frame
  header.writeUInt16LE(16, 34); // bits a sample
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.concat([header, samples]));
  fs.renameSync(partial, file);
  return file;
}

function launch(options: LaunchOptions): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(options),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ...(options.fakeMedia
        ? [
            options.fakeCameraFps
              ? `--use-fake-device-for-media-stream=fps=${options.fakeCameraFps}`
              : '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-audio-capture=${toneFile()}`,
          ]
        : []),
      ...(options.loopbackMedia ? ['--allow-loopback-in-peer-connection'] : []),
    ],
  });
}

/**
 * One Chromium per test process, shared by the spec files it runs one after another (vitest.config.ts:
 * `isolate: false`): starting a browser costs more than most steps. People never share a context, so
 * their cookies and storage never mix. A browser that died is started again.
 */
let shared: Promise<Browser> | undefined;

async function sharedBrowser(): Promise<Browser> {
  const current = shared ? await shared.catch(() => undefined) : undefined;
  if (current?.isConnected()) return current;
  shared = launch({});
  return shared;
}

/** What a page did lately, for the report of a failed test (support/failure-report.ts). */
interface WatchedPage {
  page: Page;
  /**
   * The last few addresses gone to, script errors, the warnings and errors it logged, failed
   * requests and answers of 400 or more, oldest first.
   */
  events: string[];
}
const watched = new Set<WatchedPage>();
const KEPT_EVENTS = 12;

function watchPage(page: Page): void {
  const entry: WatchedPage = { page, events: [] };
  const note = (line: string) => {
    entry.events.push(`${new Date().toISOString()} ${line}`);
    if (entry.events.length > KEPT_EVENTS) entry.events.shift();
  };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(`went to ${frame.url()}`);
  });
  page.on('pageerror', (error) => note(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') note(`${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) note(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    note(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('close', () => watched.delete(entry));
  watched.add(entry);
}

/** The pages open in the browsers of this process, with what each did lately. */
export function openPages(): WatchedPage[] {
  return [...watched].filter((entry) => !entry.page.isClosed());
}

/**
 * A browser for one spec. `fakeMedia`: a synthetic camera and microphone, allowed without asking (the
 * hearing room's tests); such a browser is the spec's own, since each person needs their own devices.
 * `pdfViewer`: the whole Chromium, whose PDF viewer the headless shell lacks, also the spec's own.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserLease> {
  const own = Boolean(options.fakeMedia || options.pdfViewer);
  const browser = own ? await launch(options) : await sharedBrowser();
  const contexts: BrowserContext[] = [];
  return {
    async newContext(contextOptions) {
      const context = await browser.newContext(contextOptions);
      contexts.push(context);
      context.on('page', watchPage);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      if (own) await browser.close();
    },
    async kill() {
      if (!own) throw new Error('only a spec’s own browser may be killed');
      const cdp = await browser.newBrowserCDPSession();
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      if (!processInfo.some((p) => p.type === 'browser')) throw new Error('the browser process was not found');
      const gone = new Promise((resolve) => browser.once('disconnected', resolve));
      // Every process of it at once, as a pulled plug: a network process left to notice its parent's
      // end by itself kept the page's sockets open for a while on a loaded machine.
      for (const { id } of processInfo) {
        try {
          process.kill(id, 'SIGKILL');
        } catch {
          // Already gone with its parent.
        }
      }
      await gone;
    },
  };
}

/**
 * `npm test -- --skip-page-checks` (test/run-all.ts) leaves out the steps' screenshots and
 * accessibility checks while every step still runs: CI's second database draws the same pages from
 * the same demo data, and the first suite already checked and photographed each of them.
 */
export const pageChecks = process.env.DAFTAR_PAGE_CHECKS !== 'skip';

/** A full-page screenshot under test-results/screenshots (none when page checks are left out); its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (!pageChecks) return file;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the sticky header over the middle of it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits for the page's finite animations and transitions (a modal fading out, an alert fading in) to
 * end: halfway through a fade, text is measured against a blend of colours and fails the contrast
 * check only because the machine was slow that moment. Spinners run forever and are not waited for.
 */
async function settleTransitions(page: Page): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await page.evaluate(async () => {
      const finite = document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY);
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    });
  }
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await settleTransitions(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Runs axe-core on the page; returns the serious and critical violations (the ones that fail a test). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: a script tag would be (rightly) refused by the Content-Security-Policy.
  await page.evaluate(axeSource);
  const violations = await runAxe(page);
  // A toast that arrived after the page settled is measured halfway through its fade-in, against a
  // blend of colours: a contrast failure is checked once more, and only one that stays counts.
  if (!violations.some((v) => v.id === 'color-contrast')) return violations;
  return runAxe(page);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
    .join('\n');
}
