import { z } from 'zod';
import { localizedName, pageOf, paginationQuery, queryInt } from '../../platform/http/fields';

export const officeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  province: z.object({ id: z.number().int(), name: localizedName }),
  city: z.object({ id: z.number().int(), name: localizedName }),
  address: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'suspended', 'closed']),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
}).meta({ id: 'Office' });

export const officeListQuery = z.object({
  provinceId: queryInt(1, 32_767).optional(),
  q: z.string().trim().max(100).optional(),
  ...paginationQuery,
});

export const officePage = pageOf(officeSchema);
