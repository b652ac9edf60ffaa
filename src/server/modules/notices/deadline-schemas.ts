/** Request and response shapes of the public deadline calculator (shared with the web). */
import { z } from 'zod';
import { LIMIT_UNITS } from '#core/deadlines';
import { LAW_CALENDAR_YEARS } from '#core/holidays';
import { parseJalaliDate } from '#core/jalali';
import type { FieldMessageCode } from '#server/platform/errors/catalog';
import { jalaliDateField, localizedName } from '#server/platform/http/fields';
import { NOTICE_KINDS } from './values';

const because = (messageCode: FieldMessageCode) => ({ params: { messageCode }, message: messageCode });

/** The longest limit the calculator counts (ten legal years). */
export const MAX_LIMIT_DAYS = 3600;

const isUnit = (v: string): v is (typeof LIMIT_UNITS)[number] => (LIMIT_UNITS as readonly string[]).includes(v);
const isKind = (v: string): v is (typeof NOTICE_KINDS)[number] => (NOTICE_KINDS as readonly string[]).includes(v);

export const computeDeadlineBody = z
  .strictObject({
    deliveredOn: jalaliDateField
      .refine((d) => {
        const { jy } = parseJalaliDate(d.jalali)!;
        return jy >= LAW_CALENDAR_YEARS.first && jy <= LAW_CALENDAR_YEARS.last;
      }, because('jalali_year_out_of_range'))
      .meta({
        description:
          'The day the notice was delivered (Jalali, `1404/01/15` or `1404-01-15`, Latin or Persian digits; years 1300–1500)',
        example: '1404/01/15',
      }),
    amount: z
      .number()
      .refine((n) => Number.isInteger(n) && n >= 1, because('limit_amount_invalid'))
      .meta({ description: 'The limit in `unit`s: a whole number from 1 (with `unit`; not with `kind`)', example: 20 })
      .optional(),
    unit: z
      .string()
      .refine(isUnit, because('unknown_limit_unit'))
      .transform((v) => v as (typeof LIMIT_UNITS)[number])
      .meta({
        description: 'day, week (7 days), month (30 days) or year (12 months) — Art. 443',
        enum: [...LIMIT_UNITS],
        example: 'day',
      })
      .optional(),
    kind: z
      .string()
      .refine(isKind, because('unknown_notice_kind'))
      .transform((v) => v as (typeof NOTICE_KINDS)[number])
      .meta({
        description: 'A kind of notice whose deadline rule sets the limit (instead of `amount` and `unit`)',
        enum: [...NOTICE_KINDS],
        example: 'decision',
      })
      .optional(),
    abroad: z
      .boolean()
      .meta({
        description:
          'With `kind`: a party lives abroad, so the limit is two months (Art. 446) — and, among several defendants, for all of them (Art. 447)',
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    const issue = (path: string, messageCode: FieldMessageCode) =>
      ctx.addIssue({ code: 'custom', path: [path], params: { messageCode }, message: messageCode });
    if (body.amount !== undefined && body.kind !== undefined) issue('kind', 'amount_or_kind');
    else if (body.amount === undefined && body.kind === undefined) issue('amount', 'amount_or_kind');
    if (body.amount !== undefined && body.unit === undefined) issue('unit', 'required');
    if (body.kind !== undefined && body.unit !== undefined) issue('unit', 'amount_or_kind');
    if (body.abroad && body.kind === undefined) issue('abroad', 'abroad_with_kind_only');
  })
  .meta({
    id: 'DeadlineRequest',
    description: 'Either `amount` and `unit`, or `kind` (with `abroad` when a party lives abroad)',
  });

export type ComputeDeadlineInput = z.output<typeof computeDeadlineBody>;

const jalaliDay = z.string().meta({ description: 'Jalali date, YYYY-MM-DD in Latin digits', example: '1404-02-06' });

const closedDaySchema = z
  .object({
    date: jalaliDay,
    reason: z.enum(['friday', 'holiday']),
    /** The holiday (or holidays) on the day; absent on a plain Friday. */
    title: localizedName.optional(),
  })
  .meta({ id: 'ClosedDay' });

const unconfirmedHolidaySchema = z
  .object({
    date: jalaliDay,
    title: localizedName,
    hijri: z.string().meta({ description: 'The tabular Hijri date it is computed from' }),
  })
  .meta({
    id: 'UnconfirmedHoliday',
    description: 'A lunar holiday computed from the tabular Hijri calendar that no admin has confirmed yet',
  });

export const deadlineResultSchema = z
  .object({
    deliveredOn: jalaliDay,
    limit: z.object({
      days: z.number().int().meta({ description: 'The limit in days (Art. 443)' }),
      amount: z.number().int(),
      unit: z.enum(LIMIT_UNITS),
      kind: z.enum(NOTICE_KINDS).nullable(),
      abroad: z.boolean(),
    }),
    firstCountedDay: jalaliDay.meta({ description: 'The day after delivery: the first day counted (Art. 445)' }),
    lastCountedDay: jalaliDay,
    nominalLastDay: jalaliDay.meta({
      description: 'The day after the last counted day: the day of the action is not counted either (Art. 445)',
    }),
    lastDay: jalaliDay.meta({ description: 'The last day to act, after moving off Fridays and holidays (Art. 444)' }),
    lastDayWeekday: localizedName,
    moved: z.array(closedDaySchema).meta({ description: 'Each closed day the last day moved over (Art. 444)' }),
    closedWithinLimit: z
      .array(closedDaySchema)
      .meta({ description: 'Closed days among the counted days: they count like any other' }),
    unconfirmedHolidays: z
      .array(unconfirmedHolidaySchema)
      .meta({ description: 'Unconfirmed lunar holidays the last day depends on' }),
    articles: z
      .array(z.string())
      .meta({ description: 'The articles of the Civil Procedure Code applied', example: ['443', '444', '445'] }),
    rule: z.object({ kind: z.enum(NOTICE_KINDS), title: localizedName, source: z.string() }).nullable(),
    explanation: localizedName.meta({ description: 'The last day in words, and why it moved' }),
  })
  .meta({ id: 'DeadlineResult' });

export type DeadlineResult = z.infer<typeof deadlineResultSchema>;

const publicRuleSchema = z
  .object({
    kind: z.enum(NOTICE_KINDS),
    days: z.number().int().nullable(),
    title: localizedName,
    source: z.string(),
    abroadDays: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The limit for a party living abroad (Art. 446), when a limit runs at all' }),
  })
  .meta({ id: 'PublicDeadlineRule' });
export const publicRulesResponse = z.object({ items: z.array(publicRuleSchema) });
export type PublicDeadlineRule = z.infer<typeof publicRuleSchema>;
