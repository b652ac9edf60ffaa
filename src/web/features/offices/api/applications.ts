import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export const APPLICATION_STATUSES = ['submitted', 'recommended', 'not-recommended', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const DEGREE_LEVELS = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export const DEGREE_FIELDS = ['law', 'fiqh', 'judicial-sciences', 'other'] as const;

export interface OfficeApplication {
  id: number;
  status: ApplicationStatus;
  founder: { nationalId: string; firstName: string; lastName: string; mobile: string };
  degreeLevel: (typeof DEGREE_LEVELS)[number];
  degreeField: (typeof DEGREE_FIELDS)[number];
  university: string | null;
  graduationYear: number | null;
  experienceYears: number;
  proposedNameFa: string;
  province: { id: number; name: LocalizedText };
  city: { id: number; name: LocalizedText };
  address: string;
  location: { lat: number; lon: number } | null;
  plannedCounters: number;
  plannedHearingBooths: number;
  filedByFounder: boolean;
  review: { by: string | null; at: string; note: string | null } | null;
  decision: { by: string | null; at: string; note: string | null } | null;
  office: { id: number; code: string } | null;
  createdAt: string;
}

export interface ApplicationInput {
  founder?: { nationalId: string; firstName: string; lastName: string; mobile: string };
  degreeLevel: string;
  degreeField: string;
  university: string;
  graduationYear: number;
  experienceYears: number;
  proposedNameFa: string;
  provinceId: number;
  cityId: number;
  address: string;
  location: { lat: number; lon: number };
  plannedCounters: number;
  plannedHearingBooths: number;
}

export interface ApplicationsFilter { status?: string | null; provinceId?: string | null; page: number; pageSize: number }

export const applicationsQueryOptions = (filter: ApplicationsFilter) =>
  queryOptions({
    queryKey: ['office-applications', 'list', filter],
    queryFn: ({ signal }) => api<{ items: OfficeApplication[]; total: number; page: number; pageSize: number }>('/api/v1/office-applications', { params: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
export const useApplications = (filter: ApplicationsFilter, enabled = true) => useQuery({ ...applicationsQueryOptions(filter), enabled });

export const applicationQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['office-applications', 'one', id], queryFn: ({ signal }) => api<OfficeApplication>(`/api/v1/office-applications/${id}`, { signal }) });
export const useApplication = (id: string) => useQuery(applicationQueryOptions(id));

function useApplicationMutation<I>(fn: (input: I) => Promise<OfficeApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['office-applications'] }), queryClient.invalidateQueries({ queryKey: ['offices'] })]),
  });
}

export const useSubmitApplication = () => useApplicationMutation((input: ApplicationInput) => api<OfficeApplication>('/api/v1/office-applications', { method: 'POST', body: input }));
export const useReviewApplication = (id: string) =>
  useApplicationMutation((input: { recommend: boolean; note?: string }) => api<OfficeApplication>(`/api/v1/office-applications/${id}/review`, { method: 'POST', body: input }));
export const useDecideApplication = (id: string) =>
  useApplicationMutation((input: { approve: boolean; note?: string }) => api<OfficeApplication>(`/api/v1/office-applications/${id}/decide`, { method: 'POST', body: input }));

export interface City { id: number; name: LocalizedText }
export const citiesQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['geo', 'cities', provinceId],
    queryFn: ({ signal }) => api<{ items: City[] }>(`/api/v1/geo/provinces/${provinceId}/cities`, { signal }),
    enabled: !!provinceId,
    staleTime: 60 * 60_000,
  });
export const useCities = (provinceId: string | null) => useQuery(citiesQueryOptions(provinceId));
