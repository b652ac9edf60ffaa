import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import { useAuth, type CurrentUser } from '#web/app/auth.tsx';
import type { CodeSent, EAccountInput } from '#web/ui/EAccountForm.tsx';

interface EAccount {
  id: number;
  nationalId: string;
  judicialId: string;
  firstName: string;
  lastName: string;
  fatherName: string | null;
  birthDate: string | null;
  mobile: string;
  provinceId: number;
  identityCheck: string;
  channel: 'office' | 'online';
  registeredAt: string;
}

/** Online self-registration: a code to confirm the mobile (only where the channel policy allows online). */
export function sendSelfRegistrationCode(mobile: string): Promise<CodeSent> {
  return api('/api/v1/eaccounts/self/mobile-code', { method: 'POST', body: { mobile } });
}

function selfRegister(input: EAccountInput): Promise<{ eaccount: EAccount; user: CurrentUser }> {
  const { identityCheck: _office, ...body } = input;
  return api('/api/v1/eaccounts/self', { method: 'POST', body });
}

/** Registers and signs the citizen in (the session cookie is set by the answer). */
export function useSelfRegister() {
  const { setUser } = useAuth();
  return useMutation({ mutationFn: selfRegister, onSuccess: ({ user }) => setUser(user) });
}
