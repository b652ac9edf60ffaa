import { useMutation } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

/** The code was sent: `sentTo` is masked, e.g. 0912***6789. */
export type OtpSent = CallResult<'identity.citizenCode'>;

export function useRequestOtp() {
  return useMutation({
    mutationFn: (body: CallInput<'identity.citizenCode'>['body']) => call('identity.citizenCode', { body }),
  });
}
