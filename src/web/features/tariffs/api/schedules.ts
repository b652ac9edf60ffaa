import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '#web/app/api-client.ts';
import type { changesReferenceSchema, lineChangeSchema, scheduleSchema, scheduleSummarySchema } from '#server/modules/tariffs/schemas';

/** The wire types of answers, from the server's own schemas (types only: nothing of zod reaches the bundle). */
export type ScheduleSummary = z.infer<typeof scheduleSummarySchema>;
export type ScheduleState = ScheduleSummary['state'];
export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleLine = Schedule['lines'][number];
export type LineChange = z.infer<typeof lineChangeSchema>;
export interface ScheduleChanges { reference: z.infer<typeof changesReferenceSchema> | null; items: LineChange[] }

export interface DraftLineInput { code: string; amountRials: number; onlineAmountRials?: number | null }
export interface NewDraft {
  code: string; titleFa: string; titleEn: string; effectiveFrom: string; effectiveTo?: string; source: string; note?: string;
  basedOnId?: number; indexation?: { ratePercent: number; roundingRials?: number; mode: 'nearest' | 'up' }; lines?: DraftLineInput[];
}
export interface DraftEdit {
  titleFa?: string; titleEn?: string; effectiveFrom?: string; effectiveTo?: string | null; source?: string; note?: string;
  lines?: DraftLineInput[]; removeLines?: string[];
}
export interface IndexationPreviewInput { basedOnId: number; ratePercent: number; roundingRials?: number; mode: 'nearest' | 'up' }
export interface IndexationPreview { basedOn: { id: number; code: string; titleFa: string; titleEn: string }; ratePercent: number; roundingRials: number | null; mode: 'nearest' | 'up'; items: LineChange[] }

const KEY = ['tariffs', 'schedules'] as const;

export const schedulesQueryOptions = (status: 'approved' | 'draft' | 'all') =>
  queryOptions({ queryKey: [...KEY, 'list', status], queryFn: ({ signal }) => api<{ items: ScheduleSummary[] }>(`/api/v1/tariffs/schedules?status=${status}`, { signal }) });

export function useSchedules(status: 'approved' | 'draft' | 'all') {
  return useQuery(schedulesQueryOptions(status));
}

export function useSchedule(id: number) {
  return useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api<Schedule>(`/api/v1/tariffs/schedules/${id}`, { signal }), enabled: Number.isFinite(id) });
}

export function useScheduleChanges(id: number) {
  return useQuery({ queryKey: [...KEY, id, 'changes'], queryFn: ({ signal }) => api<ScheduleChanges>(`/api/v1/tariffs/schedules/${id}/changes`, { signal }), enabled: Number.isFinite(id) });
}

/** The live preview of an indexation; no request until a base and a rate are chosen. */
export function useIndexationPreview(input: IndexationPreviewInput | null) {
  return useQuery({
    queryKey: [...KEY, 'preview', input],
    queryFn: ({ signal }) => api<IndexationPreview>('/api/v1/tariffs/indexation-preview', { method: 'POST', body: input, signal }),
    enabled: input != null,
    placeholderData: (previous) => previous,
  });
}

export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewDraft) => api<Schedule>('/api/v1/tariffs/schedules', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEditDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DraftEdit) => api<Schedule>(`/api/v1/tariffs/schedules/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/v1/tariffs/schedules/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useApproveSchedule(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Schedule>(`/api/v1/tariffs/schedules/${id}/approve`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tariffs'] }),
  });
}
