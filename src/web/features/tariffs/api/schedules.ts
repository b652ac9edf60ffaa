import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

/** The wire types of answers and requests, from the contracts (types only: nothing of zod reaches the bundle). */
export type ScheduleSummary = CallResult<'tariffs.schedules'>['items'][number];
export type ScheduleState = ScheduleSummary['state'];
export type Schedule = CallResult<'tariffs.schedule'>;
type ScheduleChanges = CallResult<'tariffs.scheduleChanges'>;
export type LineChange = ScheduleChanges['items'][number];
export type NewDraft = CallInput<'tariffs.createDraft'>['body'];
export type DraftEdit = CallInput<'tariffs.editDraft'>['body'];
export type IndexationPreviewInput = CallInput<'tariffs.indexationPreview'>['body'];
export type PreviewLine = CallResult<'tariffs.indexationPreview'>['items'][number];

const KEY = ['tariffs', 'schedules'] as const;

const schedulesQueryOptions = (status: 'approved' | 'draft' | 'all') =>
  queryOptions({
    queryKey: [...KEY, 'list', status],
    queryFn: ({ signal }) => call('tariffs.schedules', { query: { status } }, { signal }),
  });

export function useSchedules(status: 'approved' | 'draft' | 'all') {
  return useQuery(schedulesQueryOptions(status));
}

export function useSchedule(id: number) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => call('tariffs.schedule', { params: { id } }, { signal }),
    enabled: Number.isFinite(id),
  });
}

export function useScheduleChanges(id: number) {
  return useQuery({
    queryKey: [...KEY, id, 'changes'],
    queryFn: ({ signal }) => call('tariffs.scheduleChanges', { params: { id } }, { signal }),
    enabled: Number.isFinite(id),
  });
}

/** The live preview of an indexation; no request until a base and a rate are chosen. */
export function useIndexationPreview(input: IndexationPreviewInput | null) {
  return useQuery({
    queryKey: [...KEY, 'preview', input],
    queryFn: ({ signal }) => call('tariffs.indexationPreview', { body: input! }, { signal }),
    enabled: input != null,
    placeholderData: (previous) => previous,
  });
}

export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDraft) => call('tariffs.createDraft', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEditDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftEdit) => call('tariffs.editDraft', { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('tariffs.deleteDraft', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useApproveSchedule(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('tariffs.approve', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs'] }),
  });
}
