/** HTTP routes of the offices area: parse, call the use case, map. Nothing else. */
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '../../platform/http/api';
import { queryInt } from '../../platform/http/fields';
import { problems } from '../../platform/http/problem-schema';
import { actorOf } from '../../platform/http/session-hook';
import * as applications from './applications';
import * as competencies from './competencies';
import {
  competencyGrantBody, competencyGrantResponse, competencyParams, competencyStatusBody, coverageQuery, coverageResponse, decideBody,
  officeApplicationBody, officeApplicationListQuery, officeApplicationPage, officeApplicationSchema, officeHistorySchema, officeListQuery,
  officePage, officeParams, officeProfileBody, officeSchema, officeStatusBody, reviewBody,
} from './schemas';
import * as offices from './service';

const tags = ['offices'];
const applicationParams = z.object({ id: queryInt(1, 2_147_483_647) });

export function officeRoutes(app: Api, ctx: AppContext) {
  // ---- The public directory: citizens look offices up, and what they offer, before they visit. ----

  app.get('/v1/offices', {
    schema: { tags, summary: 'Search the directory of offices (public); ?service= keeps active offices competent for it today', querystring: officeListQuery, response: { 200: officePage, ...problems(400) } },
  }, async (req) => offices.searchDirectory(ctx, req.query));

  app.get('/v1/offices/:id', {
    schema: { tags, summary: 'One office (public): hours, capacity and the services it offers today', params: officeParams, response: { 200: officeSchema, ...problems(400, 404) } },
  }, async (req) => offices.getOffice(ctx, req.params.id));

  // ---- The office's record ----

  app.put('/v1/offices/:id/profile', {
    schema: { tags, summary: 'Update the office\'s profile: phone, address, location, opening hours, counters and hearing booths', security: SIGNED_IN_WRITE, params: officeParams, body: officeProfileBody, response: { 200: officeSchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req) => offices.updateProfile(ctx, actorOf(req), req.params.id, req.body));

  app.get('/v1/offices/:id/history', {
    schema: { tags, summary: 'The office\'s status over time and all its competencies with their states', security: SIGNED_IN, params: officeParams, response: { 200: officeHistorySchema, ...problems(400, 401, 403, 404) } },
  }, async (req) => offices.officeHistory(ctx, actorOf(req), req.params.id));

  app.post('/v1/offices/:id/status', {
    schema: { tags, summary: 'Suspend, reinstate or close an office (the regulator), with reason and dates', security: SIGNED_IN_WRITE, params: officeParams, body: officeStatusBody, response: { 200: officeHistorySchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req) => offices.changeStatus(ctx, actorOf(req), req.params.id, req.body));

  // ---- Competencies ----

  app.post('/v1/competencies/grants', {
    schema: { tags, summary: 'Grant a service to offices, or to every active office of some provinces as a pilot (the regulator)', security: SIGNED_IN_WRITE, body: competencyGrantBody, response: { 200: competencyGrantResponse, ...problems(400, 401, 403) } },
  }, async (req) => competencies.grantCompetencies(ctx, actorOf(req), req.body));

  app.post('/v1/offices/:id/competencies/:serviceCode/status', {
    schema: { tags, summary: 'Suspend, reinstate or withdraw an office\'s competency for a service, with a reason (the regulator)', security: SIGNED_IN_WRITE, params: competencyParams, body: competencyStatusBody, response: { 200: officeHistorySchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req) => competencies.changeCompetencyStatus(ctx, actorOf(req), req.params.id, req.params.serviceCode, req.body));

  app.get('/v1/competencies/coverage', {
    schema: { tags, summary: 'Per province: active offices and those competent today for a service', security: SIGNED_IN, querystring: coverageQuery, response: { 200: coverageResponse, ...problems(400, 401, 403) } },
  }, async (req) => competencies.competencyCoverage(ctx, actorOf(req), req.query.serviceCode));

  // ---- Applications to open an office ----

  app.post('/v1/office-applications', {
    schema: { tags, summary: 'Apply to open an office: a citizen for themself, or the province\'s association for a founder', security: SIGNED_IN_WRITE, body: officeApplicationBody, response: { 201: officeApplicationSchema, ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await applications.submitApplication(ctx, actorOf(req), req.body)));

  app.get('/v1/office-applications', {
    schema: { tags, summary: 'Applications to open an office, within the caller\'s scope', security: SIGNED_IN, querystring: officeApplicationListQuery, response: { 200: officeApplicationPage, ...problems(400, 401, 403) } },
  }, async (req) => applications.listApplications(ctx, actorOf(req), req.query));

  app.get('/v1/office-applications/:id', {
    schema: { tags, summary: 'One application to open an office', security: SIGNED_IN, params: applicationParams, response: { 200: officeApplicationSchema, ...problems(400, 401, 403, 404) } },
  }, async (req) => applications.getApplication(ctx, actorOf(req), req.params.id));

  app.post('/v1/office-applications/:id/review', {
    schema: { tags, summary: 'The province\'s association recommends the application, or not', security: SIGNED_IN_WRITE, params: applicationParams, body: reviewBody, response: { 200: officeApplicationSchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req) => applications.reviewApplication(ctx, actorOf(req), req.params.id, req.body));

  app.post('/v1/office-applications/:id/decide', {
    schema: { tags, summary: 'The regulator approves (licensing the office) or rejects the application', security: SIGNED_IN_WRITE, params: applicationParams, body: decideBody, response: { 200: officeApplicationSchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req) => applications.decideApplication(ctx, actorOf(req), req.params.id, req.body));
}
