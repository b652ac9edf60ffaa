/** The network map's reads: figures per province and county, offices on the map, viability. Wire types come from the server's schemas. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '#web/app/api-client.ts';
import type {
  countyFiguresSchema,
  distributionSchema,
  officesMapSchema,
  officeViabilitySchema,
  provinceDetailSchema,
  provinceFiguresSchema,
  viabilityListSchema,
} from '#server/modules/network/distribution/schemas';

export type Distribution = z.infer<typeof distributionSchema>;
export type ProvinceFigures = z.infer<typeof provinceFiguresSchema>;
export type ProvinceDetail = z.infer<typeof provinceDetailSchema>;
export type CountyFigures = z.infer<typeof countyFiguresSchema>;
export type OfficesMap = z.infer<typeof officesMapSchema>;
export type ViabilityList = z.infer<typeof viabilityListSchema>;
export type OfficeViability = z.infer<typeof officeViabilitySchema>;

export const distributionQueryOptions = (distanceKm: number) =>
  queryOptions({
    queryKey: ['geo', 'distribution', distanceKm],
    queryFn: ({ signal }) => api<Distribution>(`/api/v1/geo/distribution?distanceKm=${distanceKm}`, { signal }),
    staleTime: 5 * 60_000,
  });

export const provinceDetailQueryOptions = (provinceId: number | null, distanceKm: number) =>
  queryOptions({
    queryKey: ['geo', 'distribution', 'province', provinceId, distanceKm],
    queryFn: ({ signal }) =>
      api<ProvinceDetail>(`/api/v1/geo/distribution/provinces/${provinceId}?distanceKm=${distanceKm}`, { signal }),
    enabled: provinceId != null,
    staleTime: 5 * 60_000,
  });

export const officesMapQueryOptions = () =>
  queryOptions({
    queryKey: ['geo', 'offices-map'],
    queryFn: ({ signal }) => api<OfficesMap>('/api/v1/geo/offices/map', { signal }),
    staleTime: 5 * 60_000,
  });

export const viabilityQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['geo', 'viability', provinceId],
    queryFn: ({ signal }) =>
      api<ViabilityList>(`/api/v1/geo/viability${provinceId ? `?provinceId=${provinceId}` : ''}`, { signal }),
    staleTime: 5 * 60_000,
  });
