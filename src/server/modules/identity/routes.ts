/** HTTP routes of the identity area: parse, call the use case, map. Nothing else. */
import { z } from 'zod';
import { requestCitizenCode, signInCitizen, signInStaff, signOut } from '../../platform/auth/auth-service';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '../../platform/http/api';
import { signInRateLimit } from '../../platform/http/rate-limit';
import { problems } from '../../platform/http/problem-schema';
import { actorOf, clearSessionCookies, setSessionCookies } from '../../platform/http/session-hook';
import {
  citizenCodeBody, citizenCodeResponse, citizenProfileSchema, citizenSignInBody, createStaffBody, idParams, meSchema,
  resetPasswordBody, signedInResponse, staffListQuery, staffMemberSchema, staffPage, staffSignInBody,
} from './schemas';
import * as identity from './service';
import * as eaccounts from './eaccounts';
import {
  citizenLookupQuery, citizenLookupSchema, legalPersonBody, legalPersonPage, legalPersonSchema, mobileCodeBody, mobileCodeResponse,
  partySearchQuery, registerEaccountBody, registeredResponse, representativeBody, representativePage, representativeSchema,
  representativeSearchQuery, selfRegisterBody, selfRegisteredResponse,
} from './schemas';

const tags = ['identity'];

export function identityRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.production;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });

  app.post('/v1/auth/staff/login', {
    config: signInRateLimit(ctx),
    schema: { tags, summary: 'Staff sign-in with username and password', body: staffSignInBody, response: { 200: signedInResponse, ...problems(400, 401, 429) } },
  }, async (req, reply) => {
    const { session, actor } = await signInStaff(ctx, req.body, meta(req));
    setSessionCookies(reply, session, secure);
    return { user: identity.currentUser(actor) };
  });

  app.post('/v1/auth/citizen/otp', {
    config: signInRateLimit(ctx),
    schema: { tags, summary: 'Send a sign-in code to a citizen\'s mobile', body: citizenCodeBody, response: { 202: citizenCodeResponse, ...problems(400, 429) } },
  }, async (req, reply) => reply.code(202).send(await requestCitizenCode(ctx, req.body.mobile)));

  app.post('/v1/auth/citizen/login', {
    config: signInRateLimit(ctx),
    schema: { tags, summary: 'Citizen sign-in with mobile and one-time code', body: citizenSignInBody, response: { 200: signedInResponse, ...problems(400, 401, 429) } },
  }, async (req, reply) => {
    const { session, actor } = await signInCitizen(ctx, req.body, meta(req));
    setSessionCookies(reply, session, secure);
    return { user: identity.currentUser(actor) };
  });

  app.post('/v1/auth/logout', {
    schema: { tags, summary: 'Sign out (ends the session)', security: SIGNED_IN_WRITE, response: { 204: z.null(), ...problems(401, 403) } },
  }, async (req, reply) => {
    actorOf(req);
    await signOut(ctx, req.sessionToken!);
    clearSessionCookies(reply);
    return reply.code(204).send(null);
  });

  app.get('/v1/auth/me', {
    schema: { tags, summary: 'The signed-in user with roles and scopes', security: SIGNED_IN, response: { 200: z.object({ user: meSchema }), ...problems(401) } },
  }, async (req) => ({ user: identity.currentUser(actorOf(req)) }));

  app.get('/v1/users', {
    schema: { tags, summary: 'Staff within the caller\'s scope', security: SIGNED_IN, querystring: staffListQuery, response: { 200: staffPage, ...problems(400, 401, 403) } },
  }, async (req) => identity.listStaff(ctx, actorOf(req), req.query));

  app.post('/v1/users', {
    schema: { tags, summary: 'Create a staff account with one role in a scope', security: SIGNED_IN_WRITE, body: createStaffBody, response: { 201: z.object({ user: staffMemberSchema }), ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send({ user: await identity.createStaff(ctx, actorOf(req), req.body) }));

  app.post('/v1/users/:id/password', {
    schema: { tags, summary: 'Set a staff member\'s password', security: SIGNED_IN_WRITE, params: idParams, body: resetPasswordBody, response: { 204: z.null(), ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => {
    await identity.resetPassword(ctx, actorOf(req), req.params.id, req.body.password);
    return reply.code(204).send(null);
  });

  app.get('/v1/citizens/me', {
    schema: { tags, summary: 'The signed-in citizen\'s own e-account profile', security: SIGNED_IN, response: { 200: citizenProfileSchema, ...problems(401, 403) } },
  }, async (req) => identity.ownCitizenProfile(ctx, actorOf(req)));

  // ---- Judicial e-accounts, the citizen lookup, legal persons and representatives ----

  app.post('/v1/eaccounts/mobile-code', {
    schema: { tags, summary: 'Counter: send a code confirming the mobile of a citizen being registered', security: SIGNED_IN_WRITE, body: mobileCodeBody, response: { 202: mobileCodeResponse, ...problems(400, 401, 403, 409, 429) } },
  }, async (req, reply) => reply.code(202).send(await eaccounts.sendMobileCodeAtOffice(ctx, actorOf(req), req.body.mobile)));

  app.post('/v1/eaccounts', {
    schema: { tags, summary: 'Counter: register a citizen\'s judicial e-account (judicial ID, sign-in account, priced service)', security: SIGNED_IN_WRITE, body: registerEaccountBody, response: { 201: registeredResponse, ...problems(400, 401, 403, 409, 422) } },
  }, async (req, reply) => reply.code(201).send(await eaccounts.registerAtOffice(ctx, actorOf(req), req.body)));

  app.post('/v1/eaccounts/self/mobile-code', {
    schema: { tags, summary: 'Online self-registration: send a code confirming the mobile', body: mobileCodeBody, response: { 202: mobileCodeResponse, ...problems(400, 403, 429) } },
  }, async (req, reply) => reply.code(202).send(await eaccounts.sendMobileCodeOnline(ctx, req.body.mobile)));

  app.post('/v1/eaccounts/self', {
    schema: { tags, summary: 'Online self-registration of a judicial e-account; signs the citizen in', body: selfRegisterBody, response: { 201: selfRegisteredResponse, ...problems(400, 403, 409, 422) } },
  }, async (req, reply) => {
    const { eaccount, session, actor } = await eaccounts.registerOnline(ctx, req.body, meta(req));
    setSessionCookies(reply, session, secure);
    return reply.code(201).send({ eaccount, user: identity.currentUser(actor) });
  });

  app.get('/v1/citizens/lookup', {
    schema: { tags, summary: 'Counter: find a citizen by national ID (name, judicial ID, masked mobile only)', security: SIGNED_IN, querystring: citizenLookupQuery, response: { 200: citizenLookupSchema, ...problems(400, 401, 403, 404) } },
  }, async (req) => eaccounts.lookupCitizen(ctx, actorOf(req), req.query.nationalId));

  app.post('/v1/legal-persons', {
    schema: { tags, summary: 'Register a legal person (company) by its national company ID', security: SIGNED_IN_WRITE, body: legalPersonBody, response: { 201: legalPersonSchema, ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await eaccounts.createLegalPerson(ctx, actorOf(req), req.body)));

  app.get('/v1/legal-persons', {
    schema: { tags, summary: 'Search legal persons by company ID, registration number or name', security: SIGNED_IN, querystring: partySearchQuery, response: { 200: legalPersonPage, ...problems(400, 401, 403) } },
  }, async (req) => eaccounts.searchLegalPersons(ctx, actorOf(req), req.query));

  app.post('/v1/representatives', {
    schema: { tags, summary: 'Register a representative (lawyer with licence, guardian, legal adviser)', security: SIGNED_IN_WRITE, body: representativeBody, response: { 201: representativeSchema, ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await eaccounts.createRepresentative(ctx, actorOf(req), req.body)));

  app.get('/v1/representatives', {
    schema: { tags, summary: 'Search representatives by national ID, licence number or name', security: SIGNED_IN, querystring: representativeSearchQuery, response: { 200: representativePage, ...problems(400, 401, 403) } },
  }, async (req) => eaccounts.searchRepresentatives(ctx, actorOf(req), req.query));
}
