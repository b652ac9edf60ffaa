import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import { useAuth, type CurrentUser } from '#web/app/auth.tsx';

function loginCitizen(input: { mobile: string; code: string }): Promise<{ user: CurrentUser }> {
  return api('/api/v1/auth/citizen/login', { method: 'POST', body: input });
}

export function useLoginCitizen() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: loginCitizen,
    onSuccess: ({ user }) => setUser(user),
  });
}
