/** Request and response shapes of employment: contracts, insurance periods, alerts and workforce statistics. */
import { z } from 'zod';
import { ALERT_KINDS, CONTRACT_TYPES, MAX_MONTHLY_WAGE_RIALS } from '#core/employment';
import { jalaliDateField, localizedName, queryInt } from '#server/platform/http/fields';
import { insuranceNumberField } from '#server/modules/operators/registry/schemas';

const because = (messageCode: string) => ({ params: { messageCode }, message: messageCode });

export const createContractBody = z
  .object({
    type: z.enum(CONTRACT_TYPES),
    fullTime: z.boolean(),
    weeklyHours: z.number().int().min(1).max(60),
    monthlyWageRials: z
      .number()
      .int()
      .min(0)
      .refine((v) => v <= MAX_MONTHLY_WAGE_RIALS, because('too_big'))
      .meta({ description: `Monthly wage in rials; at most ${MAX_MONTHLY_WAGE_RIALS.toLocaleString('en')}` }),
    startsOn: jalaliDateField,
    /** Required except for a permanent contract. */
    endsOn: jalaliDateField.nullable().optional(),
  })
  .strict();

export const terminateContractBody = z
  .object({
    on: jalaliDateField,
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const createInsuranceBody = z
  .object({
    insuranceNumber: insuranceNumberField,
    startsOn: jalaliDateField,
    endsOn: jalaliDateField.nullable().optional(),
  })
  .strict();

export const endInsuranceBody = z.object({ endsOn: jalaliDateField }).strict();

export const scopeQuery = z.object({
  provinceId: queryInt(1, 32_767).optional(),
  officeId: queryInt(1, 2_147_483_647).optional(),
});

const officeRef = z.object({ id: z.number().int(), code: z.string(), name: localizedName });

export const alertSchema = z
  .object({
    kind: z.enum(ALERT_KINDS),
    /** Stable name of the alert: kind, record and the day it concerns. */
    key: z.string(),
    person: z.object({ id: z.number().int(), name: z.object({ first: z.string(), last: z.string() }) }),
    office: officeRef,
    provinceId: z.number().int(),
    /** The contract's or licence's end, when the alert is about one. */
    dueOn: z.string().nullable(),
    contractId: z.number().int().nullable(),
    licenceId: z.number().int().nullable(),
  })
  .meta({ id: 'EmploymentAlert' });
export const alertsResponse = z.object({ items: z.array(alertSchema), total: z.number().int() });

const statsSchema = z.object({
  headcount: z.number().int(),
  insured: z.number().int(),
  coverageRate: z.number().nullable(),
  contractTypes: z.object(
    Object.fromEntries(CONTRACT_TYPES.map((t) => [t, z.number().int()])) as Record<
      (typeof CONTRACT_TYPES)[number],
      z.ZodNumber
    >,
  ),
  fullTimeShare: z.number().nullable(),
  averageWageRials: z.number().int().nullable(),
  leavers: z.number().int(),
  turnover: z.number().nullable(),
});

export const statsResponse = z
  .object({
    day: z.string(),
    offices: z.array(statsSchema.extend({ office: officeRef, provinceId: z.number().int() })),
    provinces: z.array(statsSchema.extend({ province: z.object({ id: z.number().int(), name: localizedName }) })),
  })
  .meta({ id: 'WorkforceStats' });
