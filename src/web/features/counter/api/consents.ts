import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export type ConsentPurpose = 'follow-up' | 'case-report' | 'notice-page';

export interface ConsentAsked {
  citizen: { id: number; firstName: string; lastName: string; judicialId: string | null; maskedMobile: string };
  purpose: ConsentPurpose;
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
}
export interface Consent {
  id: number;
  citizenId: number;
  officeId: number;
  purpose: ConsentPurpose;
  grantedAt: string;
  expiresAt: string;
}

export const useAskConsent = () =>
  useMutation({
    mutationFn: (input: { nationalId: string; purpose: ConsentPurpose }) =>
      api<ConsentAsked>('/api/v1/counter/consents', { method: 'POST', body: input }),
  });
export const useConfirmConsent = () =>
  useMutation({
    mutationFn: (input: { nationalId: string; purpose: ConsentPurpose; code: string }) =>
      api<Consent>('/api/v1/counter/consents/confirm', { method: 'POST', body: input }),
  });

interface OverviewFiling {
  id: number;
  trackingCode: string | null;
  serviceCode: string;
  status: string;
  subject: string;
  caseNumber: string | null;
  createdAt: string;
}
interface OverviewCase {
  id: number;
  caseNumber: string;
  subject: string;
  branch: number;
  court: { name: { fa: string; en: string } };
}
interface OverviewNotice {
  id: number;
  title: string;
  issuedAt: string;
  delivered: boolean;
  deadline: { lastDay: string; daysLeft: number; expired: boolean } | null;
}
export interface StatusLookup {
  citizen: { id: number; firstName: string; lastName: string; judicialId: string | null };
  purpose: ConsentPurpose;
  overview: { filings: OverviewFiling[]; cases: OverviewCase[]; notices: OverviewNotice[] };
  serviceRecordId: number;
  amountRials: number;
  payment: { paymentId: number; receiptNumber: string; redirectUrl: string } | null;
}
export function useStatusLookup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { consentId: number; citizenId: number; ticketId?: number }) =>
      api<StatusLookup>('/api/v1/counter/status-lookups', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['counter', 'today'] }),
  });
}
