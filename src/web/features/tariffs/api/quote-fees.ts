import { useMutation } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type FeeQuote = CallResult<'tariffs.quote'>;
export type QuoteLine = FeeQuote['lines'][number];
export type CourtCostLine = FeeQuote['courtCosts']['lines'][number];
export type QuoteInput = CallInput<'tariffs.quote'>['body'];

export function quoteFees(body: QuoteInput): Promise<FeeQuote> {
  return call('tariffs.quote', { body });
}

export function useQuoteFees() {
  return useMutation({ mutationFn: quoteFees });
}
