import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { CourseSession, MyTraining, SessionDetail, SessionInput } from './types';

const sessionsQueryOptions = (params: { upcoming?: boolean; courseId?: number } = {}) =>
  queryOptions({
    queryKey: ['training', 'sessions', params],
    queryFn: ({ signal }) =>
      api<{ items: CourseSession[] }>('/api/v1/training/sessions', {
        params: { upcoming: params.upcoming ? 'true' : undefined, courseId: params.courseId },
        signal,
      }),
  });

export function useSessions(params: { upcoming?: boolean; courseId?: number } = {}) {
  return useQuery(sessionsQueryOptions(params));
}

export function useSession(id: number | null) {
  return useQuery({
    queryKey: ['training', 'session', id],
    queryFn: ({ signal }) => api<SessionDetail>(`/api/v1/training/sessions/${id}`, { signal }),
    enabled: id != null,
  });
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) =>
      api<CourseSession>('/api/v1/training/sessions', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, userId }: { sessionId: number; userId?: number }) =>
      api(`/api/v1/training/sessions/${sessionId}/enrolments`, { method: 'POST', body: userId ? { userId } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useCancelEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, userId }: { sessionId: number; userId: number }) =>
      api<void>(`/api/v1/training/sessions/${sessionId}/enrolments/${userId}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useRecordAttendance(sessionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: { userId: number; status: 'attended' | 'absent'; hours: number }[]) =>
      api<SessionDetail>(`/api/v1/training/sessions/${sessionId}/attendance`, { method: 'POST', body: { entries } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useMyTraining(enabled = true) {
  return useQuery({
    queryKey: ['training', 'me'],
    queryFn: ({ signal }) => api<MyTraining>('/api/v1/training/me', { signal }),
    enabled,
  });
}
