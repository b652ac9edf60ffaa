import { useMutation } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';

export interface QuoteLine { code: string; titleFa: string; titleEn: string; quantity: number; unitRials: number; amountRials: number }
export interface CourtCostLine { ruleId: number; titleFa: string; titleEn: string; basis: string; amountRials: number; source: string }

export interface FeeQuote {
  schedule: { id: number; code: string; titleFa: string; titleEn: string; effectiveFrom: string; effectiveFromJalali: string };
  service: string;
  lines: QuoteLine[];
  totalRials: number;
  courtCosts: { configured: boolean; lines: CourtCostLine[]; totalRials: number };
}

export interface QuoteInput { service: string; channel?: 'office' | 'online'; date?: string; parties?: number; pages?: number; claimValueRials?: number }

export function quoteFees(input: QuoteInput): Promise<FeeQuote> {
  return api('/api/v1/fees/quote', { method: 'POST', body: input });
}

export function useQuoteFees() {
  return useMutation({ mutationFn: quoteFees });
}
