/** Activity licences: the list, one licence, eligibility for a new one, and the decisions on them. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';
import type { Id } from '#web/app/auth.tsx';

type LicencePage = CallResult<'operators.licences'>;
export type Licence = LicencePage['items'][number];
export type EffectiveStatus = Licence['effectiveStatus'];
type LicenceDetail = CallResult<'operators.licence'>;
export type LicenceEvent = LicenceDetail['events'][number];
type LicenceFilter = CallInput<'operators.licences'>['query'];
/** A staff member found by the registry search (name, national ID or username). */
export type StaffHit = CallResult<'operators.staff'>['items'][number];
/** One's own licence, with the continuing-education hours gathered towards its renewal. */
export type OwnLicence = CallResult<'operators.ownLicences'>['items'][number];

export const EFFECTIVE_STATUSES: readonly EffectiveStatus[] = ['active', 'expiring', 'expired', 'suspended', 'revoked'];

const licencesQueryOptions = (filter: LicenceFilter) =>
  queryOptions({
    queryKey: ['licences', 'list', filter],
    queryFn: ({ signal }) => call('operators.licences', { query: filter }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useLicences(filter: LicenceFilter) {
  return useQuery(licencesQueryOptions(filter));
}

const licenceQueryOptions = (id: string | undefined) =>
  queryOptions({
    queryKey: ['licences', 'one', id],
    queryFn: ({ signal }) => call('operators.licence', { params: { id } }, { signal }),
    enabled: !!id,
  });

export function useLicence(id: string | undefined) {
  return useQuery(licenceQueryOptions(id));
}

const eligibilityQueryOptions = (userId: Id | null, officeId: Id | null) =>
  queryOptions({
    queryKey: ['licences', 'eligibility', userId, officeId],
    queryFn: ({ signal }) => call('operators.eligibility', { params: { id: userId }, query: { officeId } }, { signal }),
    enabled: userId != null && officeId != null,
  });

export function useEligibility(userId: Id | null, officeId: Id | null) {
  return useQuery(eligibilityQueryOptions(userId, officeId));
}

const staffSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['licences', 'staff-search', q],
    queryFn: ({ signal }) => call('operators.staff', { query: { q, pageSize: 10 } }, { signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });

export function useStaffSearch(q: string) {
  return useQuery(staffSearchQueryOptions(q));
}

function useLicenceMutation<I>(mutationFn: (input: I) => Promise<LicenceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (detail) => {
      queryClient.setQueryData(licenceQueryOptions(String(detail.licence.id)).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: ['licences', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['licences', 'eligibility'] });
    },
  });
}

export function useIssueLicence() {
  return useLicenceMutation((input: CallInput<'operators.issueLicence'>['body']) =>
    call('operators.issueLicence', { body: input }),
  );
}

/** Adds services to a current licence (POST /api/v1/licences/:id/services). */
export function useWidenLicence(id: number) {
  return useLicenceMutation((input: CallInput<'operators.widenLicence'>['body']) =>
    call('operators.widenLicence', { params: { id }, body: input }),
  );
}

export type LicenceDecision = 'renew' | 'suspend' | 'reinstate' | 'revoke';

export function useLicenceDecision(id: number) {
  return useLicenceMutation((input: { decision: LicenceDecision; reason?: string; until?: string }) => {
    const params = { id };
    // Suspension and revocation send the reason even when empty, so the server names the field.
    const reason = input.reason ?? '';
    switch (input.decision) {
      case 'renew':
        return call('operators.renewLicence', { params });
      case 'suspend':
        return call('operators.suspendLicence', {
          params,
          body: input.until ? { reason, until: input.until } : { reason },
        });
      case 'reinstate':
        return call('operators.reinstateLicence', { params, body: input.reason ? { reason: input.reason } : {} });
      case 'revoke':
        return call('operators.revokeLicence', { params, body: { reason } });
    }
  });
}

const ownLicencesQueryOptions = (enabled = true) =>
  queryOptions({
    queryKey: ['licences', 'mine'],
    queryFn: ({ signal }) => call('operators.ownLicences', undefined, { signal }),
    enabled,
  });

/** The signed-in staff member's own licences (GET /api/v1/licences/mine). */
export function useOwnLicences(enabled = true) {
  return useQuery(ownLicencesQueryOptions(enabled));
}
