import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Id, Role, RoleGrant } from '#web/app/auth.tsx';

export interface StaffUser {
  id: Id;
  username: string;
  displayName: string;
  nationalId: string;
  mobile: string;
  roles: RoleGrant[];
  /** locked after too many failed sign-ins */
  locked?: boolean;
  /** switched off by an administrator */
  disabled?: boolean;
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

function getUsers(filter: UsersFilter, signal?: AbortSignal): Promise<UsersPage> {
  return api('/api/v1/users', { params: { ...filter }, signal });
}

const usersQueryOptions = (filter: UsersFilter) =>
  queryOptions({
    queryKey: ['users', 'list', filter],
    queryFn: ({ signal }) => getUsers(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(filter: UsersFilter) {
  return useQuery(usersQueryOptions(filter));
}
