import { z } from 'zod';

const message = z.object({ fa: z.string(), en: z.string() });

/** The problem+json body, for OpenAPI response documentation. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    message,
    errors: z.array(z.object({ field: z.string(), code: z.string(), message })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable code and Persian and English messages' });
