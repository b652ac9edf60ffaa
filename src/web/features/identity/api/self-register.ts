import { useMutation } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import type { EAccountInput } from '#web/ui/EAccountForm.tsx';

/** Online self-registration: a code to confirm the mobile (only where the channel policy allows online). */
export function sendSelfRegistrationCode(mobile: string) {
  return call('eaccounts.selfMobileCode', { body: { mobile } });
}

function selfRegister(input: EAccountInput) {
  const { identityCheck: _office, provinceId, ...body } = input;
  return call('eaccounts.selfRegister', { body: { ...body, provinceId: provinceId! } });
}

/** Registers and signs the citizen in (the session cookie is set by the answer). */
export function useSelfRegister() {
  const { setUser } = useAuth();
  return useMutation({ mutationFn: selfRegister, onSuccess: ({ user }) => setUser(user) });
}
