/**
 * HTTP routes of the e-accounts area: parse, call the use case, map. Nothing else. They keep the
 * identity tag (and identity's schemas): to the API's reader they are part of identity.
 */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf, setSessionCookies } from '#server/platform/http/session-hook';
import {
  citizenLookupQuery,
  citizenLookupSchema,
  legalPersonBody,
  legalPersonPage,
  legalPersonSchema,
  mobileCodeBody,
  mobileCodeResponse,
  partySearchQuery,
  registerEaccountBody,
  registeredResponse,
  representativeBody,
  representativePage,
  representativeSchema,
  representativeSearchQuery,
  selfRegisterBody,
  selfRegisteredResponse,
} from '#server/modules/identity/schemas';
import * as identity from '#server/modules/identity/service';
import * as eaccounts from './service';

const tags = ['identity'];

export function eaccountRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.production;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  });

  // ---- Judicial e-accounts, the citizen lookup, legal persons and representatives ----

  app.post(
    '/v1/eaccounts/mobile-code',
    {
      schema: {
        tags,
        summary: 'Counter: send a code confirming the mobile of a citizen being registered',
        security: SIGNED_IN_WRITE,
        body: mobileCodeBody,
        response: { 202: mobileCodeResponse, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await eaccounts.sendMobileCodeAtOffice(ctx, actorOf(req), req.body.mobile)),
  );

  app.post(
    '/v1/eaccounts',
    {
      schema: {
        tags,
        summary: "Counter: register a citizen's judicial e-account (judicial ID, sign-in account, priced service)",
        security: SIGNED_IN_WRITE,
        body: registerEaccountBody,
        response: { 201: registeredResponse, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await eaccounts.registerAtOffice(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/v1/eaccounts/self/mobile-code',
    {
      schema: {
        tags,
        summary: 'Online self-registration: send a code confirming the mobile',
        body: mobileCodeBody,
        response: { 202: mobileCodeResponse, ...problems(400, 403, 429) },
      },
    },
    async (req, reply) => reply.code(202).send(await eaccounts.sendMobileCodeOnline(ctx, req.body.mobile)),
  );

  app.post(
    '/v1/eaccounts/self',
    {
      schema: {
        tags,
        summary: 'Online self-registration of a judicial e-account; signs the citizen in',
        body: selfRegisterBody,
        response: { 201: selfRegisteredResponse, ...problems(400, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const { eaccount, session, actor } = await eaccounts.registerOnline(ctx, req.body, meta(req));
      setSessionCookies(reply, session, secure);
      return reply.code(201).send({ eaccount, user: identity.currentUser(actor) });
    },
  );

  app.get(
    '/v1/citizens/lookup',
    {
      schema: {
        tags,
        summary: 'Counter: find a citizen by national ID (name, judicial ID, masked mobile only)',
        security: SIGNED_IN,
        querystring: citizenLookupQuery,
        response: { 200: citizenLookupSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => eaccounts.lookupCitizen(ctx, actorOf(req), req.query.nationalId),
  );

  app.post(
    '/v1/legal-persons',
    {
      schema: {
        tags,
        summary: 'Register a legal person (company) by its national company ID',
        security: SIGNED_IN_WRITE,
        body: legalPersonBody,
        response: { 201: legalPersonSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await eaccounts.createLegalPerson(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/v1/legal-persons',
    {
      schema: {
        tags,
        summary: 'Search legal persons by company ID, registration number or name',
        security: SIGNED_IN,
        querystring: partySearchQuery,
        response: { 200: legalPersonPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => eaccounts.searchLegalPersons(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/representatives',
    {
      schema: {
        tags,
        summary: 'Register a representative (lawyer with licence, guardian, legal adviser)',
        security: SIGNED_IN_WRITE,
        body: representativeBody,
        response: { 201: representativeSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await eaccounts.createRepresentative(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/v1/representatives',
    {
      schema: {
        tags,
        summary: 'Search representatives by national ID, licence number or name',
        security: SIGNED_IN,
        querystring: representativeSearchQuery,
        response: { 200: representativePage, ...problems(400, 401, 403) },
      },
    },
    async (req) => eaccounts.searchRepresentatives(ctx, actorOf(req), req.query),
  );
}
