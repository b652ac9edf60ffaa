/**
 * Reference data several areas show (provinces, offices for pickers). Kept here rather than in a
 * feature because features never import each other.
 */
import { queryOptions } from '@tanstack/react-query';
import { call } from '#web/app/api-client.ts';

export const provincesQueryOptions = () =>
  queryOptions({
    queryKey: ['geo', 'provinces'],
    queryFn: ({ signal }) => call('geo.provinces', {}, { signal }),
    staleTime: 60 * 60_000,
  });

export const officeOptionsQueryOptions = (params: { q?: string; provinceId?: string | null }) =>
  queryOptions({
    queryKey: ['offices', 'options', params],
    queryFn: ({ signal }) =>
      call(
        'offices.directory',
        { query: { q: params.q, provinceId: params.provinceId ?? undefined, pageSize: 50 } },
        { signal },
      ),
    staleTime: 5 * 60_000,
  });
