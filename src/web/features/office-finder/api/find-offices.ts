/** The finder's reads: the nearest offices for a service and place, and a province's cities for the place picker. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';
import type { FinderResult } from '#server/modules/network/finder/schemas';

export type { FinderResult };
export type FinderOffice = FinderResult['items'][number];
export type OpeningPeriod = FinderOffice['openingHours'][number];

/** A search as the page sends it: a service and either a point or a city / province. */
export interface FinderSearch {
  service: string;
  lat?: number;
  lon?: number;
  cityId?: number;
  provinceId?: number;
  limit?: number;
}

const finderQuery = (search: FinderSearch | null) =>
  queryOptions({
    queryKey: ['geo', 'finder', search],
    queryFn: ({ signal }) => api<FinderResult>('/api/v1/geo/finder', { params: { ...search }, signal }),
    enabled: !!search,
    // Opening states change by the minute; a result is fresh for one.
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export const useFinder = (search: FinderSearch | null) => useQuery(finderQuery(search));

export interface CityOption {
  id: number;
  name: LocalizedText;
  countyId: number | null;
}

export const useCities = (provinceId: string | null) =>
  useQuery({
    queryKey: ['geo', 'cities', provinceId],
    queryFn: ({ signal }) => api<{ items: CityOption[] }>(`/api/v1/geo/provinces/${provinceId}/cities`, { signal }),
    enabled: !!provinceId,
    staleTime: 60 * 60_000,
  });
