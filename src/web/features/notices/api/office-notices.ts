import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LocalizedText } from '#web/app/api-client.ts';

export interface OfficeNotice {
  id: number;
  kind: string;
  title: string;
  issuedAt: string;
  hearingAt: string | null;
  case: { id: number; caseNumber: string; branch: number; court: { id: number; name: LocalizedText } };
  delivered: boolean;
  deliveredAt: string | null;
  deliveredChannel: 'online' | 'office' | null;
  deadline: {
    days: number;
    lastDay: string;
    movedFrom: string | null;
    daysLeft: number;
    expired: boolean;
    /** Each closed day the last day moved over (Art. 444). */
    moved: { date: string; reason: 'friday' | 'holiday'; title: LocalizedText | null }[];
  } | null;
}

export interface OpenedAtOffice {
  notice: OfficeNotice & { body: string };
  serviceRecordId: number;
  amountRials: number;
  payment: { paymentId: number; receiptNumber: string; redirectUrl: string } | null;
}

export interface ConsentRef {
  citizenId: number;
  consentId: number;
}

const officeNoticesQueryOptions = (ref: ConsentRef | null) =>
  queryOptions({
    queryKey: ['notices', 'office', ref],
    queryFn: ({ signal }) =>
      api<{ items: OfficeNotice[]; total: number }>('/api/v1/counter/notices', { params: { ...ref }, signal }),
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
      api<OpenedAtOffice>(`/api/v1/counter/notices/${noticeId}/open`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices', 'office'] }),
  });
}
