import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes reviewed, forward-only SQL migrations into db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './db/migrations',
});
