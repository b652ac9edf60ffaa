/**
 * web-weight: the gzipped JavaScript and CSS a browser fetches to show the first page a visitor
 * opens (the staff sign-in page) and the counter page, against the 200 KB budget.
 *
 * The web UI is built with the project's own Vite config into a temporary folder, with a manifest.
 * A page's initial load is the entry (`index.html`'s script) with every chunk it imports
 * statically, plus the page's lazy route module with its own static imports — what the entry's
 * module preloads and the route's `import()` fetch before the page can render — and the CSS of
 * each of those chunks. Fonts and images are not counted (the Vazirmatn faces are fetched by
 * unicode range, only for the glyphs a page shows). Each file is gzipped at level 9, as a server
 * would serve it, and the figures are summed per page.
 *
 * `ratio` = the heavier page ÷ 200 KB; the goal is both pages under 200 KB (ratio < 1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUDGET_KB = 200;

/** The route modules each measured page loads besides the entry (paths as in the Vite manifest). */
const PAGES: Record<string, string[]> = {
  signin: ['src/web/features/identity/pages/StaffSignInPage.tsx'],
  // The counter is a signed-in page: the signed-in shell (its own chunk) loads with it.
  counter: ['src/web/app/layout/AppLayout.tsx', 'src/web/features/counter/pages/CounterPage.tsx'],
};

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Files (JS and CSS) a browser loads for the given manifest keys: each chunk, its CSS and,
 * recursively, its static imports. Dynamic imports are not followed.
 */
function initialFiles(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest (was the route module moved?)`);
    seen.add(key);
    files.push(chunk.file, ...(chunk.css ?? []));
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...new Set(files)];
}

async function buildForMeasure(outDir: string): Promise<Manifest> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      root: ROOT,
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

interface PageWeight {
  page: string;
  js: number;
  css: number;
  total: number;
  files: { file: string; gzip: number }[];
}

function measure(outDir: string, manifest: Manifest): PageWeight[] {
  const entries = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => key);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.join(', ')}`);
  return Object.entries(PAGES).map(([page, modules]) => {
    const files = initialFiles(manifest, [...entries, ...modules]).map((file) => ({
      file,
      gzip: gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length,
    }));
    const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0);
    return { page, js: sum('.js'), css: sum('.css'), total: sum('.js') + sum('.css'), files };
  });
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)}KB`;

export async function webWeight(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-web-'));
  try {
    const manifest = await buildForMeasure(outDir);
    const pages = measure(outDir, manifest);
    if (process.argv.includes('--files')) {
      for (const p of pages) {
        console.log(`${p.page}:`);
        for (const f of [...p.files].sort((a, b) => b.gzip - a.gzip))
          console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.file}`);
      }
    }
    const figures: Record<string, string> = {};
    for (const p of pages) figures[p.page] = kb(p.total);
    for (const p of pages) {
      figures[`${p.page}_js`] = kb(p.js);
      figures[`${p.page}_css`] = kb(p.css);
    }
    const heaviest = Math.max(...pages.map((p) => p.total));
    const ratio = heaviest / (BUDGET_KB * 1024);
    const line =
      `bench web-weight: ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')} ratio=${ratio.toFixed(3)} ` + `goal <${BUDGET_KB}KB${ratio < 1 ? '' : '  (goal missed)'}`;
    console.log(line);
    return line;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
