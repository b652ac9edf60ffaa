import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, endpointUrl, type CallInput } from '#web/app/api-client.ts';

/** The citizen and their consent for `notice-page`, kept by the page and never shown. */
export type NoticeGrant = CallInput<'notices.openAtOffice'>['body'];

const officeNoticesKey = ['counter', 'notices'] as const;

const officeNoticesQueryOptions = (grant: NoticeGrant | null) =>
  queryOptions({
    queryKey: [...officeNoticesKey, grant],
    queryFn: ({ signal }) => call('notices.atOffice', { query: grant! }, { signal }),
    enabled: grant != null,
    retry: false,
  });

export function useOfficeNotices(grant: NoticeGrant | null) {
  return useQuery(officeNoticesQueryOptions(grant));
}

export function useOpenAtOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, ...body }: NoticeGrant & { noticeId: number }) =>
      call('notices.openAtOffice', { params: { id: noticeId }, headers: {}, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: officeNoticesKey }),
  });
}

/** A notice the office has opened for the citizen, as a PDF to print for them (under the same consent). */
export const officeNoticePdfUrl = (noticeId: number, grant: NoticeGrant) =>
  endpointUrl('notices.noticePdfAtOffice', { params: { id: noticeId }, query: grant });
