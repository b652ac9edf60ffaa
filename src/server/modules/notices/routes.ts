/** HTTP routes of the notices area: parse, call, map. */
import { z } from 'zod';
import { tehranIsoDate } from '#core/jalali';
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { pageOf, paginationQuery } from '#server/platform/http/fields';
import { idempotencyKeyFrom, runIdempotent } from '#server/platform/http/idempotency';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { authorize } from '#server/platform/auth/policy';
import type { Actor } from '#server/platform/auth/actor';
import { AppError } from '#server/platform/errors/app-error';
import * as atOffice from './at-office';
import { deadlineRoutes } from './deadline-routes';
import * as holidays from './holidays';
import { listOutbox } from './outbox';
import {
  addHolidayBody,
  citizenCasesPage,
  citizenFilingsPage,
  citizenNoticesPage,
  consentedNoticesQuery,
  holidayParams,
  holidaySchema,
  holidaysQuery,
  holidaysResponse,
  idParams,
  issuedNoticeSchema,
  issueNoticeBody,
  moveHolidayBody,
  openAtOfficeBody,
  openAtOfficeResponse,
  openedNoticeSchema,
  overviewSchema,
  pageQuery,
  ruleParams,
  ruleSchema,
  rulesResponse,
  updateRuleBody,
} from './schemas';
import * as notices from './service';
import * as tracking from './tracking';

const outboxMessage = z
  .object({
    id: z.number().int(),
    channel: z.enum(['sms', 'email']),
    recipient: z.string(),
    template: z.string(),
    body: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

const tags = ['notices'];

/** The signed-in citizen, allowed to read their own tracking data. */
function ownCitizen(actor: Actor): number {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'tracking.read-own', { citizenId: actor.citizenId });
  return actor.citizenId;
}

export function noticeRoutes(app: Api, ctx: AppContext) {
  deadlineRoutes(app, ctx);
  app.get(
    '/v1/notifier/outbox',
    {
      schema: {
        tags,
        summary: 'Messages sent through the notifier (SMS outbox)',
        security: SIGNED_IN,
        querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), ...paginationQuery }),
        response: { 200: pageOf(outboxMessage), ...problems(400, 401, 403) },
      },
    },
    async (req) => listOutbox(ctx, actorOf(req), req.query),
  );

  // ——— Issuing (court) ———
  app.post(
    '/v1/court/cases/:id/notices',
    {
      schema: {
        tags,
        summary: 'Issue a notice (summons, decision, order, notification) to the parties of a case',
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: issueNoticeBody,
        response: { 201: issuedNoticeSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await notices.issueNotice(ctx, actorOf(req), req.params.id, req.body)),
  );

  // ——— The citizen's own tracking (self-service) ———
  app.get(
    '/v1/me/overview',
    {
      schema: {
        tags,
        summary: "The signed-in citizen's filings, cases and notices with deadlines",
        security: SIGNED_IN,
        response: { 200: overviewSchema, ...problems(401, 403) },
      },
    },
    async (req) => tracking.citizenOverview(ctx.db, ownCitizen(actorOf(req)), tehranIsoDate(ctx.clock.now())),
  );

  app.get(
    '/v1/me/filings',
    {
      schema: {
        tags,
        summary: "The signed-in citizen's filings",
        security: SIGNED_IN,
        querystring: pageQuery,
        response: { 200: citizenFilingsPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => tracking.citizenFilings(ctx.db, ownCitizen(actorOf(req)), req.query.page, req.query.pageSize),
  );

  app.get(
    '/v1/me/cases',
    {
      schema: {
        tags,
        summary: 'The cases the signed-in citizen is a party to',
        security: SIGNED_IN,
        querystring: pageQuery,
        response: { 200: citizenCasesPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => tracking.citizenCases(ctx.db, ownCitizen(actorOf(req)), req.query.page, req.query.pageSize),
  );

  app.get(
    '/v1/me/notices',
    {
      schema: {
        tags,
        summary: "The signed-in citizen's notices, delivered or not, with deadlines",
        security: SIGNED_IN,
        querystring: pageQuery,
        response: { 200: citizenNoticesPage, ...problems(400, 401, 403) },
      },
    },
    async (req) =>
      tracking.citizenNotices(
        ctx.db,
        ownCitizen(actorOf(req)),
        tehranIsoDate(ctx.clock.now()),
        req.query.page,
        req.query.pageSize,
      ),
  );

  app.get(
    '/v1/me/notices/:id',
    {
      schema: {
        tags,
        summary: "Open one of the citizen's notices: reading it records its delivery (online) and fixes the deadline",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: openedNoticeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => notices.openOwnNotice(ctx, actorOf(req), req.params.id),
  );

  // ——— At an office, with the citizen's consent ———
  app.get(
    '/v1/counter/notices',
    {
      schema: {
        tags,
        summary: "A citizen's notices, read at an office with the citizen's consent (notice-page)",
        security: SIGNED_IN,
        querystring: consentedNoticesQuery,
        response: { 200: citizenNoticesPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => atOffice.consentedNotices(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/counter/notices/:id/open',
    {
      schema: {
        tags,
        summary:
          "Open a citizen's notice at the office on their behalf (consent required; charges notice-page). An optional Idempotency-Key makes retries safe",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: openAtOfficeBody,
        response: { 200: openAtOfficeResponse, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = idempotencyKeyFrom(req.headers['idempotency-key'], false);
      if (!key) return atOffice.openAtOffice(ctx, actor, req.params.id, req.body);
      const run = async () => ({
        status: 200,
        body: (await atOffice.openAtOffice(ctx, actor, req.params.id, req.body)) as unknown,
      });
      // A retried request with the same key gets the first answer, not a second charge.
      const answer = await runIdempotent(
        ctx,
        { userId: actor.userId, key, operation: 'notices.open-at-office', request: { id: req.params.id, ...req.body } },
        run,
      );
      return reply
        .code(200)
        .header('idempotent-replayed', String(answer.replayed))
        .send(answer.body as Awaited<ReturnType<typeof atOffice.openAtOffice>>);
    },
  );

  // ——— The holiday calendar and deadline rules ———
  app.get(
    '/v1/holidays',
    {
      schema: {
        tags,
        summary:
          "The holiday calendar of a Jalali year (default: this year): the law's holidays, computed for any year, with admins' confirmations, moves, additions and removals",
        security: SIGNED_IN,
        querystring: holidaysQuery,
        response: { 200: holidaysResponse, ...problems(400, 401, 403) },
      },
    },
    async (req) => holidays.listHolidays(ctx, actorOf(req), req.query.year),
  );

  app.post(
    '/v1/holidays',
    {
      schema: {
        tags,
        summary: 'Add a closed day to the calendar (a law holiday an admin had removed is restored)',
        security: SIGNED_IN_WRITE,
        body: addHolidayBody,
        response: { 201: holidaySchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await holidays.addHoliday(ctx, actorOf(req), req.body)),
  );

  app.delete(
    '/v1/holidays/:date',
    {
      schema: {
        tags,
        summary: 'Open a day again (Jalali date): an added day is deleted, a law holiday is recorded as removed',
        security: SIGNED_IN_WRITE,
        params: holidayParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await holidays.removeHoliday(ctx, actorOf(req), req.params.date);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/holidays/:date/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the computed lunar holiday on a day (Jalali date) against the official calendar',
        security: SIGNED_IN_WRITE,
        params: holidayParams,
        response: { 200: holidaySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => holidays.confirmLunarHoliday(ctx, actorOf(req), req.params.date),
  );

  app.post(
    '/v1/holidays/:date/move',
    {
      schema: {
        tags,
        summary:
          'Move the lunar holiday on a day (Jalali date) to its official day, at most three days from the computed one',
        security: SIGNED_IN_WRITE,
        params: holidayParams,
        body: moveHolidayBody,
        response: { 200: holidaySchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => holidays.moveLunarHoliday(ctx, actorOf(req), req.params.date, req.body.to),
  );

  app.get(
    '/v1/notice-deadline-rules',
    {
      schema: {
        tags,
        summary: 'Days from delivery per kind of notice, with their legal source',
        security: SIGNED_IN,
        response: { 200: rulesResponse, ...problems(401, 403) },
      },
    },
    async (req) => notices.listRules(ctx, actorOf(req)),
  );

  app.put(
    '/v1/notice-deadline-rules/:kind',
    {
      schema: {
        tags,
        summary: 'Set the days from delivery for a kind of notice, with the legal source',
        security: SIGNED_IN_WRITE,
        params: ruleParams,
        body: updateRuleBody,
        response: { 200: ruleSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => notices.updateRule(ctx, actorOf(req), req.params.kind, req.body),
  );
}
