import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import { useAuth, type CurrentUser } from '#web/app/auth.tsx';

interface StaffLoginInput {
  username: string;
  password: string;
}

function loginStaff(input: StaffLoginInput): Promise<{ user: CurrentUser }> {
  return api('/api/v1/auth/staff/login', { method: 'POST', body: input });
}

export function useLoginStaff() {
  const { setUser } = useAuth();
  return useMutation({
    mutationFn: loginStaff,
    onSuccess: ({ user }) => setUser(user),
  });
}
