import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Role, RoleGrant } from '#web/app/auth.tsx';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  nationalId: string;
  mobile: string;
  roles: RoleGrant[];
  locked: boolean;
  createdAt: string;
}

export interface UsersPage {
  items: StaffUser[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UsersFilter {
  q?: string;
  role?: Role | null;
  officeId?: string | null;
  provinceId?: string | null;
  page: number;
  pageSize: number;
}

export function getUsers(filter: UsersFilter, signal?: AbortSignal): Promise<UsersPage> {
  return api('/api/v1/users', { params: { ...filter }, signal });
}

export const usersQueryOptions = (filter: UsersFilter) =>
  queryOptions({
    queryKey: ['users', 'list', filter],
    queryFn: ({ signal }) => getUsers(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(filter: UsersFilter) {
  return useQuery(usersQueryOptions(filter));
}
