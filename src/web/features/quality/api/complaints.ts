/** Complaints: the caller's list, filing one, the manager's answer and the association's decision. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Complaint = CallResult<'quality.complaint'>;
type ComplaintsQuery = CallInput<'quality.complaints'>['query'];

const complaintsQueryOptions = (query: ComplaintsQuery) =>
  queryOptions({
    queryKey: ['quality', 'complaints', query],
    queryFn: ({ signal }) => call('quality.complaints', { query }, { signal }),
  });

export const useComplaints = (query: ComplaintsQuery, enabled = true) =>
  useQuery({ ...complaintsQueryOptions(query), enabled });

function useComplaintMutation<T>(fn: (body: T) => Promise<Complaint>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['quality'] }) });
}

export const useFileComplaint = () =>
  useComplaintMutation((body: CallInput<'quality.fileComplaint'>['body']) => call('quality.fileComplaint', { body }));

export const useAnswerComplaint = (id: number) =>
  useComplaintMutation((body: CallInput<'quality.answerComplaint'>['body']) =>
    call('quality.answerComplaint', { params: { id }, body }),
  );

export const useDecideComplaint = (id: number) =>
  useComplaintMutation((body: CallInput<'quality.decideComplaint'>['body']) =>
    call('quality.decideComplaint', { params: { id }, body }),
  );

/** At an office: the citizen the complaint is filed for, by national ID. */
export const useCitizenLookup = () =>
  useMutation({ mutationFn: (nationalId: string) => call('eaccounts.lookup', { query: { nationalId } }) });
