import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';

export type ConsentPurpose = CallInput<'counter.requestConsent'>['body']['purpose'];

export const useAskConsent = () =>
  useMutation({
    mutationFn: (body: CallInput<'counter.requestConsent'>['body']) => call('counter.requestConsent', { body }),
  });
export const useConfirmConsent = () =>
  useMutation({
    mutationFn: (body: CallInput<'counter.confirmConsent'>['body']) => call('counter.confirmConsent', { body }),
  });

export function useStatusLookup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<'counter.statusLookup'>['body']) => call('counter.statusLookup', { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['counter', 'today'] }),
  });
}
