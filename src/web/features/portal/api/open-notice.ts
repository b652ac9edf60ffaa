import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '#web/app/api-client.ts';
import type { OpenedNotice } from './types';

/** Reading the notice is its delivery: the server records it on the first GET by its recipient. */
function openNotice(id: string, signal?: AbortSignal): Promise<OpenedNotice> {
  return api(`/api/v1/me/notices/${encodeURIComponent(id)}`, { signal });
}

const openNoticeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['portal', 'notice', id],
    queryFn: ({ signal }) => openNotice(id, signal),
    staleTime: 60_000,
    retry: false,
  });

export function useOpenNotice(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery(openNoticeQueryOptions(id));
  const delivered = query.data?.delivered;
  // Once opened, the overview's delivered state and deadline change.
  useEffect(() => {
    if (delivered) void queryClient.invalidateQueries({ queryKey: ['portal', 'overview'] });
  }, [delivered, queryClient]);
  return query;
}
