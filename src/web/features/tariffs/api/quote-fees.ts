import { useMutation } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

type FeeQuote = CallResult<'tariffs.quote'>;
export type QuoteLine = FeeQuote['lines'][number];
export type CourtCostLine = FeeQuote['courtCosts']['lines'][number];
type QuoteInput = CallInput<'tariffs.quote'>['body'];

function quoteFees(body: QuoteInput): Promise<FeeQuote> {
  return call('tariffs.quote', { body });
}

export function useQuoteFees() {
  return useMutation({ mutationFn: quoteFees });
}
