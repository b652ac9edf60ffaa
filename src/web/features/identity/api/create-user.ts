import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Id, Role } from '#web/app/auth.tsx';
import type { StaffUser } from './get-users';

export interface CreateUserInput {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  /** Jalali `YYYY-MM-DD`, Latin digits */
  birthDate?: string;
  sheba?: string;
  role: Role;
  officeId?: Id;
  provinceId?: Id;
  courtId?: Id;
}

function createUser(input: CreateUserInput): Promise<{ user: StaffUser }> {
  return api('/api/v1/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
