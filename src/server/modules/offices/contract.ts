/**
 * The offices area's endpoints: the public directory, an office's record (profile, status over
 * time), competencies, and applications to open an office (see platform/http/contract.ts).
 */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  competencyGrantBody,
  competencyGrantResponse,
  competencyParams,
  competencyStatusBody,
  coverageQuery,
  coverageResponse,
  decideBody,
  officeApplicationBody,
  officeApplicationListQuery,
  officeApplicationPage,
  officeApplicationSchema,
  officeHistorySchema,
  officeListQuery,
  officePage,
  officeProfileBody,
  officeSchema,
  officeStatusBody,
  reviewBody,
} from './schemas';

export const officesContract = areaContract('offices', {
  // ---- The public directory: citizens look offices up, and what they offer, before they visit. ----
  directory: endpoint({
    method: 'GET',
    path: '/api/v1/offices',
    access: 'public',
    summary: 'Search the directory of offices (public); ?service= keeps active offices competent for it today',
    query: officeListQuery,
    response: officePage,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/offices/:id',
    access: 'public',
    summary: 'One office (public): hours, capacity and the services it offers today',
    params: idParams,
    response: officeSchema,
    problems: ['not_found'],
  }),

  // ---- The office's record ----
  updateProfile: endpoint({
    method: 'PUT',
    path: '/api/v1/offices/:id/profile',
    access: 'offices.profile.edit',
    summary: "Update the office's profile: phone, address, location, opening hours, counters and hearing booths",
    params: idParams,
    body: officeProfileBody,
    response: officeSchema,
    problems: ['not_found', 'office_status_conflict'],
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/v1/offices/:id/history',
    access: 'offices.history',
    summary: "The office's status over time and all its competencies with their states",
    params: idParams,
    response: officeHistorySchema,
    problems: ['not_found'],
  }),
  changeStatus: endpoint({
    method: 'POST',
    path: '/api/v1/offices/:id/status',
    access: 'offices.status.manage',
    summary: 'Suspend, reinstate or close an office (the regulator), with reason and dates',
    params: idParams,
    body: officeStatusBody,
    response: officeHistorySchema,
    problems: ['not_found', 'office_status_conflict'],
  }),

  // ---- Competencies ----
  grantCompetencies: endpoint({
    method: 'POST',
    path: '/api/v1/competencies/grants',
    access: 'competencies.manage',
    summary: 'Grant a service to offices, or to every active office of some provinces as a pilot (the regulator)',
    body: competencyGrantBody,
    response: competencyGrantResponse,
  }),
  changeCompetencyStatus: endpoint({
    method: 'POST',
    path: '/api/v1/offices/:id/competencies/:serviceCode/status',
    access: 'competencies.manage',
    summary: "Suspend, reinstate or withdraw an office's competency for a service, with a reason (the regulator)",
    params: competencyParams,
    body: competencyStatusBody,
    response: officeHistorySchema,
    problems: ['not_found', 'competency_status_conflict'],
  }),
  coverage: endpoint({
    method: 'GET',
    path: '/api/v1/competencies/coverage',
    access: 'offices.history',
    summary: 'Per province: active offices and those competent today for a service',
    query: coverageQuery,
    response: coverageResponse,
  }),

  // ---- Applications to open an office ----
  apply: endpoint({
    method: 'POST',
    path: '/api/v1/office-applications',
    access: 'office-applications.submit',
    summary: "Apply to open an office: a citizen for themself, or the province's association for a founder",
    body: officeApplicationBody,
    status: 201,
    response: officeApplicationSchema,
    problems: ['office_application_open'],
  }),
  applications: endpoint({
    method: 'GET',
    path: '/api/v1/office-applications',
    access: 'office-applications.read',
    summary: "Applications to open an office, within the caller's scope",
    query: officeApplicationListQuery,
    response: officeApplicationPage,
  }),
  application: endpoint({
    method: 'GET',
    path: '/api/v1/office-applications/:id',
    access: 'office-applications.read',
    summary: 'One application to open an office',
    params: idParams,
    response: officeApplicationSchema,
    problems: ['not_found'],
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/v1/office-applications/:id/review',
    access: 'office-applications.review',
    summary: "The province's association recommends the application, or not",
    params: idParams,
    body: reviewBody,
    response: officeApplicationSchema,
    problems: ['not_found', 'application_status_conflict'],
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/v1/office-applications/:id/decide',
    access: 'office-applications.decide',
    summary: 'The regulator approves (licensing the office) or rejects the application',
    params: idParams,
    body: decideBody,
    response: officeApplicationSchema,
    problems: ['not_found', 'application_status_conflict', 'own_decision_not_allowed'],
  }),
});
