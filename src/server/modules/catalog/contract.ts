/** The catalog area's endpoints (see platform/http/contract.ts). */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { localizedName } from '#server/platform/http/fields';
import { CHANNEL_POLICIES, SERVICE_KINDS } from './values';

const serviceSchema = z
  .object({
    code: z.string(),
    title: localizedName,
    kind: z.enum(SERVICE_KINDS),
    channels: z.enum(CHANNEL_POLICIES),
    inputs: z.array(z.string()),
  })
  .meta({ id: 'CatalogService' });

export const catalogContract = areaContract('catalog', {
  services: endpoint({
    method: 'GET',
    path: '/api/v1/catalog/services',
    access: 'public',
    summary: "The service catalog with each service's channel policy (public)",
    response: z.object({ items: z.array(serviceSchema) }),
  }),
});
