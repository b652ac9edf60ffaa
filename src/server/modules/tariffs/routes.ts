import { z } from 'zod';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { jalaliDateField } from '../../platform/http/fields';
import { problems } from '../../platform/http/problem-schema';
import { quoteFees } from './fees';
import { approvedSchedules } from './store';

const tags = ['tariffs'];

const quoteBody = z.object({
  service: z.string().trim().min(1).max(60).meta({ description: 'Catalog service code, e.g. petition', example: 'petition' }),
  date: jalaliDateField.optional().meta({ description: 'Jalali date the quote is for (today in Tehran when absent)', example: '1403-05-01' }),
  parties: z.number().meta({ description: 'Everyone named on a filing: parties and representatives (filing services)', example: 2 }).optional(),
  pages: z.number().meta({ description: 'Attachment pages (filing services)', example: 2 }).optional(),
}).strict();

const quoteLine = z.object({ code: z.string(), titleFa: z.string(), titleEn: z.string(), quantity: z.number().int(), unitRials: z.number().int(), amountRials: z.number().int() });
export const quoteSchema = z.object({
  schedule: z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string(), effectiveFrom: z.string(), effectiveFromJalali: z.string() }),
  service: z.string(),
  lines: z.array(quoteLine),
  totalRials: z.number().int(),
}).meta({ id: 'FeeQuote' });

export function tariffRoutes(app: Api, ctx: AppContext) {
  app.post('/v1/fees/quote', {
    schema: {
      tags, summary: 'Quote the office fee of a service from the tariff in force on a date (public)',
      body: quoteBody, response: { 200: quoteSchema, ...problems(400, 422) },
    },
  }, async (req) => {
    const quote = await quoteFees(ctx.db, { service: req.body.service, parties: req.body.parties, pages: req.body.pages, isoDate: req.body.date?.iso });
    return { ...quote, schedule: { ...quote.schedule, effectiveFromJalali: formatJalaliIso(isoToJalali(quote.schedule.effectiveFrom)) } };
  });

  app.get('/v1/tariffs/schedules', {
    schema: {
      tags, summary: 'Approved tariff schedules with their lines (public)',
      response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string(), effectiveFrom: z.string(), lines: z.array(z.object({ code: z.string(), titleFa: z.string(), titleEn: z.string(), amountRials: z.number().int() })) })) }) },
    },
  }, async () => ({ items: await approvedSchedules(ctx.db) }));
}
