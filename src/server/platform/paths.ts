/**
 * Where the project's own files are (migrations, shipped data), found the same way whether this
 * code runs from `src/` through tsx or bundled into `dist/server/`: the nearest folder above this
 * module that holds a `package.json`. Paths relative to `import.meta.url` would differ between the
 * two, because the bundle is one file at another depth.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('db/migrations')`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
