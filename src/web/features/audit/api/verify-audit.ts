import { useMutation } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

/** Re-walks the audit hash chain on the server. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => call('platform.verifyAudit') });
}
