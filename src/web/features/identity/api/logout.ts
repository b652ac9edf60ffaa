import { useMutation } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';

/** Ends the session; the UI forgets the user (and every cached query) even if the call fails. */
export function useLogout() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: () => call('identity.signOut'),
    onSettled: () => setUser(null),
  });
}
