/** HTTP routes of the question bank, exams, attempts and results. Parse, call, map. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import {
  attemptParams,
  attemptSchema,
  courseParams,
  examBody,
  examListQuery,
  examListResponse,
  examParams,
  examSchema,
  questionBody,
  questionListQuery,
  questionListResponse,
  questionParams,
  questionSchema,
  resultsPage,
  resultsQuery,
  submitBody,
} from './schemas';
import * as exams from './service';

const tags = ['operators'];

export function examRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/training/courses/:id/questions',
    {
      schema: {
        tags,
        summary: "A course's question bank, with the correct answers (national association)",
        security: SIGNED_IN,
        params: courseParams,
        querystring: questionListQuery,
        response: { 200: questionListResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => exams.listQuestions(ctx, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/v1/training/courses/:id/questions',
    {
      schema: {
        tags,
        summary: "Add a multiple-choice question to a course's bank",
        security: SIGNED_IN_WRITE,
        params: courseParams,
        body: questionBody,
        response: { 201: questionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await exams.addQuestion(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.put(
    '/v1/training/questions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a bank question',
        security: SIGNED_IN_WRITE,
        params: questionParams,
        body: questionBody,
        response: { 200: questionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => exams.updateQuestion(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/v1/training/questions/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a bank question (attempts that drew it are still graded against it)',
        security: SIGNED_IN_WRITE,
        params: questionParams,
        response: { 200: questionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => exams.deactivateQuestion(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/v1/training/exams',
    {
      schema: {
        tags,
        summary:
          'Exams with their course and, for the caller, attempts used and left, best score, passed, and a running attempt',
        security: SIGNED_IN,
        querystring: examListQuery,
        response: { 200: examListResponse, ...problems(400, 401, 403) },
      },
    },
    async (req) => exams.listExams(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/training/courses/:id/exams',
    {
      schema: {
        tags,
        summary: "Create a course's exam: questions drawn, time, pass mark, attempts allowed",
        security: SIGNED_IN_WRITE,
        params: courseParams,
        body: examBody,
        response: { 201: examSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await exams.createExam(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.put(
    '/v1/training/exams/:id',
    {
      schema: {
        tags,
        summary: 'Edit an exam',
        security: SIGNED_IN_WRITE,
        params: examParams,
        body: examBody,
        response: { 200: examSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => exams.updateExam(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/v1/training/exams/:id/attempts',
    {
      schema: {
        tags,
        summary: 'Start an attempt: questions drawn at random, the deadline set (never the answers)',
        security: SIGNED_IN_WRITE,
        params: examParams,
        response: { 201: attemptSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await exams.startAttempt(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/v1/training/attempts/:id',
    {
      schema: {
        tags,
        summary: "One's own attempt: to resume it, or after submission its grade",
        security: SIGNED_IN,
        params: attemptParams,
        response: { 200: attemptSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => exams.getAttempt(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/v1/training/attempts/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the answer sheet before the deadline: graded at once',
        security: SIGNED_IN_WRITE,
        params: attemptParams,
        body: submitBody,
        response: { 200: attemptSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => exams.submitAttempt(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/training/exams/:id/results',
    {
      schema: {
        tags,
        summary: "An exam's attempts and grades, for the candidates' offices and provinces the caller oversees",
        security: SIGNED_IN,
        params: examParams,
        querystring: resultsQuery,
        response: { 200: resultsPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => exams.examResults(ctx, actorOf(req), req.params.id, req.query),
  );
}
