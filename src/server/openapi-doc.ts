/**
 * The OpenAPI document without a database: the app built over a context whose database is never
 * touched (registering routes reads no data). `npm run openapi` and the document's tests use it.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildApp } from './app';
import { frozenClock } from './platform/clock/clock';
import { loadConfig } from './platform/config';
import type { AppContext } from './platform/context';

export async function openApiDocument(): Promise<OpenAPIV3_1.Document> {
  const never = new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`the OpenAPI document reads no database (asked for ${String(key)})`);
      },
    },
  );
  const ctx = {
    config: { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), webDistDir: '/nonexistent' },
    clock: frozenClock(new Date('2025-01-01T00:00:00Z')),
    database: never,
    db: never,
    jobs: null,
  } as unknown as AppContext;
  const app = await buildApp(ctx);
  await app.ready();
  const doc = app.swagger() as OpenAPIV3_1.Document;
  await app.close();
  return doc;
}
