/** The calculator's reads: the count of a limit from a delivery, and each kind of notice's limit. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type DeadlineResult = CallResult<'notices.computeDeadline'>;

/** What the page asks, as kept in its address: an amount and a unit, or a kind (abroad or not). */
export type DeadlineQuestion = CallInput<'notices.computeDeadline'>['body'];

// A count is a pure computation: asked with POST (its body has a shape), cached like a read.
const deadlineQueryOptions = (question: DeadlineQuestion | null) =>
  queryOptions({
    queryKey: ['deadlines', 'compute', question],
    queryFn: ({ signal }) => call('notices.computeDeadline', { body: question! }, { signal }),
    enabled: !!question,
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });

export const useDeadline = (question: DeadlineQuestion | null) => useQuery(deadlineQueryOptions(question));

const deadlineRulesQueryOptions = () =>
  queryOptions({
    queryKey: ['deadlines', 'rules'],
    queryFn: ({ signal }) => call('notices.publicDeadlineRules', {}, { signal }),
    staleTime: 60 * 60_000,
  });

export const useDeadlineRules = () => useQuery(deadlineRulesQueryOptions());
