/** Builds the web UI into dist/web when it is missing or older than its sources (see bin/build-stamp.js). */
import path from 'node:path';
import { isStale, ROOT, WEB_STAMP, writeStamp } from '../../bin/build-stamp.js';
import { sourceInputs } from './build-inputs';

export { ROOT };

/** Inputs besides the modules Vite reports it bundled. */
const CONFIG_INPUTS = [
  'index.html',
  'public',
  'vite.config.ts',
  'package.json',
  'bin/build-stamp.js',
  'src/cli/build-web.ts',
];

export function webBuildIsStale(): boolean {
  return isStale(WEB_STAMP);
}

export async function ensureWebBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (process.env.DAFTAR_SKIP_WEB_BUILD === '1' || !webBuildIsStale()) return;
  log('Daftar: building the web UI (first start, or its sources changed) …');
  await buildWeb();
}

export async function buildWeb(): Promise<void> {
  const startedAt = Date.now();
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the build; the server started after it must not inherit that.
  const nodeEnv = process.env.NODE_ENV;
  let output: Awaited<ReturnType<typeof build>>;
  try {
    output = await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  // Every module of every chunk: the web UI also bundles src/core and some of src/server's schemas.
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const modules = outputs.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []));
  writeStamp(WEB_STAMP, {
    startedAt,
    inputs: [...new Set([...CONFIG_INPUTS, ...sourceInputs(modules)])],
    outputs: ['dist/web/index.html'],
  });
}
