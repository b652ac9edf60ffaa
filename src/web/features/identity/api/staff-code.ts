import { useMutation } from '@tanstack/react-query';
import { type CallInput, call } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';

/** Asks for a sign-in code to the staff member's registered mobile (the way in while the password sign-in is locked). */
export function useRequestStaffCode() {
  return useMutation({
    mutationFn: (body: CallInput<'identity.staffCode'>['body']) => call('identity.staffCode', { body }),
  });
}

export function useLoginStaffWithCode() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: (body: CallInput<'identity.staffCodeSignIn'>['body']) => call('identity.staffCodeSignIn', { body }),
    onSuccess: ({ user }) => setUser(user),
  });
}
