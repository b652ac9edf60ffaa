/** HTTP routes of training: the course catalog, sessions, enrolment and attendance. Parse, call, map. */
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import {
  attendanceBody,
  courseBody,
  courseListQuery,
  courseListResponse,
  courseParams,
  courseSchema,
  enrolBody,
  enrolmentParams,
  enrolmentResponse,
  myTrainingResponse,
  sessionBody,
  sessionDetailResponse,
  sessionListQuery,
  sessionListResponse,
  sessionParams,
  sessionSchema,
} from './schemas';
import * as training from './service';

const tags = ['operators'];

export function trainingRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/training/courses',
    {
      schema: {
        tags,
        summary: 'The course catalog (inactive courses too, for the national association, with includeInactive=true)',
        security: SIGNED_IN,
        querystring: courseListQuery,
        response: { 200: courseListResponse, ...problems(400, 401, 403) },
      },
    },
    async (req) => training.listCourses(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/training/courses',
    {
      schema: {
        tags,
        summary: 'Add a course to the national catalog (national association)',
        security: SIGNED_IN_WRITE,
        body: courseBody,
        response: { 201: courseSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await training.createCourse(ctx, actorOf(req), req.body)),
  );

  app.put(
    '/v1/training/courses/:id',
    {
      schema: {
        tags,
        summary: 'Edit a course of the national catalog (national association)',
        security: SIGNED_IN_WRITE,
        params: courseParams,
        body: courseBody,
        response: { 200: courseSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => training.updateCourse(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/training/sessions',
    {
      schema: {
        tags,
        summary: "Course sessions (a province's and the national ones), with places left",
        security: SIGNED_IN,
        querystring: sessionListQuery,
        response: { 200: sessionListResponse, ...problems(400, 401, 403) },
      },
    },
    async (req) => training.listSessions(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/training/sessions/:id',
    {
      schema: {
        tags,
        summary: 'A session, with the enrolments the caller oversees (or their own)',
        security: SIGNED_IN,
        params: sessionParams,
        response: { 200: sessionDetailResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => training.getSession(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/v1/training/sessions',
    {
      schema: {
        tags,
        summary:
          'Schedule a session of a course in a province (its association) or nationally online (national association)',
        security: SIGNED_IN_WRITE,
        body: sessionBody,
        response: { 201: sessionSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await training.createSession(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/v1/training/sessions/:id/enrolments',
    {
      schema: {
        tags,
        summary:
          "Enrol in a session: oneself (no userId), or an office's staff by its manager or the province's association",
        security: SIGNED_IN_WRITE,
        params: sessionParams,
        body: enrolBody,
        response: { 201: enrolmentResponse, ...problems(400, 401, 403, 404, 409) },
      },
      // Enrolling oneself needs nothing in the body: an empty request means "me".
      preValidation: (req, _reply, done) => {
        req.body ??= {};
        done();
      },
    },
    async (req, reply) => reply.code(201).send(await training.enrol(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/v1/training/sessions/:id/enrolments/:userId',
    {
      schema: {
        tags,
        summary: 'Cancel an enrolment before the session starts',
        security: SIGNED_IN_WRITE,
        params: enrolmentParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await training.cancelEnrolment(ctx, actorOf(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/training/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary:
          "Record attendance and hours of a session's enrolled staff, all in one step (the session's association)",
        security: SIGNED_IN_WRITE,
        params: sessionParams,
        body: attendanceBody,
        response: { 200: sessionDetailResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => training.recordAttendance(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/training/me',
    {
      schema: {
        tags,
        summary:
          "One's own training: enrolments, courses completed, continuing-education hours of the last twelve months",
        security: SIGNED_IN,
        response: { 200: myTrainingResponse, ...problems(401, 403) },
      },
    },
    async (req) => training.myTraining(ctx, actorOf(req)),
  );
}
