/** Each office's quality score for a Jalali month (the caller's scope), and one office's with its reasons and trend. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

type QualityScoresList = CallResult<'quality.scores'>;
export type OfficeQualityScore = CallResult<'quality.officeScore'>;
export type ScoreRow = QualityScoresList['offices'][number];

type ListQuery = CallInput<'quality.scores'>['query'];

const scoresQueryOptions = (query: ListQuery) =>
  queryOptions({
    queryKey: ['quality', 'scores', query],
    queryFn: ({ signal }) => call('quality.scores', { query }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useQualityScores = (query: ListQuery) => useQuery(scoresQueryOptions(query));

const officeScoreQueryOptions = (id: number, month: string) =>
  queryOptions({
    queryKey: ['quality', 'office-score', id, month],
    queryFn: ({ signal }) => call('quality.officeScore', { params: { id }, query: { month } }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useOfficeQualityScore = (id: number, month: string) => useQuery(officeScoreQueryOptions(id, month));
