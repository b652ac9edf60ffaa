#!/usr/bin/env node
// The `daftar` command, run from the server build (dist/server/daftar.js), built first when it is
// missing or older than its sources — so `npx daftar …` works from a fresh clone too.
import module from 'node:module';
import { isStale, SERVER_STAMP } from './build-stamp.js';

// Node 22 keeps V8's compiled code of the modules between starts; Node 20 has no such cache.
module.enableCompileCache?.();

if (isStale(SERVER_STAMP)) {
  const { tsImport } = await import('tsx/esm/api');
  const { buildServer } = await tsImport('../src/cli/build-server.ts', import.meta.url);
  // Build messages go to stderr: the command's own output may be read by a script.
  console.error('Daftar: building the server (first use, or its sources changed) …');
  await buildServer();
}
await import('../dist/server/daftar.js');
