/**
 * HTML → PDF through Chromium's print (playwright-core driving Debian's chromium). pdfkit and
 * similar libraries do not shape Persian or apply the bidi algorithm; the browser does both.
 * Chromium is found at CHROMIUM_PATH, else Debian's headless shell or browser; without it,
 * `pdfAvailable()` is false and the caller answers 503 `pdf_unavailable` pointing at the HTML
 * view. Used for payment receipts (A5) and the simulator's board report (A4).
 *
 * One browser stays warm for the process: starting Chromium takes seconds, printing a receipt in
 * a running one a fraction of a second. The first print starts it and opens the one page documents
 * are printed in (its own context, fetching nothing; each document replaces the last). A
 * browser or page that dies is started again on the next print; one left idle for `IDLE_MS` is closed to give its memory back;
 * `closePdfPrinter()` closes it when the server stops.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';

function chromiumPath(): string | null {
  // An explicit CHROMIUM_PATH is the only one tried (set it to nothing usable to turn PDFs off).
  // Otherwise Debian's headless shell first: the same engine without the browser's own windows,
  // lighter to keep warm and quicker to print; then the whole browser.
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export function pdfAvailable(): boolean {
  return chromiumPath() != null;
}

export interface PrintOptions {
  /** Paper size when the page sets none with `@page`. */
  format?: 'A4' | 'A5';
}

/** The flags Chromium needs here (root, no GPU, nothing fetched in the background). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** A warm browser left unused this long is closed; the next print starts another. */
const IDLE_MS = 10 * 60_000;

let browser: Promise<Browser> | null = null;
let pageReady: Promise<Page> | null = null;
/** The browser once started, to tell whether a disconnect is of the one in use. */
let current: Browser | null = null;
let idleTimer: NodeJS.Timeout | null = null;

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium');
  const { chromium } = await import('playwright-core');
  const launched = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  launched.on('disconnected', () => {
    if (current === launched) {
      browser = null;
      pageReady = null;
      current = null;
    }
  });
  current = launched;
  return launched;
}

function warmBrowser(): Promise<Browser> {
  if (!browser) {
    browser = launch();
    // A failed start is not kept: the next print tries again.
    browser.catch(() => {
      browser = null;
    });
  }
  return browser;
}

/** The page documents are printed in, opened once in its own context. */
function warmPage(): Promise<Page> {
  if (!pageReady) {
    pageReady = (async () => {
      const context = await (await warmBrowser()).newContext();
      const page = await context.newPage();
      // The documents have no external resources (fonts are embedded, charts are inline SVG): nothing is fetched.
      await page.route('**/*', (route) =>
        /^(data|about):/.test(route.request().url()) ? route.continue() : route.abort(),
      );
      page.on('close', () => {
        if (pageReady === ready) pageReady = null;
      });
      return page;
    })();
    const ready = pageReady;
    ready.catch(() => {
      if (pageReady === ready) pageReady = null;
    });
  }
  return pageReady;
}

function closeWhenIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closePdfPrinter(), IDLE_MS);
  idleTimer.unref();
}

// One print at a time per process: Chromium is heavy, and documents are printed one by one anyway.
let queue: Promise<unknown> = Promise.resolve();

export async function htmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const run = queue.then(() => printOnce(html, options.format ?? 'A4'));
  queue = run.catch(() => undefined);
  return run;
}

async function printOnce(html: string, format: 'A4' | 'A5'): Promise<Buffer> {
  if (idleTimer) clearTimeout(idleTimer);
  try {
    const page = await warmPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
    } catch (error) {
      // A page that failed is not reused: the next print opens another.
      pageReady = null;
      await page.close().catch(() => undefined);
      throw error;
    }
  } finally {
    closeWhenIdle();
  }
}

/** Closes the warm browser (on shutdown, so the process can end); the next print starts another. */
export async function closePdfPrinter(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const closing = browser;
  browser = null;
  pageReady = null;
  current = null;
  const running = await closing?.catch(() => null);
  await running?.close().catch(() => undefined);
}
