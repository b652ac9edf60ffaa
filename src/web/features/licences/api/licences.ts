/** Activity licences: the list, one licence, eligibility for a new one, and the decisions on them. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Id } from '#web/app/auth.tsx';

export type EffectiveStatus = 'active' | 'expiring' | 'expired' | 'suspended' | 'revoked';
export const EFFECTIVE_STATUSES: EffectiveStatus[] = ['active', 'expiring', 'expired', 'suspended', 'revoked'];

interface ServiceRef {
  code: string;
  nameFa: string;
  nameEn: string;
}
interface OfficeRef {
  id: number;
  code: string;
  nameFa: string;
  nameEn: string;
  provinceId: number;
}
interface PersonRef {
  id: number;
  firstName: string;
  lastName: string;
  nationalId: string | null;
  username: string | null;
}

export interface Licence {
  id: number;
  number: string;
  holder: PersonRef;
  office: OfficeRef;
  services: ServiceRef[];
  status: 'active' | 'suspended' | 'revoked';
  effectiveStatus: EffectiveStatus;
  issuedOn: string;
  issuedOnJalali: string;
  expiresOn: string;
  expiresOnJalali: string;
  daysLeft: number;
  statusReason: string | null;
  suspendedUntil: string | null;
  suspendedUntilJalali: string | null;
}

export interface LicenceEvent {
  id: number;
  kind: 'issued' | 'renewed' | 'suspended' | 'reinstated' | 'revoked' | 'reminded';
  reason: string | null;
  data: Record<string, unknown> | null;
  actor: { id: number; name: string } | null;
  at: string;
}

export interface LicenceDetail {
  licence: Licence;
  events: LicenceEvent[];
}
export interface LicencePage {
  items: Licence[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LicenceFilter {
  q?: string;
  status?: EffectiveStatus | null;
  officeId?: string | null;
  provinceId?: string | null;
  expiringWithinDays?: number | null;
  page: number;
  pageSize: number;
}

const licencesQueryOptions = (filter: LicenceFilter) =>
  queryOptions({
    queryKey: ['licences', 'list', filter],
    queryFn: ({ signal }) => api<LicencePage>('/api/v1/licences', { params: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });

export function useLicences(filter: LicenceFilter) {
  return useQuery(licencesQueryOptions(filter));
}

export function useLicence(id: string | undefined) {
  return useQuery({
    queryKey: ['licences', 'one', id],
    queryFn: ({ signal }) => api<LicenceDetail>(`/api/v1/licences/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export interface Eligibility {
  person: PersonRef;
  office: OfficeRef;
  worksAtOffice: boolean;
  qualifiedServiceCodes: string[];
  competentServiceCodes: string[];
  services: (ServiceRef & { eligible: boolean; missing: ('training' | 'competency')[] })[];
  courses: {
    code: string;
    titleFa: string;
    attended: boolean;
    hasExam: boolean;
    examPassed: boolean;
    qualified: boolean;
    serviceCodes: string[];
  }[];
  currentLicence: { id: number; number: string; effectiveStatus: EffectiveStatus } | null;
}

export function useEligibility(userId: Id | null, officeId: Id | null) {
  return useQuery({
    queryKey: ['licences', 'eligibility', userId, officeId],
    queryFn: ({ signal }) =>
      api<Eligibility>(`/api/v1/staff/${encodeURIComponent(String(userId))}/licence-eligibility`, {
        params: { officeId: officeId == null ? undefined : String(officeId) },
        signal,
      }),
    enabled: userId != null && officeId != null,
  });
}

/** A staff member found by the registry search (name, national ID or username). */
export interface StaffHit {
  id: number;
  username: string | null;
  name: { first: string; last: string };
  nationalId: string | null;
  roles: { role: string; office: { id: number; code: string; name: { fa: string; en: string } }; provinceId: number }[];
  licence: { id: number; number: string; status: EffectiveStatus; expiresOn: string } | null;
}

export function useStaffSearch(q: string) {
  return useQuery({
    queryKey: ['licences', 'staff-search', q],
    queryFn: ({ signal }) => api<{ items: StaffHit[] }>('/api/v1/staff', { params: { q, pageSize: 10 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

function useLicenceMutation<I>(mutationFn: (input: I) => Promise<LicenceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (detail) => {
      queryClient.setQueryData(['licences', 'one', String(detail.licence.id)], detail);
      void queryClient.invalidateQueries({ queryKey: ['licences', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['licences', 'eligibility'] });
    },
  });
}

export function useIssueLicence() {
  return useLicenceMutation((input: { userId: number; officeId: number; serviceCodes: string[] }) =>
    api<LicenceDetail>('/api/v1/licences', { method: 'POST', body: input }),
  );
}

export type LicenceDecision = 'renew' | 'suspend' | 'reinstate' | 'revoke';

export function useLicenceDecision(id: number) {
  return useLicenceMutation((input: { decision: LicenceDecision; reason?: string; until?: string }) => {
    const body: Record<string, string> = {};
    if (input.decision !== 'renew' && input.reason) body.reason = input.reason;
    if (input.decision === 'suspend' && input.until) body.until = input.until;
    // Suspension and revocation send the reason even when empty, so the server names the field.
    if ((input.decision === 'suspend' || input.decision === 'revoke') && !input.reason) body.reason = '';
    return api<LicenceDetail>(`/api/v1/licences/${id}/${input.decision}`, { method: 'POST', body });
  });
}

/** One's own licence, with the continuing-education hours gathered towards its renewal. */
export interface OwnLicence extends Licence {
  continuingEducation: { hours: number; requiredHours: number; since: string; sinceJalali: string };
}

/** The signed-in staff member's own licences (GET /api/v1/licences/mine). */
export function useOwnLicences(enabled = true) {
  return useQuery({
    queryKey: ['licences', 'mine'],
    queryFn: ({ signal }) => api<{ items: OwnLicence[] }>('/api/v1/licences/mine', { signal }),
    enabled,
  });
}
