import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface StatsOverview {
  offices: number;
  staff: number;
  citizens: number;
  outboxPending: number;
  scopeLabel: LocalizedText;
}

function getOverview(signal?: AbortSignal): Promise<StatsOverview> {
  return api('/api/v1/stats/overview', { signal });
}

const overviewQueryOptions = () =>
  queryOptions({ queryKey: ['stats', 'overview'], queryFn: ({ signal }) => getOverview(signal) });

export function useOverview() {
  return useQuery(overviewQueryOptions());
}
