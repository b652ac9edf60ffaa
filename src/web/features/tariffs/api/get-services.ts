import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface CatalogService { code: string; title: LocalizedText; kind: string; channels: 'office' | 'online' | 'both'; inputs: string[] }

export const servicesQueryOptions = () =>
  queryOptions({ queryKey: ['catalog', 'services'], queryFn: ({ signal }) => api<{ items: CatalogService[] }>('/api/v1/catalog/services', { signal }), staleTime: 5 * 60_000 });

export function useServices() {
  return useQuery(servicesQueryOptions());
}
