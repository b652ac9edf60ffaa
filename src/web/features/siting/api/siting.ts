/** The siting API: candidate locations of a province, optimizer runs (new and saved). */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Candidate = CallResult<'network.candidates'>['items'][number];
export type SitingRun = CallResult<'network.sitingRun'>;
export type SitingRunListItem = CallResult<'network.sitingRuns'>['items'][number];

/** What the form sends. */
export type SitingInput = CallInput<'network.runSiting'>['body'];

const keys = {
  candidates: (provinceId: number | null) => ['siting', 'candidates', provinceId] as const,
  runs: ['siting', 'runs'] as const,
  run: (id: number | null) => ['siting', 'run', id] as const,
};

const candidatesQueryOptions = (provinceId: number | null) =>
  queryOptions({
    queryKey: keys.candidates(provinceId),
    queryFn: ({ signal }) => call('network.candidates', { query: { provinceId } }, { signal }),
    enabled: provinceId != null,
  });

const savedRunsQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...keys.runs, page, pageSize],
    queryFn: ({ signal }) => call('network.sitingRuns', { query: { page, pageSize } }, { signal }),
    placeholderData: keepPreviousData,
  });

const savedRunQueryOptions = (id: number | null) =>
  queryOptions({
    queryKey: keys.run(id),
    queryFn: ({ signal }) => call('network.sitingRun', { params: { id } }, { signal }),
    enabled: id != null,
    staleTime: Infinity,
  });

export const useCandidates = (provinceId: number | null) => useQuery(candidatesQueryOptions(provinceId));

export function useAddSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<'network.addCandidate'>['body']) => call('network.addCandidate', { body }),
    onSuccess: (site) => void queryClient.invalidateQueries({ queryKey: keys.candidates(site.provinceId) }),
  });
}

export function useRemoveSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (site: Candidate) => call('network.removeCandidate', { params: { id: site.siteId } }),
    onSuccess: (_, site) => void queryClient.invalidateQueries({ queryKey: keys.candidates(site.provinceId) }),
  });
}

export function useRunSiting() {
  const queryClient = useQueryClient();
  return useMutation({
    // The whole country is asked for without a province.
    mutationFn: (input: SitingInput) =>
      call('network.runSiting', { body: { ...input, provinceId: input.provinceId ?? undefined } }),
    onSuccess: (run) => {
      queryClient.setQueryData(keys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: keys.runs });
    },
  });
}

export const useSavedRuns = (page: number, pageSize: number) => useQuery(savedRunsQueryOptions(page, pageSize));

export const useSavedRun = (id: number | null) => useQuery(savedRunQueryOptions(id));
