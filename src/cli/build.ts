/** `npm run build [web|server]`: builds the web UI and/or the server now, stale or not. */
import { buildServer } from './build-server';
import { buildWeb } from './build-web';

const parts = process.argv.slice(2);
const all = parts.length === 0;
for (const part of parts)
  if (part !== 'web' && part !== 'server') throw new Error(`unknown part "${part}" (web, server)`);
if (all || parts.includes('web')) {
  const started = Date.now();
  await buildWeb();
  console.log(`web UI built into dist/web in ${Date.now() - started} ms`);
}
if (all || parts.includes('server')) {
  const started = Date.now();
  await buildServer();
  console.log(`server built into dist/server in ${Date.now() - started} ms`);
}
