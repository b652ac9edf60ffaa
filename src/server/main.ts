/** Process entry: configuration → database → migrations → jobs → listen, then print where to go. */
import { loadConfig } from './platform/config';
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF } from './seed/demo-data';
import { startServer } from './server';

const config = loadConfig();
const where = config.databaseUrl
  ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')})`
  : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
console.log(`Daftar: starting on ${where} …`);
const starting = startServer(config);

// Handled from the start: a stop while starting waits for the start, then closes the database cleanly.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('Daftar: stopping …');
    const running = await starting.catch(() => null);
    await running?.stop();
    process.exit(0);
  });
}

const server = await starting;

if (!stopping)
  console.log(`
  Daftar is running:   ${server.url}
  API documentation:   ${server.url}/api/docs
  Database:            ${where}${server.seeded ? ' (demo data loaded)' : ''}

  Demo staff sign-in (${server.url}/sign-in), password for all: ${DEMO_PASSWORD}
${DEMO_STAFF.map((s) => `    ${s.username.padEnd(22)} ${s.purpose}`).join('\n')}

  Demo citizens sign in with their mobile (${server.url}/sign-in/citizen); the one-time code
  appears in this console (the outbox page masks it):
${DEMO_CITIZENS.map((c) => `    ${c.mobile}`).join('\n')}
`);
