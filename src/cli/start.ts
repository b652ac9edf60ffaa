/** `npm start`: builds the web UI when needed, then starts the server. One command from a fresh clone. */
import { ensureWebBuilt } from './build-web';

await ensureWebBuilt();
await import('../server/main');
