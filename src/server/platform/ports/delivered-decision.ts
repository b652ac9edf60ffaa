/**
 * What the filings area asks the notices area (above it) when an appeal names the decision it
 * appeals: that decision as delivered to the applicant, or null when it is not a decision or was not
 * delivered to them.
 */
import type { Executor } from '#server/db/transaction';

export interface DeliveredDecision {
  noticeId: number;
  /** The decision's title as the court wrote it («دادنامه»). */
  title: string;
  courtId: number;
  courtName: { fa: string; en: string };
  branch: number;
  caseNumber: string;
  deliveredAt: Date;
}

export type DeliveredDecisionLookup = (
  db: Executor,
  noticeId: number,
  citizenId: number,
) => Promise<DeliveredDecision | null>;
