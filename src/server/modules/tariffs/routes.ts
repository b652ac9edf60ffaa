import { z } from 'zod';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { AppContext } from '../../platform/context';
import { SIGNED_IN_WRITE, type Api } from '../../platform/http/api';
import { jalaliDateField, queryInt } from '../../platform/http/fields';
import { problems } from '../../platform/http/problem-schema';
import { actorOf } from '../../platform/http/session-hook';
import { addCourtCostRule, courtCostsFor, listCourtCostRules, removeCourtCostRule } from './court-costs';
import { quoteFees } from './fees';
import { channelRoutes } from './channels/routes';
import { scheduleRoutes } from './schedules/routes';
import { simulatorRoutes } from './simulator/routes';

const tags = ['tariffs'];

const quoteBody = z.object({
  service: z.string().trim().min(1).max(60).meta({ description: 'Catalog service code, e.g. petition', example: 'petition' }),
  date: jalaliDateField.optional().meta({ description: 'Jalali date the quote is for (today in Tehran when absent)', example: '1403-05-01' }),
  parties: z.number().meta({ description: 'Everyone named on a filing: parties and representatives (filing services)', example: 2 }).optional(),
  pages: z.number().meta({ description: 'Attachment pages (filing services)', example: 2 }).optional(),
  channel: z.enum(['office', 'online']).default('office').meta({ description: 'At an office (default) or online by the citizen: each channel has its own fee' }),
  claimValueRials: z.number().int().min(0).max(1e15).optional().meta({ description: 'Value of the claims, for court costs that are a percentage of it', example: 500000000 }),
}).strict();

const quoteLine = z.object({ code: z.string(), titleFa: z.string(), titleEn: z.string(), quantity: z.number().int(), unitRials: z.number().int(), amountRials: z.number().int() });
export const quoteSchema = z.object({
  schedule: z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string(), effectiveFrom: z.string(), effectiveFromJalali: z.string() }),
  service: z.string(),
  lines: z.array(quoteLine),
  totalRials: z.number().int(),
  courtCosts: z.object({
    configured: z.boolean().meta({ description: 'false: no court-cost rule is in force for this service and day — the court costs are unknown, not zero' }),
    lines: z.array(z.object({ ruleId: z.number().int(), titleFa: z.string(), titleEn: z.string(), basis: z.string(), amountRials: z.number().int(), source: z.string() })),
    totalRials: z.number().int(),
  }),
}).meta({ id: 'FeeQuote', description: 'The office fee (tariff) itemised, and separately the court costs from the configured rule set' });

const courtCostRuleSchema = z.object({
  id: z.number().int(), serviceCode: z.string(), titleFa: z.string(), titleEn: z.string(), basis: z.enum(['fixed', 'percent-of-claim']),
  amountRials: z.number().int().nullable(), percent: z.number().nullable(), minRials: z.number().int().nullable(), maxRials: z.number().int().nullable(),
  effectiveFrom: z.string(), effectiveTo: z.string().nullable(), source: z.string(),
}).meta({ id: 'CourtCostRule' });

const newCourtCostRule = z.object({
  serviceCode: z.string().trim().min(1).max(60),
  titleFa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
  basis: z.enum(['fixed', 'percent-of-claim']),
  amountRials: z.number().int().min(0).max(1e13).optional(),
  percent: z.number().gt(0).max(100).optional(),
  minRials: z.number().int().min(0).max(1e13).optional(),
  maxRials: z.number().int().min(0).max(1e13).optional(),
  effectiveFrom: jalaliDateField,
  effectiveTo: jalaliDateField.optional(),
  source: z.string().trim().min(5).max(500).meta({ description: 'The law, regulation or circular the figure comes from' }),
}).strict();

export function tariffRoutes(app: Api, ctx: AppContext) {
  courtCostRoutes(app, ctx);
  scheduleRoutes(app, ctx);
  simulatorRoutes(app, ctx);
  channelRoutes(app, ctx);
  app.post('/v1/fees/quote', {
    schema: {
      tags, summary: 'Quote the office fee of a service from the tariff in force on a date (public)',
      body: quoteBody, response: { 200: quoteSchema, ...problems(400, 422) },
    },
  }, async (req) => {
    const isoDate = req.body.date?.iso ?? tehranIsoDate(ctx.clock.now());
    const quote = await quoteFees(ctx.db, { service: req.body.service, parties: req.body.parties, pages: req.body.pages, channel: req.body.channel, isoDate });
    const courtCosts = await courtCostsFor(ctx.db, { service: req.body.service, isoDate, claimValueRials: req.body.claimValueRials });
    return { ...quote, schedule: { ...quote.schedule, effectiveFromJalali: formatJalaliIso(isoToJalali(quote.schedule.effectiveFrom)) }, courtCosts };
  });

}

export function courtCostRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/tariffs/court-cost-rules', {
    schema: { tags, summary: 'The court-cost rule set with each rule\'s legal source (public)', response: { 200: z.object({ items: z.array(courtCostRuleSchema) }) } },
  }, async () => ({ items: await listCourtCostRules(ctx.db) }));

  app.post('/v1/tariffs/court-cost-rules', {
    schema: { tags, summary: 'Add a court-cost rule (regulator)', security: SIGNED_IN_WRITE, body: newCourtCostRule, response: { 201: courtCostRuleSchema, ...problems(400, 401, 403) } },
  }, async (req, reply) => {
    const b = req.body;
    const rule = await addCourtCostRule(ctx, actorOf(req), { ...b, effectiveFrom: b.effectiveFrom.iso, effectiveTo: b.effectiveTo?.iso });
    return reply.code(201).send(rule);
  });

  app.delete('/v1/tariffs/court-cost-rules/:id', {
    schema: { tags, summary: 'Remove a court-cost rule (regulator)', security: SIGNED_IN_WRITE, params: z.object({ id: queryInt(1, 2_147_483_647) }), response: { 204: z.null(), ...problems(401, 403, 404) } },
  }, async (req, reply) => {
    await removeCourtCostRule(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
