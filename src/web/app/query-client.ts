import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';
import { ME_QUERY_KEY } from './auth';

/** An expired session anywhere signs the person out of the UI (RequireAuth then redirects). */
function onUnauthenticated(error: unknown): void {
  if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') {
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
