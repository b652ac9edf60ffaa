import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';
import type { Office } from './get-offices';

export const officeQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['offices', 'one', id], queryFn: ({ signal }) => api<Office>(`/api/v1/offices/${id}`, { signal }) });

export function useOffice(id: string) {
  return useQuery(officeQueryOptions(id));
}

export interface StatusEvent {
  id: number;
  status: Office['status'];
  reason: string | null;
  fromDate: string;
  untilDate: string | null;
  decidedBy: string | null;
  createdAt: string;
}

export interface Competency {
  serviceCode: string;
  service: LocalizedText;
  status: 'active' | 'suspended' | 'withdrawn';
  validFrom: string;
  validUntil: string | null;
  pilot: boolean;
  reason: string | null;
  inForce: boolean;
}

export interface OfficeHistory {
  office: Office;
  openedOn: string | null;
  applicationId: number | null;
  statusEvents: StatusEvent[];
  competencies: Competency[];
}

export const officeHistoryQueryOptions = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: ['offices', 'history', id],
    queryFn: ({ signal }) => api<OfficeHistory>(`/api/v1/offices/${id}/history`, { signal }),
    enabled,
  });

export function useOfficeHistory(id: string, enabled: boolean) {
  return useQuery(officeHistoryQueryOptions(id, enabled));
}
