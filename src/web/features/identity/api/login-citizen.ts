import { useMutation } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';

export function useLoginCitizen() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: (body: CallInput<'identity.citizenSignIn'>['body']) => call('identity.citizenSignIn', { body }),
    onSuccess: ({ user }) => setUser(user),
  });
}
