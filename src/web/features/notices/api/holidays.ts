import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface Holiday {
  day: string;
  jalali: string;
  titleFa: string;
  titleEn: string;
  computed: boolean;
  weekday: number;
}

export function getHolidays(year: number, signal?: AbortSignal): Promise<{ year: number; items: Holiday[] }> {
  return api('/api/v1/holidays', { params: { year }, signal });
}

export const holidaysQueryOptions = (year: number) =>
  queryOptions({ queryKey: ['notices', 'holidays', year], queryFn: ({ signal }) => getHolidays(year, signal), placeholderData: keepPreviousData });

export function useHolidays(year: number) {
  return useQuery(holidaysQueryOptions(year));
}

export function useAddHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; titleFa: string; titleEn: string }) => api<Holiday>('/api/v1/holidays', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', 'holidays'] }),
  });
}

export function useRemoveHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jalali: string) => api<void>(`/api/v1/holidays/${encodeURIComponent(jalali)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', 'holidays'] }),
  });
}
