import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';

export type CreateUserInput = CallInput<'identity.createUser'>['body'];

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => call('identity.createUser', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
