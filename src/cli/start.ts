/**
 * `npm start`: builds the web UI when it has not been built (or its sources changed since), then
 * starts the server. One command from a fresh clone to a running Daftar.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const distIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const webSources = path.join(root, 'src/web');
const stale = !fs.existsSync(distIndex)
  || (fs.existsSync(webSources) && newestMtime(webSources) > fs.statSync(distIndex).mtimeMs);
if (stale && process.env.DAFTAR_SKIP_WEB_BUILD !== '1') {
  console.log('Daftar: building the web UI (first start, or its sources changed) …');
  const { build } = await import('vite');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
await import('../server/main');
