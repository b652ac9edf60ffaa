import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

/** One weekly opening period: day 0 is Saturday … 6 Friday; times HH:MM. */
export interface OpeningPeriod { day: number; opens: string; closes: string }

export interface Office {
  id: number;
  code: string;
  name: LocalizedText;
  province: { id: number; name: LocalizedText };
  city: { id: number; name: LocalizedText };
  address: string;
  phone: string | null;
  status: 'active' | 'suspended' | 'closed';
  location: { lat: number; lon: number } | null;
  openingHours: OpeningPeriod[];
  counters: number;
  hearingBooths: number;
  /** Catalog services the office may offer today. */
  services: string[];
}

export interface OfficesPage {
  items: Office[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OfficesFilter {
  provinceId?: string | null;
  q?: string;
  service?: string | null;
  page: number;
  pageSize: number;
}

export function getOffices(filter: OfficesFilter, signal?: AbortSignal): Promise<OfficesPage> {
  return api('/api/v1/offices', { params: { ...filter }, signal });
}

export const officesQueryOptions = (filter: OfficesFilter) =>
  queryOptions({
    queryKey: ['offices', 'list', filter],
    queryFn: ({ signal }) => getOffices(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useOffices(filter: OfficesFilter) {
  return useQuery(officesQueryOptions(filter));
}
