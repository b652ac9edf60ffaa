/** Tariff schedules as versioned data: drafts, indexation, approval by the regulator, history. */
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { SIGNED_IN_WRITE, type Api } from '../../../platform/http/api';
import { queryInt } from '../../../platform/http/fields';
import { problems } from '../../../platform/http/problem-schema';
import { actorOf } from '../../../platform/http/session-hook';
import { changesReferenceSchema, editDraftBody, indexationPreviewBody, lineChangeSchema, newDraftBody, scheduleSchema, scheduleSummarySchema } from '../schemas';
import * as schedules from './service';

const tags = ['tariffs'];
const idParams = z.object({ id: queryInt(1, 2_147_483_647) });

export function scheduleRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/tariffs/schedules', {
    schema: {
      tags, summary: 'Tariff schedules, latest start first: approved ones (public, the default) with their state today; drafts or all for oversight (association, regulator, inspectors)',
      querystring: z.object({ status: z.enum(['approved', 'draft', 'all']).default('approved') }),
      response: { 200: z.object({ items: z.array(scheduleSummarySchema) }), ...problems(400, 401, 403) },
    },
  }, async (req) => schedules.listSchedules(ctx, req.actor, req.query.status));

  app.get('/v1/tariffs/schedules/:id', {
    schema: {
      tags, summary: 'One schedule with its lines (approved: public; a draft: oversight only)',
      params: idParams, response: { 200: scheduleSchema, ...problems(400, 404) },
    },
  }, async (req) => schedules.getSchedule(ctx, req.actor, req.params.id));

  app.get('/v1/tariffs/schedules/:id/changes', {
    schema: {
      tags, summary: 'Each line of a schedule old and new, with the change in percent, against the schedule in force on its start',
      params: idParams, response: { 200: z.object({ reference: changesReferenceSchema.nullable(), items: z.array(lineChangeSchema) }), ...problems(400, 404) },
    },
  }, async (req) => schedules.scheduleChanges(ctx, req.actor, req.params.id));

  app.post('/v1/tariffs/schedules', {
    schema: {
      tags, summary: 'Draft a schedule (national association or regulator): copied or indexed from a base schedule, or from lines given outright',
      security: SIGNED_IN_WRITE, body: newDraftBody, response: { 201: scheduleSchema, ...problems(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await schedules.createDraft(ctx, actorOf(req), req.body)));

  app.patch('/v1/tariffs/schedules/:id', {
    schema: {
      tags, summary: 'Edit a draft: titles, dates, source, note, and lines by code (an approved schedule never changes)',
      security: SIGNED_IN_WRITE, params: idParams, body: editDraftBody, response: { 200: scheduleSchema, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => schedules.editDraft(ctx, actorOf(req), req.params.id, req.body));

  app.delete('/v1/tariffs/schedules/:id', {
    schema: {
      tags, summary: 'Delete a draft', security: SIGNED_IN_WRITE, params: idParams, response: { 204: z.null(), ...problems(401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    await schedules.deleteDraft(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.post('/v1/tariffs/schedules/:id/approve', {
    schema: {
      tags, summary: 'Approve a draft (the regulator, never the one who drafted it): dates clear of other approved schedules, not retroactive, complete and plausible',
      security: SIGNED_IN_WRITE, params: idParams, response: { 200: scheduleSchema, ...problems(400, 401, 403, 404, 409, 422) },
    },
  }, async (req) => schedules.approveSchedule(ctx, actorOf(req), req.params.id));

  app.post('/v1/tariffs/indexation-preview', {
    schema: {
      tags, summary: 'The lines a draft indexed from a base schedule would get, beside the base fees (writes nothing)',
      security: SIGNED_IN_WRITE, body: indexationPreviewBody,
      response: { 200: z.object({ basedOn: z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string() }), ratePercent: z.number(), roundingRials: z.number().int().nullable(), mode: z.enum(['nearest', 'up']), items: z.array(lineChangeSchema) }), ...problems(400, 401, 403) },
    },
  }, async (req) => schedules.previewIndexation(ctx, actorOf(req), req.body));
}
