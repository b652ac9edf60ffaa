import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { CodeSent, EAccountInput } from '#web/ui/EAccountForm.tsx';

/** What the counter may see of a citizen before starting a service. */
export interface CitizenCard {
  id: number;
  firstName: string;
  lastName: string;
  judicialId: string | null;
  maskedMobile: string;
  provinceId: number;
}

function lookupCitizen(nationalId: string): Promise<CitizenCard> {
  return api('/api/v1/citizens/lookup', { params: { nationalId } });
}
export const useLookupCitizen = () => useMutation({ mutationFn: lookupCitizen });

export function sendRegistrationCode(mobile: string): Promise<CodeSent> {
  return api('/api/v1/eaccounts/mobile-code', { method: 'POST', body: { mobile } });
}

export interface Registered {
  eaccount: {
    id: number;
    nationalId: string;
    judicialId: string;
    firstName: string;
    lastName: string;
    mobile: string;
    provinceId: number;
  };
  serviceRecordId: number;
  amountRials: number;
  payment: { paymentId: number; receiptNumber: string; redirectUrl: string } | null;
}
export function registerCitizen(input: EAccountInput & { ticketId?: number }): Promise<Registered> {
  return api('/api/v1/eaccounts', { method: 'POST', body: input });
}
