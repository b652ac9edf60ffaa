/** The siting API: candidate locations of a province, optimizer runs (new and saved). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '#web/app/api-client.ts';
import type { candidateSchema, sitingRunListItem, sitingRunSchema } from '#server/modules/network/siting/schemas';

/** The wire types, from the server's own schemas (types only: nothing of zod reaches the bundle). */
export type Candidate = z.infer<typeof candidateSchema>;
export type SitingRun = z.infer<typeof sitingRunSchema>;
export type SitingRunListItem = z.infer<typeof sitingRunListItem>;

/** What the form sends. */
export interface SitingInput {
  provinceId: number | null;
  radiusKm: number;
  k: number;
  solver: 'heuristic' | 'exact';
  candidates: 'cities' | 'sites' | 'both';
  breakEvenVolume?: number | null;
}

export interface SiteInput {
  provinceId: number;
  name: string;
  lat: number;
  lon: number;
  note: string;
}

const keys = {
  candidates: (provinceId: number | null) => ['siting', 'candidates', provinceId] as const,
  runs: ['siting', 'runs'] as const,
  run: (id: number | null) => ['siting', 'run', id] as const,
};

export function useCandidates(provinceId: number | null) {
  return useQuery({
    queryKey: keys.candidates(provinceId),
    queryFn: ({ signal }) =>
      api<{ items: Candidate[] }>('/api/v1/geo/siting/candidates', { params: { provinceId }, signal }),
    enabled: provinceId != null,
  });
}

export function useAddSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteInput) =>
      api<Candidate>('/api/v1/geo/siting/candidates', { method: 'POST', body: { ...input } }),
    onSuccess: (site) => void queryClient.invalidateQueries({ queryKey: keys.candidates(site.provinceId) }),
  });
}

export function useRemoveSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (site: Candidate) => api<null>(`/api/v1/geo/siting/candidates/${site.siteId}`, { method: 'DELETE' }),
    onSuccess: (_, site) => void queryClient.invalidateQueries({ queryKey: keys.candidates(site.provinceId) }),
  });
}

export function useRunSiting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SitingInput) => {
      const body: Record<string, unknown> = {
        radiusKm: input.radiusKm,
        k: input.k,
        solver: input.solver,
        candidates: input.candidates,
      };
      if (input.provinceId != null) body.provinceId = input.provinceId;
      if (input.breakEvenVolume != null) body.breakEvenVolume = input.breakEvenVolume;
      return api<SitingRun>('/api/v1/geo/siting/runs', { method: 'POST', body });
    },
    onSuccess: (run) => {
      queryClient.setQueryData(keys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: keys.runs });
    },
  });
}

export function useSavedRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.runs, page, pageSize],
    queryFn: ({ signal }) =>
      api<{ items: SitingRunListItem[]; total: number; page: number; pageSize: number }>('/api/v1/geo/siting/runs', {
        params: { page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSavedRun(id: number | null) {
  return useQuery({
    queryKey: keys.run(id),
    queryFn: ({ signal }) => api<SitingRun>(`/api/v1/geo/siting/runs/${id}`, { signal }),
    enabled: id != null,
    staleTime: Infinity,
  });
}
