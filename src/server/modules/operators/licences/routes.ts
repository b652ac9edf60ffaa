/** HTTP routes of activity licences: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import {
  eligibilityQuery,
  eligibilitySchema,
  issueLicenceBody,
  licenceDetailSchema,
  licenceListQuery,
  licencePage,
  licenceParams,
  ownLicences,
  reinstateBody,
  revokeBody,
  staffParams,
  suspendBody,
} from './schemas';
import * as licences from './service';

const tags = ['operators'];

export function licenceRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/licences',
    {
      schema: {
        tags,
        summary:
          "Activity licences within the caller's scope: search, effective status, office, province, expiring soon",
        security: SIGNED_IN,
        querystring: licenceListQuery,
        response: { 200: licencePage, ...problems(400, 401, 403) },
      },
    },
    async (req) => licences.listLicences(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/licences/mine',
    {
      schema: {
        tags,
        summary:
          "The signed-in staff member's own activity licences, with status, expiry and continuing-education hours towards renewal",
        security: SIGNED_IN,
        response: { 200: ownLicences, ...problems(401, 403) },
      },
    },
    async (req) => licences.ownLicences(ctx, actorOf(req)),
  );

  app.get(
    '/v1/licences/:id',
    {
      schema: {
        tags,
        summary: 'One activity licence with its holder, office and history (newest first)',
        security: SIGNED_IN,
        params: licenceParams,
        response: { 200: licenceDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => licences.getLicence(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/v1/staff/:id/licence-eligibility',
    {
      schema: {
        tags,
        summary:
          "What a staff member may be licensed for at an office: training passed, the office's competencies, what is missing",
        security: SIGNED_IN,
        params: staffParams,
        querystring: eligibilityQuery,
        response: { 200: eligibilitySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => licences.eligibility(ctx, actorOf(req), req.params.id, req.query.officeId),
  );

  app.post(
    '/v1/licences',
    {
      schema: {
        tags,
        summary: 'Issue an activity licence (training passed, office competent; valid one year)',
        security: SIGNED_IN_WRITE,
        body: issueLicenceBody,
        response: { 201: licenceDetailSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await licences.issueLicence(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/v1/licences/:id/renew',
    {
      schema: {
        tags,
        summary: 'Renew a licence for another year with enough continuing-education hours',
        security: SIGNED_IN_WRITE,
        params: licenceParams,
        response: { 200: licenceDetailSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => licences.renewLicence(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/v1/licences/:id/suspend',
    {
      schema: {
        tags,
        summary: 'Suspend a licence with a reason, until a date or until lifted',
        security: SIGNED_IN_WRITE,
        params: licenceParams,
        body: suspendBody,
        response: { 200: licenceDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => licences.suspendLicence(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/v1/licences/:id/reinstate',
    {
      schema: {
        tags,
        summary: "Lift a licence's suspension",
        security: SIGNED_IN_WRITE,
        params: licenceParams,
        body: reinstateBody.optional(),
        response: { 200: licenceDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => licences.reinstateLicence(ctx, actorOf(req), req.params.id, req.body ?? {}),
  );

  app.post(
    '/v1/licences/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a licence with a reason (final)',
        security: SIGNED_IN_WRITE,
        params: licenceParams,
        body: revokeBody,
        response: { 200: licenceDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => licences.revokeLicence(ctx, actorOf(req), req.params.id, req.body),
  );
}
