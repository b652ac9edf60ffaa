import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface OtpSent {
  /** masked, e.g. 0912***6789 */
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
}

function requestOtp(input: { mobile: string }): Promise<OtpSent> {
  return api('/api/v1/auth/citizen/otp', { method: 'POST', body: input });
}

export function useRequestOtp() {
  return useMutation({ mutationFn: requestOtp });
}
