import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type CallInput, type CallResult, call } from '#web/app/api-client.ts';

export type StaffUser = CallResult<'identity.users'>['items'][number];
export type UsersFilter = CallInput<'identity.users'>['query'];

const usersQueryOptions = (filter: UsersFilter) =>
  queryOptions({
    queryKey: ['users', 'list', filter],
    queryFn: ({ signal }) => call('identity.users', { query: filter }, { signal }),
    placeholderData: keepPreviousData,
  });

export function useUsers(filter: UsersFilter) {
  return useQuery(usersQueryOptions(filter));
}
