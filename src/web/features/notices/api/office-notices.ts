import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

/** The citizen and their consent for `notice-page`. */
export type ConsentRef = CallInput<'notices.openAtOffice'>['body'];

/** A notice of the citizen as the office lists it. */
export type OfficeNotice = CallResult<'notices.atOffice'>['items'][number];

const officeNoticesKey = ['notices', 'office'] as const;

const officeNoticesQueryOptions = (ref: ConsentRef | null) =>
  queryOptions({
    queryKey: [...officeNoticesKey, ref],
    queryFn: ({ signal }) => call('notices.atOffice', { query: ref! }, { signal }),
    enabled: ref != null,
    retry: false,
  });

export function useOfficeNotices(ref: ConsentRef | null) {
  return useQuery(officeNoticesQueryOptions(ref));
}

export function useOpenAtOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, ...body }: ConsentRef & { noticeId: number }) =>
      call('notices.openAtOffice', { params: { id: noticeId }, headers: {}, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: officeNoticesKey }),
  });
}
