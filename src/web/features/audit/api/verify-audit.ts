import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

function verifyAudit(): Promise<AuditVerification> {
  return api('/api/v1/audit/verify', { method: 'POST', body: {} });
}

/** Re-walks the audit hash chain on the server. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
