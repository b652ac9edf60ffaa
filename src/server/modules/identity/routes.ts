/** HTTP routes of the identity area: parse, call the use case, map. Nothing else. */
import { z } from 'zod';
import { requestCitizenCode, signInCitizen, signInStaff, signOut } from './auth-service';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { signInRateLimit } from '#server/platform/http/rate-limit';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf, clearSessionCookies, setSessionCookies } from '#server/platform/http/session-hook';
import {
  citizenCodeBody,
  citizenCodeResponse,
  citizenProfileSchema,
  citizenSignInBody,
  createStaffBody,
  idParams,
  meSchema,
  resetPasswordBody,
  signedInResponse,
  staffListQuery,
  staffMemberSchema,
  staffPage,
  staffSignInBody,
} from './schemas';
import * as identity from './service';

const tags = ['identity'];

export function identityRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.production;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  });

  app.post(
    '/v1/auth/staff/login',
    {
      config: signInRateLimit(ctx),
      schema: {
        tags,
        summary: 'Staff sign-in with username and password',
        body: staffSignInBody,
        response: { 200: signedInResponse, ...problems(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { session, actor } = await signInStaff(ctx, req.body, meta(req));
      setSessionCookies(reply, session, secure);
      return { user: identity.currentUser(actor) };
    },
  );

  app.post(
    '/v1/auth/citizen/otp',
    {
      config: signInRateLimit(ctx),
      schema: {
        tags,
        summary: "Send a sign-in code to a citizen's mobile",
        body: citizenCodeBody,
        response: { 202: citizenCodeResponse, ...problems(400, 429) },
      },
    },
    async (req, reply) => reply.code(202).send(await requestCitizenCode(ctx, req.body.mobile)),
  );

  app.post(
    '/v1/auth/citizen/login',
    {
      config: signInRateLimit(ctx),
      schema: {
        tags,
        summary: 'Citizen sign-in with mobile and one-time code',
        body: citizenSignInBody,
        response: { 200: signedInResponse, ...problems(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { session, actor } = await signInCitizen(ctx, req.body, meta(req));
      setSessionCookies(reply, session, secure);
      return { user: identity.currentUser(actor) };
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (ends the session)',
        security: SIGNED_IN_WRITE,
        response: { 204: z.null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      actorOf(req);
      await signOut(ctx, req.sessionToken!);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user with roles and scopes',
        security: SIGNED_IN,
        response: { 200: z.object({ user: meSchema }), ...problems(401) },
      },
    },
    async (req) => ({ user: identity.currentUser(actorOf(req)) }),
  );

  app.get(
    '/v1/users',
    {
      schema: {
        tags,
        summary: "Staff within the caller's scope",
        security: SIGNED_IN,
        querystring: staffListQuery,
        response: { 200: staffPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => identity.listStaff(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a staff account with one role in a scope',
        security: SIGNED_IN_WRITE,
        body: createStaffBody,
        response: { 201: z.object({ user: staffMemberSchema }), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send({ user: await identity.createStaff(ctx, actorOf(req), req.body) }),
  );

  app.post(
    '/v1/users/:id/password',
    {
      schema: {
        tags,
        summary: "Set a staff member's password",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: resetPasswordBody,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await identity.resetPassword(ctx, actorOf(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/citizens/me',
    {
      schema: {
        tags,
        summary: "The signed-in citizen's own e-account profile",
        security: SIGNED_IN,
        response: { 200: citizenProfileSchema, ...problems(401, 403) },
      },
    },
    async (req) => identity.ownCitizenProfile(ctx, actorOf(req)),
  );
}
