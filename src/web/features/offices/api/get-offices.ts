import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface Office {
  id: number | string;
  code: string;
  name: LocalizedText;
  province: { id: number | string; name: LocalizedText };
  city: { id: number | string; name: LocalizedText };
  address: string;
  phone: string;
  status: string;
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
