/** Builds the web UI into dist/web when it is missing or older than its sources. */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST_INDEX = path.join(ROOT, 'dist/web/index.html');
const INPUTS = ['src/web', 'src/core', 'index.html', 'vite.config.ts'].map((p) => path.join(ROOT, p));

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(DIST_INDEX)) return true;
  const built = fs.statSync(DIST_INDEX).mtimeMs;
  return INPUTS.some((input) => newestMtime(input) > built);
}

export async function ensureWebBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (process.env.DAFTAR_SKIP_WEB_BUILD === '1' || !webBuildIsStale()) return;
  log('Daftar: building the web UI (first start, or its sources changed) …');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the build; the server started after it must not inherit that.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
