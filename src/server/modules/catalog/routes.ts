import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { localizedName } from '../../platform/http/fields';
import { listServices } from './service';
import { CHANNEL_POLICIES, SERVICE_KINDS } from './tables';

export const serviceSchema = z.object({
  code: z.string(), title: localizedName, kind: z.enum(SERVICE_KINDS), channels: z.enum(CHANNEL_POLICIES), inputs: z.array(z.string()),
}).meta({ id: 'CatalogService' });

export function catalogRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/catalog/services', {
    schema: { tags: ['catalog'], summary: 'The service catalog with each service\'s channel policy (public)', response: { 200: z.object({ items: z.array(serviceSchema) }) } },
  }, async () => ({ items: await listServices(ctx.db) }));
}
