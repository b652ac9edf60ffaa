/**
 * PostgreSQL COPY text format: one line per row, columns separated by tabs, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped. Plus the column lists of the tables the
 * generator fills, in the same order as the row objects' fields they come from.
 */
import type {
  CaseRowH,
  CasePartyRowH,
  DeliveryRowH,
  FilingRowH,
  NoticeRowH,
  PartyRowH,
  ServiceRecordRowH,
} from './history';
import type {
  AttemptRow,
  CompetencyRow,
  ContractRow,
  EnrolmentRow,
  InsuranceRow,
  LicenceEventRow,
  LicenceRow,
  Network,
  OfficeCapacity,
  ProfileRow,
  SessionRow,
  StatusEventRow,
} from './network';
import type { CitizenRow, CityRow, CourtRow, GrantRow, OfficeRow, UserRow } from './plan';

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY ${value}`);
    return String(value);
  }
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

export interface TableShape<T> {
  table: string;
  /** [SQL column, field of the row object] */
  columns: readonly (readonly [string, keyof T])[];
}

export function copyLine<T>(shape: TableShape<T>, row: T): string {
  let line = '';
  for (let i = 0; i < shape.columns.length; i++) {
    if (i) line += '\t';
    line += copyValue(row[shape.columns[i][1]]);
  }
  return `${line}\n`;
}

export const copyColumns = (shape: TableShape<unknown>) => shape.columns.map(([c]) => c).join(', ');

export const CITIES: TableShape<CityRow> = {
  table: 'cities',
  columns: [
    ['id', 'id'],
    ['province_id', 'provinceId'],
    ['name_fa', 'nameFa'],
    ['name_en', 'nameEn'],
    ['population', 'population'],
    ['lat', 'lat'],
    ['lon', 'lon'],
  ],
};

const OFFICES: TableShape<OfficeRow> = {
  table: 'offices',
  columns: [
    ['id', 'id'],
    ['code', 'code'],
    ['name_fa', 'nameFa'],
    ['name_en', 'nameEn'],
    ['province_id', 'provinceId'],
    ['city_id', 'cityId'],
    ['address', 'address'],
    ['phone', 'phone'],
    ['status', 'status'],
    ['lat', 'lat'],
    ['lon', 'lon'],
    ['opened_on', 'openedOn'],
    ['created_at', 'createdAt'],
  ],
};

export const COURTS: TableShape<CourtRow> = {
  table: 'courts',
  columns: [
    ['id', 'id'],
    ['code', 'code'],
    ['name_fa', 'nameFa'],
    ['name_en', 'nameEn'],
    ['kind', 'kind'],
    ['province_id', 'provinceId'],
    ['city_id', 'cityId'],
    ['branches', 'branches'],
  ],
};

export const USERS: TableShape<UserRow> = {
  table: 'users',
  columns: [
    ['id', 'id'],
    ['kind', 'kind'],
    ['username', 'username'],
    ['password_hash', 'passwordHash'],
    ['first_name', 'firstName'],
    ['last_name', 'lastName'],
    ['national_id', 'nationalId'],
    ['mobile', 'mobile'],
    ['birth_date', 'birthDate'],
    ['citizen_id', 'citizenId'],
    ['created_at', 'createdAt'],
  ],
};

export const ROLE_GRANTS: TableShape<GrantRow> = {
  table: 'role_grants',
  columns: [
    ['id', 'id'],
    ['user_id', 'userId'],
    ['role', 'role'],
    ['scope_kind', 'scopeKind'],
    ['province_id', 'provinceId'],
    ['office_id', 'officeId'],
    ['court_id', 'courtId'],
    ['granted_at', 'grantedAt'],
  ],
};

export const CITIZENS: TableShape<CitizenRow> = {
  table: 'citizens',
  columns: [
    ['id', 'id'],
    ['national_id', 'nationalId'],
    ['first_name', 'firstName'],
    ['last_name', 'lastName'],
    ['father_name', 'fatherName'],
    ['birth_date', 'birthDate'],
    ['mobile', 'mobile'],
    ['province_id', 'provinceId'],
    ['city_id', 'cityId'],
    ['address', 'address'],
    ['postal_code', 'postalCode'],
    ['judicial_id', 'judicialId'],
    ['identity_check', 'identityCheck'],
    ['mobile_confirmed_at', 'mobileConfirmedAt'],
    ['registered_at', 'registeredAt'],
    ['registered_channel', 'registeredChannel'],
    ['registered_office_id', 'registeredOfficeId'],
    ['registered_by', 'registeredBy'],
    ['created_at', 'createdAt'],
  ],
};

// ——— Historical filings (history.ts) ———

export const FILINGS: TableShape<FilingRowH> = {
  table: 'filings',
  columns: [
    ['id', 'id'],
    ['tracking_code', 'trackingCode'],
    ['service_code', 'serviceCode'],
    ['status', 'status'],
    ['channel', 'channel'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['applicant_citizen_id', 'applicantCitizenId'],
    ['created_by', 'createdBy'],
    ['court_id', 'courtId'],
    ['branch', 'branch'],
    ['subject', 'subject'],
    ['facts', 'facts'],
    ['claims', 'claims'],
    ['total_rials', 'totalRials'],
    ['paid_rials', 'paidRials'],
    ['billed_rials', 'billedRials'],
    ['confirmed_at', 'confirmedAt'],
    ['case_number', 'caseNumber'],
    ['return_reasons', 'returnReasons'],
    ['created_at', 'createdAt'],
    ['submitted_at', 'submittedAt'],
    ['decided_at', 'decidedAt'],
  ],
};

export const FILING_PARTIES: TableShape<PartyRowH> = {
  table: 'filing_parties',
  columns: [
    ['id', 'id'],
    ['filing_id', 'filingId'],
    ['role', 'role'],
    ['citizen_id', 'citizenId'],
    ['name', 'name'],
    ['national_id', 'nationalId'],
  ],
};

export const SERVICE_RECORDS: TableShape<ServiceRecordRowH> = {
  table: 'service_records',
  columns: [
    ['id', 'id'],
    ['service_code', 'serviceCode'],
    ['channel', 'channel'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['operator_user_id', 'operatorUserId'],
    ['citizen_id', 'citizenId'],
    ['filing_id', 'filingId'],
    ['schedule_id', 'scheduleId'],
    ['amount_rials', 'amountRials'],
    ['created_at', 'createdAt'],
  ],
};

export const CASES: TableShape<CaseRowH> = {
  table: 'cases',
  columns: [
    ['id', 'id'],
    ['case_number', 'caseNumber'],
    ['court_id', 'courtId'],
    ['branch', 'branch'],
    ['province_id', 'provinceId'],
    ['filing_id', 'filingId'],
    ['subject', 'subject'],
    ['opened_at', 'openedAt'],
    ['opened_by', 'openedBy'],
  ],
};

export const CASE_PARTIES: TableShape<CasePartyRowH> = {
  table: 'case_parties',
  columns: [
    ['id', 'id'],
    ['case_id', 'caseId'],
    ['role', 'role'],
    ['citizen_id', 'citizenId'],
    ['name', 'name'],
    ['national_id', 'nationalId'],
  ],
};

export const NOTICES: TableShape<NoticeRowH> = {
  table: 'notices',
  columns: [
    ['id', 'id'],
    ['case_id', 'caseId'],
    ['court_id', 'courtId'],
    ['province_id', 'provinceId'],
    ['kind', 'kind'],
    ['title', 'title'],
    ['body', 'body'],
    ['hearing_at', 'hearingAt'],
    ['issued_by', 'issuedBy'],
    ['issued_at', 'issuedAt'],
  ],
};

export const NOTICE_DELIVERIES: TableShape<DeliveryRowH> = {
  table: 'notice_deliveries',
  columns: [
    ['id', 'id'],
    ['notice_id', 'noticeId'],
    ['citizen_id', 'citizenId'],
    ['province_id', 'provinceId'],
    ['delivered_at', 'deliveredAt'],
    ['delivered_channel', 'deliveredChannel'],
    ['delivered_office_id', 'deliveredOfficeId'],
    ['delivered_by', 'deliveredBy'],
    ['deadline_days', 'deadlineDays'],
    ['deadline_date', 'deadlineDate'],
  ],
};

// ——— The office network and its people (network.ts) ———

/** Offices with their opening hours and capacity (the network part of the generator). */
export const OFFICES_WITH_CAPACITY: TableShape<OfficeRow & OfficeCapacity> = {
  table: 'offices',
  columns: [
    ...(OFFICES.columns as TableShape<OfficeRow & OfficeCapacity>['columns']),
    ['opening_hours', 'openingHours'],
    ['counters', 'counters'],
    ['hearing_booths', 'hearingBooths'],
  ],
};

const OFFICE_STATUS_EVENTS: TableShape<StatusEventRow> = {
  table: 'office_status_events',
  columns: [
    ['id', 'id'],
    ['office_id', 'officeId'],
    ['status', 'status'],
    ['reason', 'reason'],
    ['from_date', 'fromDate'],
    ['until_date', 'untilDate'],
    ['decided_by', 'decidedBy'],
    ['created_at', 'createdAt'],
  ],
};

const OFFICE_COMPETENCIES: TableShape<CompetencyRow> = {
  table: 'office_competencies',
  columns: [
    ['id', 'id'],
    ['office_id', 'officeId'],
    ['service_code', 'serviceCode'],
    ['status', 'status'],
    ['valid_from', 'validFrom'],
    ['valid_until', 'validUntil'],
    ['pilot', 'pilot'],
    ['reason', 'reason'],
    ['granted_by', 'grantedBy'],
    ['granted_at', 'grantedAt'],
    ['changed_by', 'changedBy'],
    ['changed_at', 'changedAt'],
  ],
};

const OPERATOR_PROFILES: TableShape<ProfileRow> = {
  table: 'operator_profiles',
  columns: [
    ['user_id', 'userId'],
    ['education_level', 'educationLevel'],
    ['education_field', 'educationField'],
    ['insurance_number', 'insuranceNumber'],
    ['updated_at', 'updatedAt'],
  ],
};

const EMPLOYMENT_CONTRACTS: TableShape<ContractRow> = {
  table: 'employment_contracts',
  columns: [
    ['id', 'id'],
    ['user_id', 'userId'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['type', 'type'],
    ['full_time', 'fullTime'],
    ['weekly_hours', 'weeklyHours'],
    ['monthly_wage_rials', 'monthlyWageRials'],
    ['starts_on', 'startsOn'],
    ['ends_on', 'endsOn'],
    ['terminated_on', 'terminatedOn'],
    ['termination_reason', 'terminationReason'],
    ['created_by', 'createdBy'],
    ['created_at', 'createdAt'],
  ],
};

const INSURANCE_PERIODS: TableShape<InsuranceRow> = {
  table: 'insurance_periods',
  columns: [
    ['id', 'id'],
    ['user_id', 'userId'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['insurance_number', 'insuranceNumber'],
    ['starts_on', 'startsOn'],
    ['ends_on', 'endsOn'],
    ['created_by', 'createdBy'],
    ['created_at', 'createdAt'],
  ],
};

const COURSE_SESSIONS: TableShape<SessionRow> = {
  table: 'course_sessions',
  columns: [
    ['id', 'id'],
    ['course_id', 'courseId'],
    ['province_id', 'provinceId'],
    ['starts_on', 'startsOn'],
    ['ends_on', 'endsOn'],
    ['capacity', 'capacity'],
    ['location', 'location'],
    ['created_by', 'createdBy'],
    ['created_at', 'createdAt'],
  ],
};

const SESSION_ENROLMENTS: TableShape<EnrolmentRow> = {
  table: 'session_enrolments',
  columns: [
    ['id', 'id'],
    ['session_id', 'sessionId'],
    ['user_id', 'userId'],
    ['status', 'status'],
    ['attended_hours', 'attendedHours'],
    ['recorded_by', 'recordedBy'],
    ['created_at', 'createdAt'],
  ],
};

const EXAM_ATTEMPTS: TableShape<AttemptRow> = {
  table: 'exam_attempts',
  columns: [
    ['id', 'id'],
    ['exam_id', 'examId'],
    ['user_id', 'userId'],
    ['attempt_number', 'attemptNumber'],
    ['question_ids', 'questionIds'],
    ['answers', 'answers'],
    ['status', 'status'],
    ['started_at', 'startedAt'],
    ['deadline_at', 'deadlineAt'],
    ['submitted_at', 'submittedAt'],
    ['score_percent', 'scorePercent'],
    ['passed', 'passed'],
  ],
};

const ACTIVITY_LICENCES: TableShape<LicenceRow> = {
  table: 'activity_licences',
  columns: [
    ['id', 'id'],
    ['number', 'number'],
    ['user_id', 'userId'],
    ['office_id', 'officeId'],
    ['province_id', 'provinceId'],
    ['service_codes', 'serviceCodes'],
    ['status', 'status'],
    ['issued_on', 'issuedOn'],
    ['expires_on', 'expiresOn'],
    ['status_reason', 'statusReason'],
    ['suspended_until', 'suspendedUntil'],
    ['reminder_sent_for', 'reminderSentFor'],
    ['issued_by', 'issuedBy'],
    ['created_at', 'createdAt'],
  ],
};

const LICENCE_EVENTS: TableShape<LicenceEventRow> = {
  table: 'licence_events',
  columns: [
    ['id', 'id'],
    ['licence_id', 'licenceId'],
    ['kind', 'kind'],
    ['reason', 'reason'],
    ['data', 'data'],
    ['actor_user_id', 'actorUserId'],
    ['created_at', 'createdAt'],
  ],
};

/** The network's tables in foreign-key order, with the rows of each. */
export const networkTables = (n: Network) =>
  [
    [OFFICE_STATUS_EVENTS, n.statusEvents],
    [OFFICE_COMPETENCIES, n.competencies],
    [OPERATOR_PROFILES, n.profiles],
    [EMPLOYMENT_CONTRACTS, n.contracts],
    [INSURANCE_PERIODS, n.insurance],
    [COURSE_SESSIONS, n.sessions],
    [SESSION_ENROLMENTS, n.enrolments],
    [EXAM_ATTEMPTS, n.attempts],
    [ACTIVITY_LICENCES, n.licences],
    [LICENCE_EVENTS, n.licenceEvents],
  ] as [TableShape<unknown>, unknown[]][];
