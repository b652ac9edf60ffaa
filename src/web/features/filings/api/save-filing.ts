import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';
import { filingQueryOptions } from './get-filing';
import { PARTY_ROLES as SERVER_PARTY_ROLES } from '#server/modules/filings/values';

export { FILING_SERVICES } from '#core/fees';

/** What every write of a filing sends: parties, court and branch, subject, claims, facts. */
export type FilingContent = Required<CallInput<'filings.update'>['body']>;
export type PartyInput = FilingContent['parties'][number];
type NewFiling = CallInput<'filings.create'>['body'];

/** The roles a party other than a representative can take: the server's list without `representative`. */
export const PARTY_ROLES = SERVER_PARTY_ROLES.filter(
  (role): role is Exclude<(typeof SERVER_PARTY_ROLES)[number], 'representative'> => role !== 'representative',
);

export function useSaveFiling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: number | null;
      service: NewFiling['service'];
      applicantNationalId?: string;
      ticketId?: number;
      /** An appeal started from a delivered decision: its notice. */
      appealsNoticeId?: number;
      content: FilingContent;
    }) =>
      input.id
        ? call('filings.update', { params: { id: input.id }, body: input.content })
        : call('filings.create', {
            body: {
              ...input.content,
              service: input.service,
              applicantNationalId: input.applicantNationalId,
              ticketId: input.ticketId,
              appealsNoticeId: input.appealsNoticeId,
            },
          }),
    onSuccess: (filing) => queryClient.setQueryData(filingQueryOptions(filing.id).queryKey, filing),
  });
}
