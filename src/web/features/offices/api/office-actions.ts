/** The writes on one office: its profile, its status, its competencies. Each refreshes what it changed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Office, OpeningPeriod } from './get-offices';
import type { OfficeHistory } from './get-office';

export interface ProfileInput {
  phone: string | null;
  address: string;
  location: { lat: number; lon: number } | null;
  openingHours: OpeningPeriod[];
  counters: number;
  hearingBooths: number;
}

export interface StatusInput {
  status: Office['status'];
  reason?: string;
  /** Jalali YYYY-MM-DD. */
  fromDate: string;
  untilDate?: string;
}

export interface CompetencyStatusInput {
  serviceCode: string;
  status: 'active' | 'suspended' | 'withdrawn';
  reason?: string;
}

function useOfficeMutation<I, R>(_id: string, fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['offices'] }) });
}

export const useUpdateProfile = (id: string) =>
  useOfficeMutation(id, (input: ProfileInput) => api<Office>(`/api/v1/offices/${id}/profile`, { method: 'PUT', body: input }));

export const useChangeStatus = (id: string) =>
  useOfficeMutation(id, (input: StatusInput) => api<OfficeHistory>(`/api/v1/offices/${id}/status`, { method: 'POST', body: input }));

export const useChangeCompetency = (id: string) =>
  useOfficeMutation(id, ({ serviceCode, ...body }: CompetencyStatusInput) =>
    api<OfficeHistory>(`/api/v1/offices/${id}/competencies/${encodeURIComponent(serviceCode)}/status`, { method: 'POST', body }));
