/** The calculator's reads: the count of a limit from a delivery, and each kind of notice's limit. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { DeadlineResult, PublicDeadlineRule } from '#server/modules/notices/deadline-schemas';

export type { DeadlineResult, PublicDeadlineRule };

/** What the page asks, as kept in its address: an amount and a unit, or a kind (abroad or not). */
export type DeadlineQuestion =
  | { deliveredOn: string; amount: number; unit: 'day' | 'week' | 'month' | 'year' }
  | { deliveredOn: string; kind: string; abroad: boolean };

// A count is a pure computation: asked with POST (its body has a shape), cached like a read.
const deadlineQuery = (question: DeadlineQuestion | null) =>
  queryOptions({
    queryKey: ['deadlines', 'compute', question],
    queryFn: ({ signal }) =>
      api<DeadlineResult>('/api/v1/deadlines/compute', { method: 'POST', body: question, signal }),
    enabled: !!question,
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });

export const useDeadline = (question: DeadlineQuestion | null) => useQuery(deadlineQuery(question));

export const useDeadlineRules = () =>
  useQuery({
    queryKey: ['deadlines', 'rules'],
    queryFn: ({ signal }) => api<{ items: PublicDeadlineRule[] }>('/api/v1/deadlines/rules', { signal }),
    staleTime: 60 * 60_000,
  });
