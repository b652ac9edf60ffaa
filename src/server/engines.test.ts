/**
 * Daftar runs on Node 20 and 22 (package.json `engines`). npm installs a package whose own
 * `engines` excludes the running Node with only an EBADENGINE warning, and the first sign of it is
 * then a crash at run time; so every package the lock file installs must accept the oldest Node
 * Daftar supports. Several packages' newest releases need Node 22: they are held back by exact
 * pins or `overrides` (docs/decisions/0023-node-20-dependency-pins.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  overrides?: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The oldest Node Daftar's own `engines` range admits, and the one running these tests. */
const nodes = [semver.minVersion(manifest.engines.node)!.version, process.versions.node];

function nodeRangeOf(entry: { engines?: { node?: string } | string[] }): string | null {
  // Some old packages write `engines` as an array of strings ("node >= 0.4"); npm ignores those.
  return entry.engines && !Array.isArray(entry.engines) && entry.engines.node ? entry.engines.node : null;
}

describe('the installed packages run on the Node versions Daftar supports', () => {
  it('the oldest supported Node is 20.19', () => {
    expect(nodes[0]).toBe('20.19.0');
  });

  it('no package in package-lock.json declares an engines range that excludes them (npm install prints no EBADENGINE)', () => {
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (!where) continue; // the project itself
      const range = nodeRangeOf(entry);
      if (!range) continue;
      for (const node of nodes) {
        if (!semver.satisfies(node, range))
          refused.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}, not ${node}`);
      }
    }
    expect([...new Set(refused)]).toEqual([]);
  });

  it("the plugins' transitive packages are held at releases for Node 20, and exactly", () => {
    for (const [name, version] of Object.entries(manifest.overrides ?? {}))
      expect(semver.valid(version), `${name}@${version}`).toBe(version);
    const installed = (name: string) =>
      Object.entries(lock.packages)
        .filter(([where]) => where.endsWith(`node_modules/${name}`))
        .map(([, e]) => e.version);
    expect(new Set(installed('cookie'))).toEqual(new Set([manifest.overrides?.cookie]));
    expect(new Set(installed('content-disposition'))).toEqual(new Set([manifest.overrides?.['content-disposition']]));
  });
});
