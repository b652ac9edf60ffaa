import { useMutation } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';
import type { Id } from '#web/app/auth.tsx';

/** An administrator sets a new password for a staff member in their scope. */
export function useSetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: Id; password: string }) =>
      call('identity.setPassword', { params: { id }, body: { password } }),
  });
}
