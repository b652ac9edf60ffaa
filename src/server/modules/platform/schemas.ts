/** Request and response shapes of the platform's own endpoints: health and the audit log. */
import { z } from 'zod';
import { pageOf, paginationQuery } from '#server/platform/http/fields';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});

export const auditEventsQuery = z.object(paginationQuery);

export const auditEventPage = pageOf(
  z.object({
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    hash: z.string(),
    actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  }),
);

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
