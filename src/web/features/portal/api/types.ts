import type { LocalizedText } from '#web/app/api-client.ts';

type NoticeKind = 'summons' | 'decision' | 'order' | 'notification';

export interface Deadline {
  days: number;
  lastDay: string;
  lastDayJalali: string;
  /** Delivery + limit + 1 (Art. 445). */
  nominalLastDay: string;
  /** Each closed day the last day moved over (Art. 444). */
  moved: { date: string; jalali: string; reason: 'friday' | 'holiday'; title: LocalizedText | null }[];
  movedFrom: string | null;
  movedFromJalali: string | null;
  movedReason: 'friday' | 'holiday' | null;
  holidayTitle: LocalizedText | null;
  daysLeft: number;
  expired: boolean;
}

interface CitizenNotice {
  id: number;
  kind: NoticeKind;
  title: string;
  issuedAt: string;
  hearingAt: string | null;
  case: { id: number; caseNumber: string; branch: number; court: { id: number; name: LocalizedText } };
  delivered: boolean;
  deliveredAt: string | null;
  deliveredChannel: 'online' | 'office' | null;
  deadline: Deadline | null;
}

export interface OpenedNotice extends CitizenNotice {
  body: string;
  rule: { title: LocalizedText; source: string } | null;
}

interface CitizenFiling {
  id: number;
  trackingCode: string | null;
  serviceCode: string;
  status: string;
  channel: 'office' | 'online';
  subject: string;
  court: { id: number; name: LocalizedText } | null;
  branch: number | null;
  caseNumber: string | null;
  returnReasons: string | null;
  totalRials: number | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

interface CitizenCase {
  id: number;
  caseNumber: string;
  subject: string;
  court: { id: number; name: LocalizedText };
  branch: number;
  role: string;
  openedAt: string;
}

export interface Overview {
  filings: CitizenFiling[];
  cases: CitizenCase[];
  notices: CitizenNotice[];
  totals: { filings: number; cases: number; notices: number; undeliveredNotices: number };
}
