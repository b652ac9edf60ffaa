import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, endpointUrl } from '#web/app/api-client.ts';
import { overviewKey } from './get-overview';

/** Reading the notice is its delivery: the server records it on the first GET by its recipient. */
const openNoticeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['portal', 'notice', id],
    queryFn: ({ signal }) => call('notices.openMine', { params: { id } }, { signal }),
    staleTime: 60_000,
    retry: false,
  });

export function useOpenNotice(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery(openNoticeQueryOptions(id));
  const delivered = query.data?.delivered;
  // Once opened, the overview's delivered state and deadline change.
  useEffect(() => {
    if (delivered) void queryClient.invalidateQueries({ queryKey: overviewKey });
  }, [delivered, queryClient]);
  return query;
}

/** The notice as a printable PDF with the court's name and address (downloading it is delivery too). */
export const noticePdfUrl = (id: number) => endpointUrl('notices.myNoticePdf', { params: { id } });
