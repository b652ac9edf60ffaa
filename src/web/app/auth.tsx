/**
 * The signed-in person, read from `identity.me` (GET /api/v1/auth/me) and kept in the query cache under
 * ME_QUERY_KEY (null = signed out). Sign-in and sign-out mutations write that key directly.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ROLES } from '#server/platform/auth/values';
import { type CallResult, call, isApiError } from './api-client';

export { ROLES };
export type Role = (typeof ROLES)[number];

/** Server ids are numbers today; the UI treats them as opaque (`String(id)` for form controls). */
export type Id = number | string;

/** The signed-in person as `identity.me` answers: roles with their scopes. */
export type CurrentUser = CallResult<'identity.me'>['user'];
export type RoleGrant = CurrentUser['roles'][number];

export const ME_QUERY_KEY = ['auth', 'me'] as const;

async function getMe(): Promise<CurrentUser | null> {
  try {
    const data = await call('identity.me');
    return data.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

const meQueryOptions = () => queryOptions({ queryKey: ME_QUERY_KEY, queryFn: getMe, staleTime: 5 * 60_000 });

export function useAuth() {
  const queryClient = useQueryClient();
  const query = useQuery(meQueryOptions());
  const user = query.data ?? null;
  const setUser = useCallback(
    (next: CurrentUser | null) => {
      if (next === null) {
        queryClient.clear();
      }
      queryClient.setQueryData(ME_QUERY_KEY, next);
    },
    [queryClient],
  );
  return {
    user,
    isLoading: query.isPending,
    error: query.error,
    setUser,
    hasRole: (...roles: Role[]) => !!user && user.roles.some((g) => roles.includes(g.role)),
  };
}
