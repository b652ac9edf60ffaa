import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Holiday = CallResult<'notices.holidays'>['items'][number];

const holidaysKey = ['notices', 'holidays'] as const;

const holidaysQueryOptions = (year: number) =>
  queryOptions({
    queryKey: [...holidaysKey, year],
    queryFn: ({ signal }) => call('notices.holidays', { query: { year } }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useHolidays(year: number) {
  return useQuery(holidaysQueryOptions(year));
}

function useHolidayChange<I>(mutationFn: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: holidaysKey }),
  });
}

export const useAddHoliday = () =>
  useHolidayChange((body: CallInput<'notices.addHoliday'>['body']) => call('notices.addHoliday', { body }));

export const useRemoveHoliday = () =>
  useHolidayChange((date: string) => call('notices.removeHoliday', { params: { date } }));

/** Confirms the computed lunar holiday on a day against the official calendar. */
export const useConfirmLunar = () =>
  useHolidayChange((date: string) => call('notices.confirmHoliday', { params: { date } }));

/** Moves the lunar holiday on a day to its official day. */
export const useMoveLunar = () =>
  useHolidayChange((input: { from: string; to: string }) =>
    call('notices.moveHoliday', { params: { date: input.from }, body: { to: input.to } }),
  );
