import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

interface HolidayPart {
  titleFa: string;
  titleEn: string;
  /** solar: fixed by law; lunar: computed from the tabular Hijri calendar; added: by an admin. */
  origin: 'solar' | 'lunar' | 'added';
  /** False for a computed lunar holiday not yet checked against the official calendar. */
  confirmed: boolean;
  hijri: string | null;
  computedDay: string | null;
  computedDayJalali: string | null;
}

export interface Holiday {
  day: string;
  jalali: string;
  titleFa: string;
  titleEn: string;
  computed: boolean;
  weekday: number;
  holidays: HolidayPart[];
}

export interface RemovedHoliday {
  day: string;
  jalali: string;
  titleFa: string;
  titleEn: string;
}

function getHolidays(
  year: number,
  signal?: AbortSignal,
): Promise<{ year: number; items: Holiday[]; removed: RemovedHoliday[] }> {
  return api('/api/v1/holidays', { params: { year }, signal });
}

const holidaysQueryOptions = (year: number) =>
  queryOptions({
    queryKey: ['notices', 'holidays', year],
    queryFn: ({ signal }) => getHolidays(year, signal),
    placeholderData: keepPreviousData,
  });

export function useHolidays(year: number) {
  return useQuery(holidaysQueryOptions(year));
}

function useHolidayChange<I>(mutationFn: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', 'holidays'] }),
  });
}

export const useAddHoliday = () =>
  useHolidayChange((input: { date: string; titleFa: string; titleEn: string }) =>
    api<Holiday>('/api/v1/holidays', { method: 'POST', body: input }),
  );

export const useRemoveHoliday = () =>
  useHolidayChange((jalali: string) =>
    api<void>(`/api/v1/holidays/${encodeURIComponent(jalali)}`, { method: 'DELETE' }),
  );

/** Confirms the computed lunar holiday on a day against the official calendar. */
export const useConfirmLunar = () =>
  useHolidayChange((jalali: string) =>
    api<Holiday>(`/api/v1/holidays/${encodeURIComponent(jalali)}/confirm`, { method: 'POST' }),
  );

/** Moves the lunar holiday on a day to its official day. */
export const useMoveLunar = () =>
  useHolidayChange((input: { from: string; to: string }) =>
    api<Holiday>(`/api/v1/holidays/${encodeURIComponent(input.from)}/move`, { method: 'POST', body: { to: input.to } }),
  );
