/** The finder's reads: the nearest offices for a service and place, and a province's cities for the place picker. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type FinderResult = CallResult<'network.finder'>;
export type FinderOffice = FinderResult['items'][number];
export type OpeningPeriod = FinderOffice['openingHours'][number];

/** A search as the page sends it: a service and either a point or a city / province. */
export type FinderSearch = CallInput<'network.finder'>['query'];

const finderQueryOptions = (search: FinderSearch | null) =>
  queryOptions({
    queryKey: ['geo', 'finder', search],
    queryFn: ({ signal }) => call('network.finder', { query: search! }, { signal }),
    enabled: !!search,
    // Opening states change by the minute; a result is fresh for one.
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export const useFinder = (search: FinderSearch | null) => useQuery(finderQueryOptions(search));

const citiesQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['geo', 'cities', provinceId],
    queryFn: ({ signal }) => call('geo.cities', { params: { id: provinceId } }, { signal }),
    enabled: !!provinceId,
    staleTime: 60 * 60_000,
  });

export const useCities = (provinceId: string | null) => useQuery(citiesQueryOptions(provinceId));
