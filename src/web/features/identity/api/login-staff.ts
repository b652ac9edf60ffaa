import { useMutation } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';

export function useLoginStaff() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: (body: CallInput<'identity.staffSignIn'>['body']) => call('identity.staffSignIn', { body }),
    onSuccess: ({ user }) => setUser(user),
  });
}
