import type { LocalizedText } from '#web/app/api-client.ts';

interface CourtRef {
  id: number;
  code: string;
  name: LocalizedText;
  branches: number;
}

export interface QueueItem {
  id: number;
  trackingCode: string | null;
  serviceCode: string;
  subject: string;
  court: CourtRef;
  channel: 'office' | 'online';
  officeId: number | null;
  submittedAt: string | null;
  partyCount: number;
  totalRials: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CourtFiling {
  id: number;
  trackingCode: string | null;
  serviceCode: string;
  status: string;
  subject: string;
  facts: string;
  claims: { description: string; valueRials: number | null }[];
  court: CourtRef;
  branch: number | null;
  channel: 'office' | 'online';
  officeId: number | null;
  submittedAt: string | null;
  decidedAt: string | null;
  caseNumber: string | null;
  returnReasons: string | null;
  caseId: number | null;
  parties: {
    id: number;
    role: string;
    name: string;
    nationalId: string | null;
    address: string | null;
    hasEAccount: boolean;
  }[];
  attachments: {
    id: number;
    title: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    pages: number;
    downloadUrl: string;
  }[];
}

export interface CaseItem {
  id: number;
  caseNumber: string;
  subject: string;
  court: CourtRef;
  branch: number;
  filingId: number | null;
  openedAt: string;
  partyCount: number;
  noticeCount: number;
}

export type NoticeKind = 'summons' | 'decision' | 'order' | 'notification';

export interface CaseDetail extends CaseItem {
  parties: { id: number; role: string; name: string; nationalId: string | null; hasEAccount: boolean }[];
  notices: {
    id: number;
    kind: NoticeKind;
    title: string;
    body: string;
    hearingAt: string | null;
    issuedAt: string;
    deliveries: {
      citizenId: number;
      name: string;
      deliveredAt: string | null;
      channel: 'online' | 'office' | null;
      deadlineDays: number | null;
      deadlineDate: string | null;
    }[];
  }[];
}
