import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Proposal = CallResult<'proposals.get'>;
export type ProposalClock = Proposal['clocks']['completeness'];
export type PublicProposal = CallResult<'proposals.inReview'>['items'][number];
export type ProposalInput = CallInput<'proposals.submit'>['body'];
export type DecisionInput = CallInput<'proposals.decide'>['body'];

/** The proposals' value lists: the server's. */
export { PROPOSAL_KINDS, PROPOSAL_OUTCOMES } from '#server/modules/proposals/values';

export const useProposals = (open: boolean) =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'list', open],
      queryFn: ({ signal }) => call('proposals.list', { query: open ? { open: 'true' } : {} }, { signal }),
    }),
  );

export const useProposal = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'one', id],
      queryFn: ({ signal }) => call('proposals.get', { params: { id } }, { signal }),
    }),
  );

export const useProposalsInReview = () =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'in-review'],
      queryFn: ({ signal }) => call('proposals.inReview', {}, { signal }),
    }),
  );

/** The board's figures for a Jalali year (the server's current one when none is named). */
export const useProposalDashboard = (year?: number) =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'dashboard', year ?? null],
      queryFn: ({ signal }) => call('proposals.dashboard', { query: year ? { year } : {} }, { signal }),
    }),
  );

function useProposalMutation<I>(fn: (input: I) => Promise<Proposal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  });
}

export const useSubmitProposal = () =>
  useProposalMutation(({ body, key }: { body: ProposalInput; key: string }) =>
    call('proposals.submit', { body, headers: { 'idempotency-key': key } }),
  );
export const useAcknowledgeProposal = (id: string) =>
  useProposalMutation(() => call('proposals.acknowledge', { params: { id } }));
export const useRequestInfo = (id: string) =>
  useProposalMutation((question: string) => call('proposals.requestInfo', { params: { id }, body: { question } }));
export const useAnswerInfo = (id: string) =>
  useProposalMutation(({ requestId, answer }: { requestId: number; answer: string }) =>
    call('proposals.answerInfo', { params: { id, requestId }, body: { answer } }),
  );
export const useCompleteProposal = (id: string) =>
  useProposalMutation(() => call('proposals.complete', { params: { id } }));
export const useDecideProposal = (id: string) =>
  useProposalMutation((body: DecisionInput) => call('proposals.decide', { params: { id }, body }));

export type ProposalLimits = CallResult<'proposals.settings'>;

export const useProposalLimits = () =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'settings'],
      queryFn: ({ signal }) => call('proposals.settings', {}, { signal }),
    }),
  );

export const useSaveProposalLimits = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<'proposals.updateSettings'>['body']) => call('proposals.updateSettings', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals', 'settings'] }),
  });
};

export type PilotFigures = CallResult<'proposals.pilotFigures'>;
export type PilotReviewInput = CallInput<'proposals.reviewPilot'>['body'];

/** The pilot outcomes and states: the domain's. */
export { PILOT_REVIEW_OUTCOMES } from '#core/pilot-review';

/** Approved pilots whose end review is due (within their last days, or lapsed). */
export const usePilotsDue = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'pilots-due'],
      queryFn: ({ signal }) => call('proposals.list', { query: { pilotReview: 'due' } }, { signal }),
      enabled,
    }),
  );

export const usePilotFigures = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: ['proposals', 'pilot-figures', id],
      queryFn: ({ signal }) => call('proposals.pilotFigures', { params: { id } }, { signal }),
    }),
  );

export const useReviewPilot = (id: string) =>
  useProposalMutation((body: PilotReviewInput) => call('proposals.reviewPilot', { params: { id }, body }));
