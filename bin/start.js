#!/usr/bin/env node
// `npm start`: builds what is missing or stale — the web UI (Vite) and the server (esbuild) — and
// runs the built server. On a start with nothing to build, no TypeScript tooling is loaded.
import module from 'node:module';
import { isStale, SERVER_STAMP, WEB_STAMP } from './build-stamp.js';

// Node 22 keeps V8's compiled code of the modules between starts; Node 20 has no such cache.
module.enableCompileCache?.();

const webStale = process.env.DAFTAR_SKIP_WEB_BUILD !== '1' && isStale(WEB_STAMP);
if (webStale || isStale(SERVER_STAMP)) {
  const { tsImport } = await import('tsx/esm/api');
  const { ensureWebBuilt } = await tsImport('../src/cli/build-web.ts', import.meta.url);
  const { ensureServerBuilt } = await tsImport('../src/cli/build-server.ts', import.meta.url);
  await ensureWebBuilt();
  await ensureServerBuilt();
}
await import('../dist/server/main.js');
