import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { CourtFiling } from './types';

function getCourtFiling(id: string, signal?: AbortSignal): Promise<CourtFiling> {
  return api(`/api/v1/court/filings/${encodeURIComponent(id)}`, { signal });
}

const courtFilingQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['court', 'filing', id], queryFn: ({ signal }) => getCourtFiling(id, signal) });

export function useCourtFiling(id: string) {
  return useQuery(courtFilingQueryOptions(id));
}
