/**
 * The operators area's endpoints: the staff registry (records, profile, photo), employment
 * (contracts, insurance, alerts, workforce statistics), training (courses, sessions, enrolment,
 * attendance), exams (question bank, exams, attempts, results) and activity licences (see
 * platform/http/contract.ts). Each capability's endpoints are a contract of their own, registered
 * in their own scope (the photo's image parsers, enrolment's empty body), and all of them together
 * are the area's contract.
 */
import { z } from 'zod';
import { idParams } from '#server/platform/http/fields';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  alertsResponse,
  createContractBody,
  createInsuranceBody,
  endInsuranceBody,
  scopeQuery,
  statsResponse,
  terminateContractBody,
} from './employment/schemas';
import {
  attemptSchema,
  examBody,
  examListQuery,
  examListResponse,
  examSchema,
  questionBody,
  questionListQuery,
  questionListResponse,
  questionSchema,
  resultsPage,
  resultsQuery,
  submitBody,
} from './exams/schemas';
import {
  eligibilityQuery,
  eligibilitySchema,
  issueLicenceBody,
  widenLicenceBody,
  licenceDetailSchema,
  licenceListQuery,
  licencePage,
  ownLicences,
  reinstateBody,
  revokeBody,
  suspendBody,
} from './licences/schemas';
import {
  contractSchema,
  insurancePeriodSchema,
  profileBody,
  staffPage,
  staffRecordSchema,
  staffRegistryQuery,
} from './registry/schemas';
import {
  attendanceBody,
  courseBody,
  courseListQuery,
  courseListResponse,
  courseSchema,
  enrolBody,
  enrolmentParams,
  enrolmentResponse,
  myTrainingResponse,
  sessionBody,
  sessionDetailResponse,
  sessionListQuery,
  sessionListResponse,
  sessionSchema,
} from './training/schemas';

/** What a photo may be sent as; its real type is judged by content. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'] as const;

// ---- The staff registry: who works where, their record and profile. ----
export const registryContract = areaContract('operators', {
  staff: endpoint({
    method: 'GET',
    path: '/api/v1/staff',
    access: 'staff.registry',
    summary:
      "The staff registry: office staff within the caller's scope, by name, national ID or username, office, province, role, licence and insurance standing; ordered by last name",
    query: staffRegistryQuery,
    response: staffPage,
    problems: ['not_found'],
  }),
  staffRecord: endpoint({
    method: 'GET',
    path: '/api/v1/staff/:id',
    access: 'staff.registry',
    summary:
      "A staff member's record: profile, roles, offices, contracts, insurance, licences, training standing and history",
    params: idParams,
    response: staffRecordSchema,
    problems: ['not_found'],
  }),
  ownRecord: endpoint({
    method: 'GET',
    path: '/api/v1/me/staff-record',
    access: 'staff.self',
    summary: "The signed-in staff member's own record",
    response: staffRecordSchema,
    problems: ['not_found'],
  }),
  updateProfile: endpoint({
    method: 'PUT',
    path: '/api/v1/staff/:id/profile',
    access: 'employment.manage',
    summary: "Set a staff member's education and insurance number (the manager of an office they work at)",
    params: idParams,
    body: profileBody,
    response: staffRecordSchema,
    problems: ['not_found'],
  }),
  photo: endpoint({
    method: 'GET',
    path: '/api/v1/staff/:id/photo',
    access: 'staff.registry',
    summary: "A staff member's photo (JPEG or PNG)",
    description: 'The person themself may read their own photo too.',
    params: idParams,
    response: z.any().meta({ description: 'image/jpeg or image/png' }),
    produces: 'image/*',
    problems: ['not_found'],
  }),
});

// ---- The photo arrives as the raw image body (image/jpeg, image/png); its type is judged by content. ----
export const photoContract = areaContract('operators', {
  uploadPhoto: endpoint({
    method: 'PUT',
    path: '/api/v1/staff/:id/photo',
    access: 'employment.manage',
    summary:
      "Replace a staff member's photo: the image as the request body (image/jpeg or image/png, at most 1 MB), checked by content",
    params: idParams,
    upload: { kind: 'raw', mediaTypes: ['image/jpeg', 'image/png'] },
    response: z.object({ hasPhoto: z.literal(true) }),
    problems: ['not_found', 'file_too_large', 'unsupported_media_type', 'unsupported_file_type', 'corrupt_file'],
  }),
});

// ---- Employment: contracts and insurance periods, today's alerts, workforce statistics. ----
export const employmentContract = areaContract('operators', {
  createContract: endpoint({
    method: 'POST',
    path: '/api/v1/staff/:id/contracts',
    access: 'employment.manage',
    summary:
      "Make an employment contract between the manager's office and a staff member; refused when it overlaps another at this office, or any elsewhere where either is full-time",
    params: idParams,
    body: createContractBody,
    status: 201,
    response: contractSchema,
    problems: ['not_found', 'contract_overlap', 'employed_full_time_elsewhere'],
  }),
  terminateContract: endpoint({
    method: 'POST',
    path: '/api/v1/contracts/:id/terminate',
    access: 'employment.manage',
    summary: 'End a contract early, on a day and for a reason',
    params: idParams,
    body: terminateContractBody,
    response: contractSchema,
    problems: ['not_found', 'conflict'],
  }),
  addInsurance: endpoint({
    method: 'POST',
    path: '/api/v1/staff/:id/insurance',
    access: 'employment.manage',
    summary:
      "Start a social-security insurance period for a staff member at the manager's office; refused when it overlaps another there",
    params: idParams,
    body: createInsuranceBody,
    status: 201,
    response: insurancePeriodSchema,
    problems: ['not_found', 'insurance_overlap'],
  }),
  endInsurance: endpoint({
    method: 'POST',
    path: '/api/v1/insurance-periods/:id/end',
    access: 'employment.manage',
    summary: 'End an insurance period on a day',
    params: idParams,
    body: endInsuranceBody,
    response: insurancePeriodSchema,
    problems: ['not_found', 'conflict'],
  }),
  alerts: endpoint({
    method: 'GET',
    path: '/api/v1/employment/alerts',
    access: 'employment.read',
    summary:
      "Today's employment alerts within the caller's scope: insurance lapsed, contracts ending within 30 days, contracts ended while the role is held, licences expiring within 30 days",
    query: scopeQuery,
    response: alertsResponse,
    problems: ['not_found'],
  }),
  workforce: endpoint({
    method: 'GET',
    path: '/api/v1/employment/stats',
    access: 'employment.read',
    summary:
      'Workforce statistics per office and per province: headcount, insurance coverage, contract types, full-time share, average wage, turnover over 12 months',
    query: scopeQuery,
    response: statsResponse,
    problems: ['not_found'],
  }),
});

// ---- Training: the course catalog, sessions, enrolment and attendance. ----
export const trainingContract = areaContract('operators', {
  courses: endpoint({
    method: 'GET',
    path: '/api/v1/training/courses',
    access: 'training.read',
    summary: 'The course catalog (inactive courses too, for the national association, with includeInactive=true)',
    query: courseListQuery,
    response: courseListResponse,
  }),
  createCourse: endpoint({
    method: 'POST',
    path: '/api/v1/training/courses',
    access: 'training.manage',
    summary: 'Add a course to the national catalog (national association)',
    body: courseBody,
    status: 201,
    response: courseSchema,
  }),
  updateCourse: endpoint({
    method: 'PUT',
    path: '/api/v1/training/courses/:id',
    access: 'training.manage',
    summary: 'Edit a course of the national catalog (national association)',
    params: idParams,
    body: courseBody,
    response: courseSchema,
    problems: ['not_found'],
  }),
  sessions: endpoint({
    method: 'GET',
    path: '/api/v1/training/sessions',
    access: 'training.read',
    summary: "Course sessions (a province's and the national ones), with places left",
    query: sessionListQuery,
    response: sessionListResponse,
  }),
  session: endpoint({
    method: 'GET',
    path: '/api/v1/training/sessions/:id',
    access: 'training.read',
    summary: 'A session, with the enrolments the caller oversees (or their own)',
    params: idParams,
    response: sessionDetailResponse,
    problems: ['not_found'],
  }),
  createSession: endpoint({
    method: 'POST',
    path: '/api/v1/training/sessions',
    access: 'training.manage',
    summary:
      'Schedule a session of a course in a province (its association) or nationally online (national association)',
    body: sessionBody,
    status: 201,
    response: sessionSchema,
  }),
  enrol: endpoint({
    method: 'POST',
    path: '/api/v1/training/sessions/:id/enrolments',
    access: 'training.enrol',
    summary:
      "Enrol in a session: oneself (no userId), or an office's staff by its manager or the province's association",
    description: 'An empty request enrols the caller.',
    params: idParams,
    body: enrolBody,
    status: 201,
    response: enrolmentResponse,
    problems: ['not_found', 'already_enrolled', 'session_full', 'session_started'],
  }),
  cancelEnrolment: endpoint({
    method: 'DELETE',
    path: '/api/v1/training/sessions/:id/enrolments/:userId',
    access: 'training.enrol',
    summary: 'Cancel an enrolment before the session starts',
    params: enrolmentParams,
    status: 204,
    response: z.null(),
    problems: ['not_found', 'session_started'],
  }),
  recordAttendance: endpoint({
    method: 'POST',
    path: '/api/v1/training/sessions/:id/attendance',
    access: 'training.manage',
    summary: "Record attendance and hours of a session's enrolled staff, all in one step (the session's association)",
    params: idParams,
    body: attendanceBody,
    response: sessionDetailResponse,
    problems: ['not_found'],
  }),
  myTraining: endpoint({
    method: 'GET',
    path: '/api/v1/training/me',
    access: 'exams.take',
    summary: "One's own training: enrolments, courses completed, continuing-education hours of the last twelve months",
    response: myTrainingResponse,
  }),
});

// ---- Exams: the question bank, exams, attempts and results. ----
export const examsContract = areaContract('operators', {
  questions: endpoint({
    method: 'GET',
    path: '/api/v1/training/courses/:id/questions',
    access: 'exams.manage',
    summary: "A course's question bank, with the correct answers (national association)",
    params: idParams,
    query: questionListQuery,
    response: questionListResponse,
    problems: ['not_found'],
  }),
  addQuestion: endpoint({
    method: 'POST',
    path: '/api/v1/training/courses/:id/questions',
    access: 'exams.manage',
    summary: "Add a multiple-choice question to a course's bank",
    params: idParams,
    body: questionBody,
    status: 201,
    response: questionSchema,
    problems: ['not_found'],
  }),
  updateQuestion: endpoint({
    method: 'PUT',
    path: '/api/v1/training/questions/:id',
    access: 'exams.manage',
    summary: 'Edit a bank question',
    params: idParams,
    body: questionBody,
    response: questionSchema,
    problems: ['not_found'],
  }),
  deactivateQuestion: endpoint({
    method: 'DELETE',
    path: '/api/v1/training/questions/:id',
    access: 'exams.manage',
    summary: 'Deactivate a bank question (attempts that drew it are still graded against it)',
    params: idParams,
    response: questionSchema,
    problems: ['not_found'],
  }),
  exams: endpoint({
    method: 'GET',
    path: '/api/v1/training/exams',
    access: 'training.read',
    summary:
      'Exams with their course and, for the caller, attempts used and left, best score, passed, and a running attempt',
    query: examListQuery,
    response: examListResponse,
  }),
  createExam: endpoint({
    method: 'POST',
    path: '/api/v1/training/courses/:id/exams',
    access: 'exams.manage',
    summary: "Create a course's exam: questions drawn, time, pass mark, attempts allowed",
    params: idParams,
    body: examBody,
    status: 201,
    response: examSchema,
    problems: ['not_found', 'question_bank_too_small'],
  }),
  updateExam: endpoint({
    method: 'PUT',
    path: '/api/v1/training/exams/:id',
    access: 'exams.manage',
    summary: 'Edit an exam',
    params: idParams,
    body: examBody,
    response: examSchema,
    problems: ['not_found', 'question_bank_too_small'],
  }),
  startAttempt: endpoint({
    method: 'POST',
    path: '/api/v1/training/exams/:id/attempts',
    access: 'exams.take',
    summary: 'Start an attempt: questions drawn at random, the deadline set (never the answers)',
    params: idParams,
    status: 201,
    response: attemptSchema,
    problems: ['not_found', 'exam_attempt_in_progress', 'exam_attempts_exhausted', 'question_bank_too_small'],
  }),
  attempt: endpoint({
    method: 'GET',
    path: '/api/v1/training/attempts/:id',
    access: 'exams.take',
    summary: "One's own attempt: to resume it, or after submission its grade",
    params: idParams,
    response: attemptSchema,
    problems: ['not_found'],
  }),
  submitAttempt: endpoint({
    method: 'POST',
    path: '/api/v1/training/attempts/:id/submit',
    access: 'exams.take',
    summary: 'Submit the answer sheet before the deadline: graded at once',
    params: idParams,
    body: submitBody,
    response: attemptSchema,
    problems: ['not_found', 'exam_attempt_closed', 'exam_time_over'],
  }),
  examResults: endpoint({
    method: 'GET',
    path: '/api/v1/training/exams/:id/results',
    access: 'exams.results',
    summary: "An exam's attempts and grades, for the candidates' offices and provinces the caller oversees",
    params: idParams,
    query: resultsQuery,
    response: resultsPage,
    problems: ['not_found'],
  }),
});

// ---- Activity licences: the list, one's own, eligibility, and the decisions on them. ----
export const licencesContract = areaContract('operators', {
  licences: endpoint({
    method: 'GET',
    path: '/api/v1/licences',
    access: 'licences.read',
    summary: "Activity licences within the caller's scope: search, effective status, office, province, expiring soon",
    query: licenceListQuery,
    response: licencePage,
  }),
  ownLicences: endpoint({
    method: 'GET',
    path: '/api/v1/licences/mine',
    access: 'licences.read-own',
    summary:
      "The signed-in staff member's own activity licences, with status, expiry and continuing-education hours towards renewal",
    response: ownLicences,
  }),
  licence: endpoint({
    method: 'GET',
    path: '/api/v1/licences/:id',
    access: 'licences.read',
    summary: 'One activity licence with its holder, office and history (newest first)',
    description: 'Its holder may read it too (`licences.read-own`).',
    params: idParams,
    response: licenceDetailSchema,
    problems: ['not_found'],
  }),
  eligibility: endpoint({
    method: 'GET',
    path: '/api/v1/staff/:id/licence-eligibility',
    access: 'licences.issue',
    summary:
      "What a staff member may be licensed for at an office: training passed, the office's competencies, what is missing",
    description: 'Those who may read licences at the office (`licences.read`) may ask too.',
    params: idParams,
    query: eligibilityQuery,
    response: eligibilitySchema,
    problems: ['not_found'],
  }),
  issueLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences',
    access: 'licences.issue',
    summary: 'Issue an activity licence (training passed, office competent; valid one year)',
    body: issueLicenceBody,
    status: 201,
    response: licenceDetailSchema,
    problems: [
      'own_decision_not_allowed',
      'licence_status_conflict',
      'licence_requirements_unmet',
      'licence_competency_missing',
    ],
  }),
  widenLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences/:id/services',
    access: 'licences.issue',
    summary:
      'Add services to a current licence (training passed, office competent), e.g. a service a pilot newly gave the office; the expiry stays',
    params: idParams,
    body: widenLicenceBody,
    response: licenceDetailSchema,
    problems: [
      'not_found',
      'own_decision_not_allowed',
      'licence_status_conflict',
      'licence_requirements_unmet',
      'licence_competency_missing',
    ],
  }),
  renewLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences/:id/renew',
    access: 'licences.issue',
    summary: 'Renew a licence for another year with enough continuing-education hours',
    params: idParams,
    response: licenceDetailSchema,
    problems: ['not_found', 'own_decision_not_allowed', 'licence_status_conflict', 'continuing_education_insufficient'],
  }),
  suspendLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences/:id/suspend',
    access: 'licences.suspend',
    summary: 'Suspend a licence with a reason, until a date or until lifted',
    params: idParams,
    body: suspendBody,
    response: licenceDetailSchema,
    problems: ['not_found', 'own_decision_not_allowed', 'licence_status_conflict'],
  }),
  reinstateLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences/:id/reinstate',
    access: 'licences.suspend',
    summary: "Lift a licence's suspension",
    params: idParams,
    body: reinstateBody.optional(),
    response: licenceDetailSchema,
    problems: ['not_found', 'own_decision_not_allowed', 'licence_status_conflict'],
  }),
  revokeLicence: endpoint({
    method: 'POST',
    path: '/api/v1/licences/:id/revoke',
    access: 'licences.suspend',
    summary: 'Revoke a licence with a reason (final)',
    params: idParams,
    body: revokeBody,
    response: licenceDetailSchema,
    problems: ['not_found', 'own_decision_not_allowed', 'licence_status_conflict'],
  }),
});

export const operatorsContract = areaContract('operators', {
  ...registryContract.endpoints,
  ...photoContract.endpoints,
  ...employmentContract.endpoints,
  ...trainingContract.endpoints,
  ...examsContract.endpoints,
  ...licencesContract.endpoints,
});
