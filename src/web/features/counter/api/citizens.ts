import { useMutation } from '@tanstack/react-query';
import { type CallResult, call } from '#web/app/api-client.ts';
import type { EAccountInput } from '#web/ui/EAccountForm.tsx';

/** What the counter may see of a citizen before starting a service. */
export type CitizenCard = CallResult<'eaccounts.lookup'>;

export const useLookupCitizen = () =>
  useMutation({ mutationFn: (nationalId: string) => call('eaccounts.lookup', { query: { nationalId } }) });

export function sendRegistrationCode(mobile: string) {
  return call('eaccounts.mobileCode', { body: { mobile } });
}

export function registerCitizen(input: EAccountInput & { ticketId?: number }) {
  const { identityCheck, ...body } = input;
  return call('eaccounts.register', { body: { ...body, identityCheck: identityCheck! } });
}
