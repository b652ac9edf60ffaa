import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Id } from '#web/app/auth.tsx';

function setPassword(input: { id: Id; password: string }): Promise<void> {
  return api(`/api/v1/users/${encodeURIComponent(String(input.id))}/password`, {
    method: 'POST',
    body: { password: input.password },
  });
}

/** An administrator sets a new password for a staff member in their scope. */
export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
