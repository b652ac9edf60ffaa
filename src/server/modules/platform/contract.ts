/** The platform's own endpoints: health, and the audit log's reader and verifier (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { auditEventPage, auditEventsQuery, auditVerificationSchema, healthSchema } from './schemas';

export const platformContract = areaContract('platform', {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness and database status',
    description: '503 with the same answer when the database does not answer.',
    status: [200, 503],
    response: healthSchema,
  }),
  auditEvents: endpoint({
    method: 'GET',
    path: '/api/v1/audit/events',
    access: 'audit.read',
    summary: 'The audit log, newest first',
    query: auditEventsQuery,
    response: auditEventPage,
  }),
  verifyAudit: endpoint({
    method: 'POST',
    path: '/api/v1/audit/verify',
    access: 'audit.verify',
    summary: 'Verify the audit hash chain and report the first broken link',
    response: auditVerificationSchema,
  }),
});
