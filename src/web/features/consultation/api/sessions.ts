/** The consultant's day: the sessions, the note for the citizen, attendance. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Session = CallResult<'consultation.day'>['items'][number];
export type NoteInput = CallInput<'consultation.note'>['body'];

export const dayQueryOptions = (date: string | null) =>
  queryOptions({
    queryKey: ['consultation', 'day', date],
    queryFn: ({ signal }) => call('consultation.day', { query: date ? { date } : {} }, { signal }),
  });

function useSessionMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultation'] }),
  });
}

export const useWriteNote = () =>
  useSessionMutation(({ id, ...body }: NoteInput & { id: number }) =>
    call('consultation.note', { params: { id }, body }),
  );

export const useAttendance = () =>
  useSessionMutation(({ id, ...body }: CallInput<'consultation.attendance'>['body'] & { id: number }) =>
    call('consultation.attendance', { params: { id }, body }),
  );

/**
 * The STUN and TURN servers for a video session's call (none on one machine: an empty list). Refused
 * when the call is not the person's or not open yet: the call page says so before asking for a camera.
 */
export const callIceServers = (bookingId: number): Promise<RTCIceServer[]> =>
  call('consultation.iceServers', { params: { id: bookingId } }).then((r) => r.iceServers);
