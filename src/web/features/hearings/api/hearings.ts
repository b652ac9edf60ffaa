import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type HearingItem = CallResult<'hearings.list'>['items'][number];
export type HearingTransition = CallInput<'hearings.transition'>['body']['transition'];

const hearingsQueryOptions = () =>
  queryOptions({
    queryKey: ['hearings', 'list'],
    queryFn: ({ signal }) => call('hearings.list', { query: {} }, { signal }),
  });

export function useHearings() {
  return useQuery(hearingsQueryOptions());
}

const hearingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['hearings', 'one', id],
    queryFn: ({ signal }) => call('hearings.get', { params: { id } }, { signal }),
  });

export function useHearing(id: number) {
  return useQuery(hearingQueryOptions(id));
}

/** The STUN and TURN servers for the room's peer connections; none (one machine, or the server unreachable) is an empty list. */
export const hearingIceServers = (id: number): Promise<RTCIceServer[]> =>
  call('hearings.iceServers', { params: { id } }).then(
    (r) => r.iceServers,
    () => [],
  );

export function useTransition(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: HearingTransition) =>
      call('hearings.transition', { params: { id }, body: { transition } }),
    onSuccess: (h) => queryClient.setQueryData(['hearings', 'one', id], h),
  });
}

export function useSaveMinutes(id: number) {
  return useMutation({
    mutationFn: (text: string) => call('hearings.minutes', { params: { id }, body: { text } }),
  });
}

export type ScheduleHearingInput = CallInput<'hearings.schedule'>['body'];

/** The case the clerk schedules a hearing for: its number and its parties (from the court desk's reading of it). */
export function useCaseForHearing(caseId: number) {
  return useQuery({
    queryKey: ['hearings', 'case', caseId],
    queryFn: ({ signal }) => call('court.case', { params: { id: caseId } }, { signal }),
    enabled: caseId > 0,
  });
}

export function useJudges(caseId: number) {
  return useQuery({
    queryKey: ['hearings', 'judges', caseId],
    queryFn: ({ signal }) => call('hearings.judges', { query: { caseId } }, { signal }),
    enabled: caseId > 0,
  });
}

export function useScheduleHearing() {
  const queryClient = useQueryClient();
  return useMutation({
    // Each submission carries its own idempotency key, as the contract offers.
    mutationFn: (body: ScheduleHearingInput) =>
      call('hearings.schedule', { body, headers: { 'idempotency-key': crypto.randomUUID() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hearings', 'list'] }),
  });
}

export type BoothBooking = CallResult<'hearings.boothCalendar'>['bookings'][number];

export function useBoothCalendar(officeId: number | null, date: string) {
  return useQuery({
    queryKey: ['hearings', 'booths', officeId, date],
    queryFn: ({ signal }) =>
      call('hearings.boothCalendar', { params: { id: officeId! }, query: { date } as never }, { signal }),
    enabled: officeId != null && !!date,
  });
}

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { hearingId: number; participantId: number; nationalId: string; code: string }) =>
      call('hearings.checkIn', {
        params: { id: v.hearingId, participantId: v.participantId },
        body: { nationalId: v.nationalId, code: v.code },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hearings', 'booths'] }),
  });
}

export type BoothCheck = CallResult<'hearings.boothCheck'>;
export type BoothCheckInput = CallInput<'hearings.boothCheck'>['body'];

/** Records the office's check of a booth's device; the booth calendar then shows it. */
export function useRecordBoothCheck(officeId: number | null, boothNo: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BoothCheckInput) => call('hearings.boothCheck', { params: { id: officeId!, boothNo }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hearings', 'booths'] }),
  });
}
