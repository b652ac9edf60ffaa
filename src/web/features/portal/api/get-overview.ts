import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Overview } from './types';

function getOverview(signal?: AbortSignal): Promise<Overview> {
  return api('/api/v1/me/overview', { signal });
}

const overviewQueryOptions = () =>
  queryOptions({ queryKey: ['portal', 'overview'], queryFn: ({ signal }) => getOverview(signal) });

export function useOverview() {
  return useQuery(overviewQueryOptions());
}
