/** HTTP routes of employment: contracts, insurance periods, alerts and workforce statistics. */
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { contractSchema, idParams, insurancePeriodSchema } from '#server/modules/operators/registry/schemas';
import {
  alertsResponse,
  contractIdParams,
  createContractBody,
  createInsuranceBody,
  endInsuranceBody,
  scopeQuery,
  statsResponse,
  terminateContractBody,
} from './schemas';
import * as employment from './service';

const tags = ['operators'];

export function employmentRoutes(app: Api, ctx: AppContext) {
  app.post(
    '/v1/staff/:id/contracts',
    {
      schema: {
        tags,
        summary:
          "Make an employment contract between the manager's office and a staff member; refused when it overlaps another at this office, or any elsewhere where either is full-time",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: createContractBody,
        response: { 201: contractSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await employment.createContract(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/v1/contracts/:id/terminate',
    {
      schema: {
        tags,
        summary: 'End a contract early, on a day and for a reason',
        security: SIGNED_IN_WRITE,
        params: contractIdParams,
        body: terminateContractBody,
        response: { 200: contractSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => employment.terminateContract(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/v1/staff/:id/insurance',
    {
      schema: {
        tags,
        summary:
          "Start a social-security insurance period for a staff member at the manager's office; refused when it overlaps another there",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: createInsuranceBody,
        response: { 201: insurancePeriodSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await employment.addInsurance(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/v1/insurance-periods/:id/end',
    {
      schema: {
        tags,
        summary: 'End an insurance period on a day',
        security: SIGNED_IN_WRITE,
        params: contractIdParams,
        body: endInsuranceBody,
        response: { 200: insurancePeriodSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => employment.endInsurance(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/employment/alerts',
    {
      schema: {
        tags,
        summary:
          "Today's employment alerts within the caller's scope: insurance lapsed, contracts ending within 30 days, contracts ended while the role is held, licences expiring within 30 days",
        security: SIGNED_IN,
        querystring: scopeQuery,
        response: { 200: alertsResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => employment.listAlerts(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/employment/stats',
    {
      schema: {
        tags,
        summary:
          'Workforce statistics per office and per province: headcount, insurance coverage, contract types, full-time share, average wage, turnover over 12 months',
        security: SIGNED_IN,
        querystring: scopeQuery,
        response: { 200: statsResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => employment.workforce(ctx, actorOf(req), req.query),
  );
}
