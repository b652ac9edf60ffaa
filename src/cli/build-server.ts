/**
 * Builds the server into dist/server with esbuild when it is missing or older than its sources, so
 * that starting Daftar runs plain JavaScript instead of transpiling TypeScript on every start
 * (decision 0024). Two entry points share chunks: `main.js` (the server process) and `daftar.js`
 * (the CLI); modules loaded with `import()` — the PDF printer, the exact siting solver, report
 * charts — stay in chunks of their own and load when first used. Dependencies are not bundled:
 * they load from node_modules as under tsx (several find their own files next to them: PGlite's
 * WebAssembly, swagger-ui's assets, argon2's native binary).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isStale, ROOT, SERVER_STAMP, writeStamp } from '../../bin/build-stamp.js';
import { sourceInputs } from './build-inputs';

export const SERVER_DIST = path.join(ROOT, 'dist/server');

const ENTRY_POINTS = { main: 'src/server/main.ts', daftar: 'src/cli/daftar.ts' };
/** Inputs besides the modules esbuild bundled (package.json holds the "imports" map and the versions). */
const CONFIG_INPUTS = ['package.json', 'bin/build-stamp.js', 'src/cli/build-server.ts', 'src/cli/build-inputs.ts'];

export function serverBuildIsStale(): boolean {
  return isStale(SERVER_STAMP);
}

export async function ensureServerBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!serverBuildIsStale()) return;
  log('Daftar: building the server (first start, or its sources changed) …');
  await buildServer();
}

export async function buildServer(): Promise<void> {
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: SERVER_DIST,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Stack traces point into dist/server; NODE_OPTIONS=--enable-source-maps maps them back to src/.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  // dist/server holds exactly this build: chunks of earlier builds go.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(ROOT, file)));
  for (const file of fs.readdirSync(SERVER_DIST, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(SERVER_DIST, file);
    if (!written.has(full) && fs.statSync(full).isFile()) fs.rmSync(full);
  }
  writeStamp(SERVER_STAMP, {
    startedAt,
    inputs: [...new Set([...CONFIG_INPUTS, ...sourceInputs(Object.keys(result.metafile.inputs))])],
    outputs: Object.keys(ENTRY_POINTS).map((name) => `dist/server/${name}.js`),
  });
}
