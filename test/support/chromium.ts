/**
 * Where the browser tests find Chromium: CHROMIUM_PATH, then Debian's `chromium` package
 * (/usr/bin/chromium), then two other usual places. `npm test` installs Debian's package itself
 * when it can (root with apt-get, as on CI) and otherwise stops with the one command to run.
 *
 * Pages are driven in Debian's `chromium-headless-shell` when it is there and CHROMIUM_PATH names
 * no other: the same Blink and V8 without the browser's windows, up to a quarter less CPU for the
 * same pages (decision 0085). Only Chromium's PDF viewer needs the whole browser.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const OTHER_PLACES = ['/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive, or null. A CHROMIUM_PATH that names no file counts as none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return [DEBIAN_CHROMIUM, ...OTHER_PLACES].find((p) => fs.existsSync(p)) ?? null;
}

const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** The Chromium that drives pages: the headless shell when present and CHROMIUM_PATH chose nothing else, else `findChromium`'s. */
export function findPageBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.CHROMIUM_PATH && fs.existsSync(DEBIAN_HEADLESS_SHELL)) return DEBIAN_HEADLESS_SHELL;
  return findChromium(env);
}

const APT_GET = '/usr/bin/apt-get';

/** The one line telling someone without Chromium what to run. */
export function chromiumMissingLine(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH)
    return `The browser tests need Chromium, and CHROMIUM_PATH=${env.CHROMIUM_PATH} is not a file: point it at a Chromium or Chrome binary and run npm test again.`;
  if (fs.existsSync(APT_GET))
    return "The browser tests need Chromium: run `sudo apt-get install -y chromium` (Debian's package), then npm test again.";
  return 'The browser tests need Chromium: run `CHROMIUM_PATH=/path/to/chromium npm test` with the path of a Chromium or Chrome binary.';
}

/**
 * Chromium's path, installing Debian's packages first (the browser and its headless shell) when it
 * is missing and we may (root, apt-get, no CHROMIUM_PATH pointing elsewhere); null when it is still
 * missing.
 */
export function ensureChromium(log: (line: string) => void = console.log): string | null {
  const found = findChromium();
  if (found || process.env.CHROMIUM_PATH) return found;
  if (process.getuid?.() !== 0 || !fs.existsSync(APT_GET)) return null;
  log(
    "Chromium is missing: installing Debian's chromium packages (apt-get update && apt-get install -y chromium chromium-headless-shell) …",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync(APT_GET, ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status === 0)
    spawnSync(APT_GET, ['install', '-y', '-qq', 'chromium', 'chromium-headless-shell'], { stdio: 'inherit', env });
  return findChromium();
}
