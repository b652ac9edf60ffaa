import { useMutation } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

type FeeQuote = CallResult<'tariffs.quote'>;
type QuoteInput = CallInput<'tariffs.quote'>['body'];

function quoteFees(body: QuoteInput): Promise<FeeQuote> {
  return call('tariffs.quote', { body });
}

export function useQuoteFees() {
  return useMutation({ mutationFn: quoteFees });
}
