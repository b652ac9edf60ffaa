import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type OfficesPage = CallResult<'offices.directory'>;
export type Office = OfficesPage['items'][number];
/** One weekly opening period: day 0 is Saturday … 6 Friday; times HH:MM. */
export type OpeningPeriod = Office['openingHours'][number];

/** The directory's filter as the page keeps it (no province or service is null). */
export type OfficesFilter = Omit<CallInput<'offices.directory'>['query'], 'provinceId' | 'service'> & {
  provinceId?: string | null;
  service?: string | null;
  page: number;
  pageSize: number;
};

function getOffices(filter: OfficesFilter, signal?: AbortSignal): Promise<OfficesPage> {
  return call('offices.directory', { query: { ...filter, service: filter.service ?? undefined } }, { signal });
}

const officesQueryOptions = (filter: OfficesFilter) =>
  queryOptions({
    queryKey: ['offices', 'list', filter],
    queryFn: ({ signal }) => getOffices(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useOffices(filter: OfficesFilter) {
  return useQuery(officesQueryOptions(filter));
}
