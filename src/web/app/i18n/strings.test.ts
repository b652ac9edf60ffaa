/**
 * Strings load with the pages that use them: the shell's (src/web/app/i18n) with the app, an
 * area's (`features/<area>/i18n`) with the area's pages. These tests read the sources: for the
 * entry and for every lazy page, they follow the static imports (never `import()`, which loads
 * later), gather the string bundles those imports register, and check that every key the reached
 * code asks for exists in them, in Persian and in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../..');
const ROOT = path.resolve(WEB, '../..');

type Messages = { [key: string]: string | Messages };

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('#web/')) base = path.join(WEB, spec.slice('#web/'.length));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null; // a package, or #core / #server (no strings there)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${spec}`);
}

/** Static imports only: `import … from '…'`, `import '…'`, `export … from '…'` (type-only ones skipped). */
function staticImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specs = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
  return specs.map((spec) => resolveImport(file, spec)).filter((f): f is string => f !== null);
}

/** Every module a root loads before it runs, the root included. */
function reached(root: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (/\.(tsx?)$/.test(file)) for (const next of staticImports(file)) visit(next);
  };
  visit(root);
  return [...seen];
}

function deepMerge(target: Messages, source: Messages): Messages {
  const merged: Messages = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = merged[key];
    merged[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge(existing, value) : value;
  }
  return merged;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;

/** The strings available once `files` have run: the shell's, plus every bundle imported among them. */
function stringsFor(files: string[], lang: 'fa' | 'en'): Messages {
  const shell = readJson(path.join(WEB, 'app/i18n', `${lang}.json`));
  return files
    .filter((f) => f.endsWith(`${path.sep}${lang}.json`))
    .reduce((merged, f) => deepMerge(merged, readJson(f)), shell);
}

interface KeyUse {
  key: string;
  prefix: boolean;
  file: string;
}

/** `t('a.b')`, `t(\`a.${x}\`)` (its fixed prefix) and `i18nKey="a.b"` in a source file. */
function keysUsed(file: string): KeyUse[] {
  const source = fs.readFileSync(file, 'utf8');
  const uses: KeyUse[] = [];
  for (const m of source.matchAll(/(?<![\w$])t\(\s*(['"`])([^'"`]*?)(\$\{|\1)/g)) {
    if (m[3] === '${') {
      const fixed = m[2].slice(0, m[2].lastIndexOf('.'));
      if (fixed) uses.push({ key: fixed, prefix: true, file });
    } else uses.push({ key: m[2], prefix: false, file });
  }
  for (const m of source.matchAll(/i18nKey=["']([^"']+)["']/g)) uses.push({ key: m[1], prefix: false, file });
  return uses;
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  return key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages,
    );
}

function has(messages: Messages, use: KeyUse): boolean {
  const found = lookup(messages, use.key);
  if (use.prefix) return typeof found === 'object';
  if (typeof found === 'string') return true;
  // i18next plurals: t('x.count', { count }) reads x.count_one / x.count_other.
  return ['_one', '_other', '_zero'].some((suffix) => typeof lookup(messages, use.key + suffix) === 'string');
}

/** The lazy page modules, as the features' routes.ts files import them. */
function pageModules(): string[] {
  const features = path.join(WEB, 'features');
  return fs
    .readdirSync(features)
    .map((feature) => path.join(features, feature, 'routes.ts'))
    .filter((file) => fs.existsSync(file))
    .flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/import\('([^']+)'\)/g)].map((m) => resolveImport(file, m[1])!),
    );
}

function missingKeys(root: string): string[] {
  const files = reached(root);
  const missing: string[] = [];
  for (const lang of ['fa', 'en'] as const) {
    const strings = stringsFor(files, lang);
    for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
      for (const use of keysUsed(file)) {
        if (!has(strings, use))
          missing.push(`${lang}: ${use.key}${use.prefix ? '.*' : ''} (${path.relative(ROOT, use.file)})`);
      }
    }
  }
  return [...new Set(missing)];
}

describe('strings load with the pages that use them', () => {
  it('the features name every page module the router loads', () => {
    expect(pageModules().length).toBeGreaterThan(40);
  });

  it('the shell (entry, layouts, guards) uses only the strings loaded with the app', () => {
    expect(missingKeys(path.join(WEB, 'main.tsx'))).toEqual([]);
  });

  it('the signed-in shell uses only the strings loaded with the app', () => {
    expect(missingKeys(path.join(WEB, 'app/layout/AppLayout.tsx'))).toEqual([]);
  });

  for (const page of pageModules()) {
    it(`every key ${path.relative(WEB, page)} uses is in the strings it loads`, () => {
      expect(missingKeys(page)).toEqual([]);
    });
  }

  it('no area bundle is loaded with the app itself', () => {
    const areaBundles = reached(path.join(WEB, 'main.tsx')).filter(
      (f) => f.includes(`${path.sep}features${path.sep}`) && f.endsWith('.json'),
    );
    expect(areaBundles).toEqual([]);
  });

  it("each bundle has the same keys in Persian and English and replaces none of the shell's", () => {
    const leaves = (m: Messages, prefix = ''): string[] =>
      Object.entries(m).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
    const shellLeaves = new Set(leaves(readJson(path.join(WEB, 'app/i18n/fa.json'))));
    const areaDirs = fs.readdirSync(path.join(WEB, 'features')).map((area) => path.join(WEB, 'features', area, 'i18n'));
    for (const dir of [...areaDirs, path.join(WEB, 'ui/i18n')].filter((d) => fs.existsSync(path.join(d, 'fa.json')))) {
      const fa = readJson(path.join(dir, 'fa.json'));
      const en = readJson(path.join(dir, 'en.json'));
      expect(leaves(en).sort(), path.relative(ROOT, dir)).toEqual(leaves(fa).sort());
      // An area's bundle adds strings; it never replaces one of the shell's (that one would change once the page loaded).
      expect(
        leaves(fa).filter((leaf) => shellLeaves.has(leaf)),
        path.relative(ROOT, dir),
      ).toEqual([]);
    }
  });
});
