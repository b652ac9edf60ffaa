/** Each office's measured facts for a Jalali month (the caller's scope), and one office's with its operators. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type QualityFactsList = CallResult<'quality.facts'>;
export type OfficeQualityFacts = CallResult<'quality.officeFacts'>;
export type MonthFacts = OfficeQualityFacts['facts'];

type ListQuery = CallInput<'quality.facts'>['query'];

const factsQueryOptions = (query: ListQuery) =>
  queryOptions({
    queryKey: ['quality', 'facts', query],
    queryFn: ({ signal }) => call('quality.facts', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useQualityFacts = (query: ListQuery) => useQuery(factsQueryOptions(query));

const officeFactsQueryOptions = (id: number, month: string) =>
  queryOptions({
    queryKey: ['quality', 'office', id, month],
    queryFn: ({ signal }) => call('quality.officeFacts', { params: { id }, query: { month } }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useOfficeQualityFacts = (id: number, month: string) => useQuery(officeFactsQueryOptions(id, month));
