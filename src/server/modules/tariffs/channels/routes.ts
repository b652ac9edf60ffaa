/** Channel policy of catalog services and channel share over time. */
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '../../../platform/http/api';
import { problems } from '../../../platform/http/problem-schema';
import { actorOf } from '../../../platform/http/session-hook';
import { channelPolicyBody, channelPolicySchema, channelShareQuery, channelShareSchema } from '../schemas';
import * as channels from './service';

const serviceParams = z.object({ code: z.string().trim().min(1).max(60).meta({ description: 'Catalog service code', example: 'brief' }) });

export function channelRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/tariffs/channel-policies', {
    schema: {
      tags: ['tariffs'], summary: 'Every active service\'s channel policy (office only, online only, both) with its fee per channel from the schedule in force today (public)',
      response: { 200: z.object({ items: z.array(channelPolicySchema) }) },
    },
  }, async () => channels.listChannelPolicies(ctx));

  app.put('/v1/tariffs/channel-policies/:code', {
    schema: {
      tags: ['tariffs'], summary: 'Set where a service may be had: at offices only, online only, or both, with the reason (the regulator); takes effect at once',
      security: SIGNED_IN_WRITE, params: serviceParams, body: channelPolicyBody,
      response: { 200: channelPolicySchema, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => channels.changeChannelPolicy(ctx, actorOf(req), req.params.code, req.body));

  app.get('/v1/stats/channel-share', {
    schema: {
      tags: ['stats'], summary: 'Office and online records per Jalali month and service, and per province, with the online share (national oversight; a province\'s association or inspector: their province)',
      security: SIGNED_IN, querystring: channelShareQuery, response: { 200: channelShareSchema, ...problems(400, 401, 403) },
    },
  }, async (req) => channels.channelShare(ctx, actorOf(req), req.query));
}
