import { useMutation } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';

export function useRequestOtp() {
  return useMutation({
    mutationFn: (body: CallInput<'identity.citizenCode'>['body']) => call('identity.citizenCode', { body }),
  });
}
