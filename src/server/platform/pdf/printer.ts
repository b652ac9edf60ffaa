/**
 * HTML → PDF through Chromium's print (playwright-core driving Debian's chromium). pdfkit and
 * similar libraries do not shape Persian or apply the bidi algorithm; the browser does both.
 * Chromium is found at CHROMIUM_PATH or /usr/bin/chromium; without it, `pdfAvailable()` is false
 * and the caller answers 503 `pdf_unavailable` pointing at the HTML view. Used for payment
 * receipts (A5) and the simulator's board report (A4).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function chromiumPath(): string | null {
  // An explicit CHROMIUM_PATH is the only one tried (set it to nothing usable to turn PDFs off).
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export function pdfAvailable(): boolean {
  return chromiumPath() != null;
}

export interface PrintOptions {
  /** Paper size when the page sets none with `@page`. */
  format?: 'A4' | 'A5';
}

// One print at a time per process: Chromium is heavy, and documents are printed one by one anyway.
let queue: Promise<unknown> = Promise.resolve();

export async function htmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const run = queue.then(() => printOnce(html, options.format ?? 'A4'));
  queue = run.catch(() => undefined);
  return run;
}

async function printOnce(html: string, format: 'A4' | 'A5'): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium');
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-pdf-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const page = await context.newPage();
    // The page has no external resources (fonts are embedded, charts are inline SVG): nothing is fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
