/** Request and response shapes of the platform's own endpoints: health and the audit log. */
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '#server/platform/audit/actions';
import { jalaliDateField, pageOf, paginationQuery } from '#server/platform/http/fields';

export { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES };

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});

/** The audit log's filters: who, what, when (Tehran days, Jalali), which object. */
export const auditEventsQuery = z.object({
  who: z.string().trim().min(1).max(100).optional().describe("Part of the acting person's name or username"),
  action: z.enum(AUDIT_ACTIONS).optional().describe('What was done'),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional().describe('The kind of object it was done to'),
  entityId: z.string().trim().min(1).max(100).optional().describe("The object's id (with entityType, or alone)"),
  from: jalaliDateField.optional().describe('From this Tehran day (Jalali), inclusive'),
  to: jalaliDateField.optional().describe('To this Tehran day (Jalali), inclusive'),
  ...paginationQuery,
});
export type AuditEventsQuery = z.infer<typeof auditEventsQuery>;

export const auditEventPage = pageOf(
  z.object({
    seq: z.number().int(),
    at: z.string(),
    /** Codes outside the current list can stand in older rows, so the answer keeps them as text. */
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    provinceId: z.number().int().nullable(),
    officeId: z.number().int().nullable(),
    /** Where the request came from, for sign-ins (the source address). */
    source: z.string().nullable(),
    hash: z.string(),
    actor: z.object({ id: z.number().int(), displayName: z.string(), username: z.string().nullable() }).nullable(),
  }),
);

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
