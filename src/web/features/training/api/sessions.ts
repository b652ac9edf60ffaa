import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type CourseSession = CallResult<'operators.sessions'>['items'][number];
export type SessionInput = CallInput<'operators.createSession'>['body'];
type AttendanceEntries = CallInput<'operators.recordAttendance'>['body']['entries'];

const sessionsQueryOptions = (params: { upcoming?: boolean; courseId?: number } = {}) =>
  queryOptions({
    queryKey: ['training', 'sessions', params],
    queryFn: ({ signal }) =>
      call(
        'operators.sessions',
        { query: { upcoming: params.upcoming ? 'true' : undefined, courseId: params.courseId } },
        { signal },
      ),
  });

export function useSessions(params: { upcoming?: boolean; courseId?: number } = {}) {
  return useQuery(sessionsQueryOptions(params));
}

const sessionQueryOptions = (id: number | null) =>
  queryOptions({
    queryKey: ['training', 'session', id],
    queryFn: ({ signal }) => call('operators.session', { params: { id: id ?? 0 } }, { signal }),
    enabled: id != null,
  });

export function useSession(id: number | null) {
  return useQuery(sessionQueryOptions(id));
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => call('operators.createSession', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, userId }: { sessionId: number; userId?: number }) =>
      call('operators.enrol', { params: { id: sessionId }, body: userId ? { userId } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useCancelEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, userId }: { sessionId: number; userId: number }) =>
      call('operators.cancelEnrolment', { params: { id: sessionId, userId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useRecordAttendance(sessionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceEntries) =>
      call('operators.recordAttendance', { params: { id: sessionId }, body: { entries } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

const myTrainingQueryOptions = (enabled = true) =>
  queryOptions({
    queryKey: ['training', 'me'],
    queryFn: ({ signal }) => call('operators.myTraining', undefined, { signal }),
    enabled,
  });

export function useMyTraining(enabled = true) {
  return useQuery(myTrainingQueryOptions(enabled));
}
