/**
 * The notices area's endpoints: issuing notices on a case, the citizen's own tracking, notices
 * opened at an office with consent, the holiday calendar, the deadline rules, the public deadline
 * calculator and the notifier's outbox (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { idParams } from '#server/platform/http/fields';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { computeDeadlineBody, deadlineResultSchema, publicRulesResponse } from './deadline-schemas';
import {
  addHolidayBody,
  citizenCasesPage,
  citizenFilingsPage,
  citizenNoticesPage,
  consentedNoticesQuery,
  documentResponse,
  paperServiceBody,
  paperServiceParams,
  paperServiceSchema,
  holidayParams,
  holidaySchema,
  holidaysQuery,
  holidaysResponse,
  issuedNoticeSchema,
  issueNoticeBody,
  moveHolidayBody,
  openAtOfficeBody,
  openAtOfficeResponse,
  openedNoticeSchema,
  outboxPage,
  outboxQuery,
  overviewSchema,
  pageQuery,
  ruleParams,
  ruleSchema,
  rulesResponse,
  updateRuleBody,
} from './schemas';

// ---- The signed decision arrives as the raw PDF body (application/pdf); its type is judged by content. ----
export const NOTICE_DOCUMENT_MEDIA_TYPES = ['application/pdf'] as const;
export const noticeDocumentContract = areaContract('notices', {
  attachDocument: endpoint({
    method: 'PUT',
    path: '/api/v1/court/notices/:id/document',
    access: 'notices.attach-document',
    summary:
      'Attach the signed decision to a decision notice: the PDF as the request body (application/pdf, at most 10 MB), checked by content; once attached it does not change',
    params: idParams,
    upload: { kind: 'raw', mediaTypes: NOTICE_DOCUMENT_MEDIA_TYPES },
    response: documentResponse,
    problems: [
      'not_found',
      'notice_not_a_decision',
      'notice_document_attached',
      'file_too_large',
      'unsupported_media_type',
      'unsupported_file_type',
      'corrupt_file',
      'pdf_active_content',
      'pdf_too_complex',
    ],
  }),
});

export const noticesContract = areaContract('notices', {
  ...noticeDocumentContract.endpoints,
  // ——— The public deadline calculator ———
  computeDeadline: endpoint({
    method: 'POST',
    path: '/api/v1/deadlines/compute',
    access: 'public',
    summary: 'The last day to act on a limit that runs from a notice, counted as the law counts it (public)',
    description:
      'A free limit (Art. 445: neither the day of the notice nor the day of the action counts) in days, weeks, months of 30 days or years (Art. 443), or the limit of a kind of notice (two months for a party abroad, Arts. 446–447); the last day moves off Fridays and official holidays (Art. 444). Every closed day stepped over is listed, and any lunar holiday relied on that an admin has not yet confirmed against the official calendar.',
    body: computeDeadlineBody,
    response: deadlineResultSchema,
    problems: ['no_time_limit_for_kind'],
  }),
  publicDeadlineRules: endpoint({
    method: 'GET',
    path: '/api/v1/deadlines/rules',
    access: 'public',
    summary: 'The limit that runs from each kind of notice, with its legal source (public)',
    response: publicRulesResponse,
  }),

  // ——— The notifier ———
  outbox: endpoint({
    method: 'GET',
    path: '/api/v1/notifier/outbox',
    access: 'outbox.read',
    summary: 'Messages sent through the notifier (SMS outbox)',
    query: outboxQuery,
    response: outboxPage,
  }),

  // ——— Issuing (court) ———
  issue: endpoint({
    method: 'POST',
    path: '/api/v1/court/cases/:id/notices',
    access: 'notices.issue',
    summary: 'Issue a notice (summons, decision, order, notification) to the parties of a case',
    params: idParams,
    body: issueNoticeBody,
    status: 201,
    response: issuedNoticeSchema,
    problems: ['not_found', 'no_notice_recipients'],
  }),

  // ——— Paper service by the court's bailiff, for a party without an e-account ———
  servePaper: endpoint({
    method: 'POST',
    path: '/api/v1/court/notices/:id/parties/:partyId/paper-service',
    access: 'notices.serve-paper',
    summary:
      "Record the bailiff's service of a notice on a party without an e-account: the day and manner (Civil Procedure Code Arts. 68–70); the notice's limit runs from that day",
    params: paperServiceParams,
    body: paperServiceBody,
    status: 201,
    response: paperServiceSchema,
    problems: ['not_found', 'notice_party_served'],
  }),

  // ——— The signed decision as a PDF ———
  courtDocument: endpoint({
    method: 'GET',
    path: '/api/v1/court/notices/:id/document',
    access: 'court.cases',
    summary: "Download the signed decision of a notice on a case of the actor's court",
    params: idParams,
    response: z.any().meta({ description: "The PDF's bytes, checked against their recorded SHA-256" }),
    produces: ['application/pdf'],
    problems: ['not_found', 'file_integrity_failed'],
  }),
  myDocument: endpoint({
    method: 'GET',
    path: '/api/v1/me/notices/:id/document',
    access: 'tracking.read-own',
    summary:
      "Download the signed decision of one of the citizen's notices (reading it records delivery, as opening the notice does)",
    params: idParams,
    response: z.any().meta({ description: "The PDF's bytes, checked against their recorded SHA-256" }),
    produces: ['application/pdf'],
    problems: ['not_found', 'file_integrity_failed'],
  }),

  // ——— The notice itself as a printable PDF, with the court's name and address ———
  myNoticePdf: endpoint({
    method: 'GET',
    path: '/api/v1/me/notices/:id/notice.pdf',
    access: 'tracking.read-own',
    summary:
      "One of the citizen's notices as a printable PDF with the court's name and address, the case, the text and the last day of its time limit (reading it records delivery, as opening the notice does); 503 pdf_unavailable when the server has no Chromium",
    params: idParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['not_found', 'pdf_unavailable'],
  }),
  noticePdfAtOffice: endpoint({
    method: 'GET',
    path: '/api/v1/counter/notices/:id/notice.pdf',
    access: 'notices.open-at-office',
    summary:
      "A citizen's notice the office has opened for them, as a printable PDF to hand them (the citizen's consent for notice-page; nothing more to pay)",
    params: idParams,
    query: consentedNoticesQuery,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['not_found', 'consent_required', 'notice_not_opened', 'pdf_unavailable'],
  }),

  // ——— The citizen's own tracking (self-service) ———
  myOverview: endpoint({
    method: 'GET',
    path: '/api/v1/me/overview',
    access: 'tracking.read-own',
    summary: "The signed-in citizen's filings, cases and notices with deadlines",
    response: overviewSchema,
  }),
  myFilings: endpoint({
    method: 'GET',
    path: '/api/v1/me/filings',
    access: 'tracking.read-own',
    summary: "The signed-in citizen's filings",
    query: pageQuery,
    response: citizenFilingsPage,
  }),
  myCases: endpoint({
    method: 'GET',
    path: '/api/v1/me/cases',
    access: 'tracking.read-own',
    summary: 'The cases the signed-in citizen is a party to',
    query: pageQuery,
    response: citizenCasesPage,
  }),
  myNotices: endpoint({
    method: 'GET',
    path: '/api/v1/me/notices',
    access: 'tracking.read-own',
    summary: "The signed-in citizen's notices, delivered or not, with deadlines",
    query: pageQuery,
    response: citizenNoticesPage,
  }),
  openMine: endpoint({
    method: 'GET',
    path: '/api/v1/me/notices/:id',
    access: 'tracking.read-own',
    summary: "Open one of the citizen's notices: reading it records its delivery (online) and fixes the deadline",
    params: idParams,
    response: openedNoticeSchema,
    problems: ['not_found'],
  }),

  // ——— At an office, with the citizen's consent ———
  atOffice: endpoint({
    method: 'GET',
    path: '/api/v1/counter/notices',
    access: 'notices.open-at-office',
    summary: "A citizen's notices, read at an office with the citizen's consent (notice-page)",
    query: consentedNoticesQuery,
    response: citizenNoticesPage,
    problems: ['not_found', 'consent_required'],
  }),
  openAtOffice: endpoint({
    method: 'POST',
    path: '/api/v1/counter/notices/:id/open',
    access: 'notices.open-at-office',
    summary:
      "Open a citizen's notice at the office on their behalf (consent required; charges notice-page). An optional Idempotency-Key makes retries safe",
    description: 'A retry with the same key answers what the first request answered, with `idempotent-replayed: true`.',
    params: idParams,
    headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
    body: openAtOfficeBody,
    response: openAtOfficeResponse,
    problems: [
      'not_found',
      'consent_required',
      'no_tariff_in_force',
      'idempotency_key_reused',
      'idempotency_in_progress',
    ],
  }),

  // ——— The holiday calendar ———
  holidays: endpoint({
    method: 'GET',
    path: '/api/v1/holidays',
    access: 'holidays.read',
    summary:
      "The holiday calendar of a Jalali year (default: this year): the law's holidays, computed for any year, with admins' confirmations, moves, additions and removals",
    query: holidaysQuery,
    response: holidaysResponse,
  }),
  addHoliday: endpoint({
    method: 'POST',
    path: '/api/v1/holidays',
    access: 'holidays.manage',
    summary: 'Add a closed day to the calendar (a law holiday an admin had removed is restored)',
    body: addHolidayBody,
    status: 201,
    response: holidaySchema,
    problems: ['holiday_exists'],
  }),
  removeHoliday: endpoint({
    method: 'DELETE',
    path: '/api/v1/holidays/:date',
    access: 'holidays.manage',
    summary: 'Open a day again (Jalali date): an added day is deleted, a law holiday is recorded as removed',
    params: holidayParams,
    status: 204,
    response: z.null(),
    problems: ['not_found'],
  }),
  confirmHoliday: endpoint({
    method: 'POST',
    path: '/api/v1/holidays/:date/confirm',
    access: 'holidays.manage',
    summary: 'Confirm the computed lunar holiday on a day (Jalali date) against the official calendar',
    params: holidayParams,
    response: holidaySchema,
    problems: ['lunar_holiday_not_found'],
  }),
  moveHoliday: endpoint({
    method: 'POST',
    path: '/api/v1/holidays/:date/move',
    access: 'holidays.manage',
    summary:
      'Move the lunar holiday on a day (Jalali date) to its official day, at most three days from the computed one',
    params: holidayParams,
    body: moveHolidayBody,
    response: holidaySchema,
    problems: ['lunar_holiday_not_found', 'holiday_exists'],
  }),

  // ——— Deadline rules per kind of notice ———
  deadlineRules: endpoint({
    method: 'GET',
    path: '/api/v1/notice-deadline-rules',
    access: 'deadline-rules.read',
    summary: 'Days from delivery per kind of notice, with their legal source',
    response: rulesResponse,
  }),
  updateDeadlineRule: endpoint({
    method: 'PUT',
    path: '/api/v1/notice-deadline-rules/:kind',
    access: 'deadline-rules.manage',
    summary: 'Set the days from delivery for a kind of notice, with the legal source',
    params: ruleParams,
    body: updateRuleBody,
    response: ruleSchema,
    problems: ['not_found'],
  }),
});
