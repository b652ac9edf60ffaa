import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type CallInput, type CallResult, call, endpointUrl } from '#web/app/api-client.ts';

export type ArbitrationCase = CallResult<'arbitration.get'>;
export type ArbitrationSummary = CallResult<'arbitration.list'>['items'][number];
export type StartArbitrationInput = CallInput<'arbitration.start'>['body'];
export type AppointInput = CallInput<'arbitration.appoint'>['body'];

const KEY = ['arbitration'] as const;

export function useArbitrations() {
  return useQuery(
    queryOptions({
      queryKey: [...KEY, 'list'],
      queryFn: ({ signal }) => call('arbitration.list', { query: {} }, { signal }),
    }),
  );
}

export function useArbitration(id: number) {
  return useQuery(
    queryOptions({
      queryKey: [...KEY, 'case', id],
      queryFn: ({ signal }) => call('arbitration.get', { params: { id } }, { signal }),
    }),
  );
}

export function useArbitratorRegistry(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'registry'],
    queryFn: ({ signal }) => call('arbitration.registry', {}, { signal }),
    enabled,
  });
}

/** A write that answers with the case: the case's page shows the answer at once, and the list refreshes. */
function useCaseWrite<I>(write: (input: I) => Promise<ArbitrationCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (kase) => {
      queryClient.setQueryData([...KEY, 'case', kase.id], kase);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

/** One Idempotency-Key per start form: a retry after a lost answer returns the case the first attempt made. */
export function useStartArbitration() {
  const [key] = useState(() => `arbitration-${crypto.randomUUID()}`);
  return useCaseWrite((body: StartArbitrationInput) =>
    call('arbitration.start', { body, headers: { 'idempotency-key': key } }),
  );
}
export const useConsent = (id: number) =>
  useCaseWrite((code: string) => call('arbitration.consent', { params: { id }, body: { code } }));
export const useAppoint = (id: number) =>
  useCaseWrite((body: AppointInput) => call('arbitration.appoint', { params: { id }, body }));
export const useAnswer = (id: number) =>
  useCaseWrite(({ arbitratorId, accept }: { arbitratorId: number; accept: boolean }) =>
    call('arbitration.answer', { params: { id, arbitratorId }, body: { accept } }),
  );

export function useResendCode(id: number) {
  return useMutation({ mutationFn: () => call('arbitration.consentCode', { params: { id } }) });
}

export type HearingInput = CallInput<'arbitration.hearing'>['body'];
export type AwardInput = CallInput<'arbitration.draftAward'>['body'];
export type AnnulmentInput = CallInput<'arbitration.annulment'>['body'];

export const useScheduleHearing = (id: number) =>
  useCaseWrite((body: HearingInput) => call('arbitration.hearing', { params: { id }, body }));
/** A party's submission or evidence, sent as multipart (call() reports the upload's progress). */
export const useUploadDocument = (id: number) =>
  useCaseWrite(
    ({
      file,
      kind,
      title,
      onProgress,
    }: {
      file: File;
      kind: 'submission' | 'evidence';
      title: string;
      onProgress: (fraction: number) => void;
    }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('title', title);
      form.append('file', file);
      return call('arbitration.uploadDocument', { params: { id }, form }, { onUploadProgress: onProgress });
    },
  );

/** A document's download link (opened by the browser, not fetched as JSON). */
export const documentUrl = (id: number, documentId: number) =>
  endpointUrl('arbitration.document', { params: { id, documentId } });

export type MinutesInput = CallInput<'arbitration.minutes'>['body'];
export const useRecordMinutes = (id: number) =>
  useCaseWrite(({ hearingId, ...body }: MinutesInput & { hearingId: number }) =>
    call('arbitration.minutes', { params: { id, hearingId }, body }),
  );
export const useDraftAward = (id: number) =>
  useCaseWrite((body: AwardInput) => call('arbitration.draftAward', { params: { id }, body }));
export const useSignAward = (id: number) =>
  useCaseWrite(({ arbitratorId, ...body }: { arbitratorId: number; sign: boolean; dissent?: string }) =>
    call('arbitration.signAward', { params: { id, arbitratorId }, body }),
  );
export const useRequestAnnulment = (id: number) =>
  useCaseWrite((body: AnnulmentInput) => call('arbitration.annulment', { params: { id }, body }));
export const useRequestEnforcement = (id: number) =>
  useCaseWrite((partyId: number) => call('arbitration.enforcement', { params: { id }, body: { partyId } }));

/** Links to the award as a printable page and as a PDF (opened by the browser, not fetched as JSON). */
export const awardUrls = (id: number) => ({
  page: endpointUrl('arbitration.award', { params: { id } }),
  pdf: endpointUrl('arbitration.awardPdf', { params: { id } }),
});

export type FeeScale = CallResult<'arbitration.feeScales'>['items'][number];
export type FeeScaleInput = CallInput<'arbitration.addFeeScale'>['body'];

/** The official scales of arbitrators' fees (public). */
export function useFeeScales() {
  return useQuery({
    queryKey: [...KEY, 'fee-scales'],
    queryFn: ({ signal }) => call('arbitration.feeScales', {}, { signal }),
  });
}

/** The regulator enters a new scale; the list refreshes with it. */
export function useAddFeeScale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeeScaleInput) => call('arbitration.addFeeScale', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'fee-scales'] }),
  });
}

/** The regulator withdraws a scale before its first day, with the reason; the list refreshes with it. */
export function useWithdrawFeeScale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      call('arbitration.withdrawFeeScale', { params: { id }, body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'fee-scales'] }),
  });
}

/** One Idempotency-Key per share and page: a retried click pays nothing twice; the payer goes to the bank. */
export function usePayFee(id: number) {
  const [key] = useState(() => `arbitration-fee-${crypto.randomUUID()}`);
  return useMutation({
    mutationFn: () => call('arbitration.payFee', { params: { id }, headers: { 'idempotency-key': key } }),
    onSuccess: (payment) => window.location.assign(payment.redirectUrl),
  });
}
