/** The network map's reads: figures per province and county, offices on the map, viability. */
import { queryOptions } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

export type Distribution = CallResult<'network.distribution'>;
export type ProvinceFigures = Distribution['provinces'][number];
export type ProvinceDetail = CallResult<'network.provinceDistribution'>;
export type CountyFigures = ProvinceDetail['counties'][number];
export type OfficesMap = CallResult<'network.officesMap'>;
export type OfficeViability = CallResult<'network.viability'>['items'][number];

export const distributionQueryOptions = (distanceKm: number) =>
  queryOptions({
    queryKey: ['geo', 'distribution', distanceKm],
    queryFn: ({ signal }) => call('network.distribution', { query: { distanceKm } }, { signal }),
    staleTime: 5 * 60_000,
  });

export const provinceDetailQueryOptions = (provinceId: number | null, distanceKm: number) =>
  queryOptions({
    queryKey: ['geo', 'distribution', 'province', provinceId, distanceKm],
    queryFn: ({ signal }) =>
      call('network.provinceDistribution', { params: { id: provinceId }, query: { distanceKm } }, { signal }),
    enabled: provinceId != null,
    staleTime: 5 * 60_000,
  });

export const officesMapQueryOptions = () =>
  queryOptions({
    queryKey: ['geo', 'offices-map'],
    queryFn: ({ signal }) => call('network.officesMap', { query: {} }, { signal }),
    staleTime: 5 * 60_000,
  });

export const viabilityQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['geo', 'viability', provinceId],
    queryFn: ({ signal }) => call('network.viability', { query: { provinceId: provinceId || undefined } }, { signal }),
    staleTime: 5 * 60_000,
  });
