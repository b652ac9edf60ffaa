import { queryOptions, useQuery } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

/** A notice's deadline, as the overview and an opened notice carry it. */
export type Deadline = NonNullable<CallResult<'notices.myOverview'>['notices'][number]['deadline']>;

export const overviewKey = ['portal', 'overview'] as const;

const overviewQueryOptions = () =>
  queryOptions({ queryKey: overviewKey, queryFn: ({ signal }) => call('notices.myOverview', {}, { signal }) });

export function useOverview() {
  return useQuery(overviewQueryOptions());
}
