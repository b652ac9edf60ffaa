import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';

function logout(): Promise<void> {
  return api<void>('/api/v1/auth/logout', { method: 'POST', body: {} });
}

/** Ends the session; the UI forgets the user (and every cached query) even if the call fails. */
export function useLogout() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: logout,
    onSettled: () => setUser(null),
  });
}
