/** The project's own source files among the module paths a bundler reports, as project-relative paths. */
import path from 'node:path';
import { ROOT } from '../../bin/build-stamp.js';

export function sourceInputs(modulePaths: Iterable<string>): string[] {
  const inputs = new Set<string>();
  for (const id of modulePaths) {
    // Bundlers add queries (`?url`) and virtual modules (`\0…`); dependencies are covered by package.json.
    const file = path.resolve(ROOT, id.replace(/[?#].*$/, ''));
    if (id.startsWith('\0') || !file.startsWith(ROOT + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`))
      continue;
    inputs.add(path.relative(ROOT, file).split(path.sep).join('/'));
  }
  return [...inputs].sort();
}
