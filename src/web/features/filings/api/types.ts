import type { z } from 'zod';
import type { filingDetailSchema, filingSummarySchema, PartyInput } from '#server/modules/filings/schemas';

export type Filing = z.infer<typeof filingDetailSchema>;
export type FilingSummary = z.infer<typeof filingSummarySchema>;
export type FilingStatus = Filing['status'];
export type { PartyInput };

export interface FilingContent {
  parties: PartyInput[];
  courtId: number | null;
  branch: number | null;
  subject: string;
  claims: { description: string; valueRials: number | null }[];
  facts: string;
}

export interface CourtOption {
  id: number;
  name: { fa: string; en: string };
  kind: string;
  branches: number;
  city: { id: number; name: { fa: string; en: string } };
}

export const FILING_SERVICES = [
  'petition',
  'complaint',
  'appeal',
  'objection',
  'legal-notice',
  'brief',
  'expert-opinion',
  'protest',
] as const;
export const PARTY_ROLES = [
  'claimant',
  'defendant',
  'complainant',
  'accused',
  'appellant',
  'respondent',
  'objector',
  'notifier',
  'addressee',
  'third-party',
] as const;
