// Build stamps. Each built output (dist/web, dist/server) records when its build started, the inputs
// it was built from and the files it must contain; it is stale when an output is missing or an input
// is missing or changed after that moment. Plain JavaScript, so `npm start` can decide in a few
// milliseconds, before loading any TypeScript tooling, whether there is anything to build.
import fs from 'node:fs';
import path from 'node:path';

/** The project folder (this file is in bin/). */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_STAMP = 'dist/web-build.json';
export const SERVER_STAMP = 'dist/server-build.json';

/** Newest modification time of a file, or of the files below a folder; 0 when it does not exist. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** @param {string} stampFile project-relative, e.g. WEB_STAMP */
export function isStale(stampFile) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(ROOT, stampFile), 'utf8'));
  } catch {
    return true;
  }
  if (stamp.outputs.some((output) => !fs.existsSync(path.join(ROOT, output)))) return true;
  return stamp.inputs.some((input) => {
    const mtime = newestMtime(path.join(ROOT, input));
    return mtime === 0 || mtime > stamp.startedAt;
  });
}

/**
 * @param {string} stampFile project-relative
 * @param {{ startedAt: number, inputs: string[], outputs: string[] }} stamp paths project-relative;
 *   `startedAt` is taken before the build reads its first input, so an edit made during the build
 *   still counts as newer.
 */
export function writeStamp(stampFile, stamp) {
  fs.writeFileSync(path.join(ROOT, stampFile), `${JSON.stringify(stamp, null, 1)}\n`);
}
