import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallResult, endpointUrl } from '#web/app/api-client.ts';

export type BoardReportSummary = CallResult<'stats.boardReports'>['items'][number];

const KEY = ['stats', 'board-reports'];

export function useBoardReports() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => call('stats.boardReports', { query: {} }, { signal }),
  });
}

export function useMakeBoardReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => call('stats.makeBoardReport', { body: { month } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Where a month's report is, as a print view and as PDF. */
export const boardReportUrls = (month: string) => ({
  html: endpointUrl('stats.boardReport', { params: { month } }),
  pdf: endpointUrl('stats.boardReportPdf', { params: { month } }),
});

export type AnnualReportSummary = CallResult<'stats.annualReports'>['items'][number];

const ANNUAL_KEY = ['stats', 'board-reports', 'years'];

export function useAnnualReports() {
  return useQuery({
    queryKey: ANNUAL_KEY,
    queryFn: ({ signal }) => call('stats.annualReports', {}, { signal }),
  });
}

export function useMakeAnnualReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => call('stats.makeAnnualReport', { body: { year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ANNUAL_KEY }),
  });
}

/** Where a year's report is, as a print view and as PDF. */
export const annualReportUrls = (year: number) => ({
  html: endpointUrl('stats.annualReport', { params: { year: String(year) } }),
  pdf: endpointUrl('stats.annualReportPdf', { params: { year: String(year) } }),
});
