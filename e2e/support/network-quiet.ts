/**
 * "The page has finished loading what it shows", as Playwright's `networkidle` meant it — no
 * request started or ended for half a second and none awaited — except that a request left
 * without an end for five seconds no longer holds the page: Chromium 156 never reports the end of
 * the second load of MapLibre's worker script, so `networkidle` never came on a page with a map.
 */
import type { Page, Request } from 'playwright-core';
import { expect } from 'vitest';

const QUIET_MS = 500;
const ABANDONED_MS = 5_000;

const watched = new WeakMap<Page, ReturnType<typeof watch>>();

/**
 * The page's requests, followed from the first call on (call it before the navigation to wait
 * for); `quiet()` waits for the next quiet moment after the page's load.
 */
export function networkOf(page: Page) {
  let network = watched.get(page);
  if (!network) {
    network = watch(page);
    watched.set(page, network);
  }
  return network;
}

function watch(page: Page) {
  const open = new Map<Request, number>();
  let lastEvent = Date.now();
  page.on('request', (request) => {
    open.set(request, Date.now());
    lastEvent = Date.now();
  });
  const ended = (request: Request) => {
    open.delete(request);
    lastEvent = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async quiet(timeout = 30_000) {
      await page.waitForLoadState('load');
      await expect
        .poll(
          () => {
            const now = Date.now();
            const awaited = [...open].filter(([, since]) => now - since < ABANDONED_MS).map(([r]) => r.url());
            return awaited.length === 0 && now - lastEvent >= QUIET_MS ? 'quiet' : `awaiting ${awaited.join(', ')}`;
          },
          { timeout, interval: 100, message: 'the page finishes loading' },
        )
        .toBe('quiet');
    },
  };
}
