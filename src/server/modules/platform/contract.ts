/** The platform's own endpoints: health, the audit log's reader and verifier, and its signed checkpoints (see platform/http/contract.ts). */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { auditEventPage, auditEventsQuery, auditVerificationSchema, healthSchema } from './schemas';

const checkpointSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().describe("The chain head's sequence number when the checkpoint was made"),
    hash: z.string().describe("The head event's hash (SHA-256, hex)"),
    at: z.string().describe('When the checkpoint was made (ISO 8601, UTC)'),
    keyId: z.string().describe('The first 16 hex digits of the SHA-256 of the signing public key'),
    publicKey: z.string().describe('The Ed25519 public key, DER (SPKI) in base64'),
    signature: z.string().describe('Ed25519 signature of the canonical payload, base64'),
  })
  .meta({ id: 'AuditCheckpoint' });

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
    summary: 'The audit log, newest first, by who, what, when and which object',
    description:
      "National oversight reads every event; a province's association the events of its province and its offices, and its own actions. Sign-ins and refused sign-ins are events too (the source address, never the password or code).",
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
  auditCheckpoint: endpoint({
    method: 'POST',
    path: '/api/v1/audit/checkpoints',
    access: 'audit.checkpoint',
    status: 201,
    summary: "Sign the audit chain's head now, publish it and download the signed checkpoint",
    description:
      'The checkpoint is appended to the checkpoints file and sent to the regulator through the notifier, as the hourly one is; keep the download outside the database. `daftar audit verify --checkpoint FILE` proves the chain still holds it.',
    response: checkpointSchema,
    problems: ['audit_anchor_unavailable'],
  }),
});
