/**
 * A browser spec run on its own (`npx vitest run --project e2e <file>`) in a fresh checkout has no
 * `dist/web`: the pages would never appear and every spec would time out waiting for its first
 * field. Build the web UI when it is missing or stale, as `npm test` and `npm start` do.
 */
import { ensureWebBuilt } from '../../src/cli/build-web';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
