/** Request and response shapes of the quality area: an office's measured facts for a Jalali month. */
import { z } from 'zod';
import { CLOCK_STATES } from '#core/proposal-clock';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATES } from '#core/quality/complaint';
import {
  INSPECTION_ITEM_KEYS,
  INSPECTION_KINDS,
  INSPECTION_VERDICTS,
  type InspectionItem,
} from '#core/quality/inspection';
import { SCORE_COMPONENTS, type ScoreComponent } from '#core/quality/score';
import { jalaliMonthField } from '#server/modules/tariffs/schemas';
import { idField, jalaliDateField, localizedName, provinceIdParam } from '#server/platform/http/fields';

export const monthQuery = z.object({
  month: jalaliMonthField.optional().meta({ description: 'Jalali month, YYYY-MM; this month (Tehran) when left out' }),
});

/** The lists of offices open, when no month is asked, on the latest month with data, so a page never opens empty. */
export const factsListQuery = z.object({
  month: jalaliMonthField.optional().meta({
    description:
      'Jalali month, YYYY-MM; when left out, the latest month up to this one in which the offices asked about recorded anything (this month if none)',
  }),
  provinceId: provinceIdParam.optional().meta({ description: 'Only this province (within the caller’s scope)' }),
});

const durationFigure = z
  .object({
    count: z.number().int().meta({ description: 'Tickets measured' }),
    medianMinutes: z.number().int().nullable(),
    p90Minutes: z.number().int().nullable(),
  })
  .meta({ id: 'QualityDuration' });

const shareFigure = z.object({
  count: z.number().int().meta({ description: 'What was counted' }),
  part: z.number().int().meta({ description: 'How many of them the figure is about' }),
  percent: z.number().nullable().meta({ description: 'part / count in percent, one decimal; null when count is 0' }),
});

const monthFactsSchema = z
  .object({
    waiting: durationFigure.meta({ description: 'Counter waiting time, ticket issued → called' }),
    service: durationFigure.meta({ description: 'Counter service time, called → served' }),
    ticketsCancelled: shareFigure.meta({ description: 'Tickets issued, and those cancelled before being called' }),
    returned: shareFigure
      .extend({ reasons: z.array(z.object({ reasons: z.string(), count: z.number().int() })) })
      .meta({ description: "Court decisions on the office's filings, the returns and the court's reasons" }),
    sameDay: shareFigure.meta({ description: 'First submissions, and those made the Tehran day the filing was paid' }),
    noticesAtOffice: z.object({ count: z.number().int() }).meta({ description: 'Notices opened at the office' }),
    paymentsCancelled: shareFigure.meta({ description: 'Payments started at the office, and those cancelled' }),
    feedback: z
      .object({
        count: z.number().int(),
        meanSatisfaction: z.number().nullable().meta({ description: 'Mean satisfaction 1–5, two decimals' }),
        wouldReturn: shareFigure,
      })
      .meta({ description: "Citizens' surveys answered in the month, and how many would come back" }),
  })
  .meta({ id: 'QualityMonthFacts' });

const officeRef = z.object({
  id: idField,
  code: z.string(),
  name: localizedName,
  provinceId: z.number().int(),
});

export const officeFactsSchema = z
  .object({
    office: officeRef,
    month: z.string(),
    facts: monthFactsSchema,
    operators: z.array(z.object({ userId: z.number().int(), name: z.string(), facts: monthFactsSchema })),
    consultations: z
      .object({
        rated: z.number().int(),
        averageStars: z.number().nullable(),
        byStars: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
        comments: z.array(
          z.object({ stars: z.number().int(), text: z.string(), ratedAt: z.string(), consultant: z.string() }),
        ),
      })
      .meta({
        description:
          "The citizens' ratings of consultation sessions held at the office (or booked at its counter, for video) rated in the month",
      }),
  })
  .meta({ id: 'QualityOfficeFacts' });

export const factsListSchema = z.object({
  month: z.string(),
  offices: z.array(z.object({ office: officeRef, facts: monthFactsSchema })),
});

/** Path parameters `{token}` of a survey link. */
export const surveyParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,64}$/, { message: 'invalid_format' })
    .meta({ description: "The survey link's token, from the SMS" }),
});

export const surveyAnswerBody = z
  .object({
    satisfaction: z.number().int().min(1).max(5).meta({ description: 'How satisfied: 1 (not at all) … 5 (very)' }),
    wouldReturn: z.boolean().meta({ description: 'Would they come to this office again' }),
    comment: z.string().trim().max(500).nullish(),
  })
  .strict();

export const surveySchema = z
  .object({
    office: localizedName,
    service: localizedName.nullable(),
    servedAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'QualitySurvey' });

export const surveyAnsweredSchema = surveySchema.extend({ answeredAt: z.string() });

const componentEnum = z.enum(SCORE_COMPONENTS).meta({ description: 'A component of the score' });

const weightsSchema = z
  .object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number()])) as Record<ScoreComponent, z.ZodNumber>)
  .meta({ id: 'QualityWeights', description: 'Weight of each component; whole numbers summing to 100' });

/** A weight set as published: upheld complaints, the later component, weigh 0 when left out. */
const weightsInput = weightsSchema
  .extend({
    complaints: z.number().default(0).meta({ description: 'Upheld complaints; 0 when left out' }),
  })
  .meta({ description: 'Weight of each component; whole numbers summing to 100' });

const certaintyEnum = z.enum(['high', 'medium', 'low']).meta({
  description: "How sure the figure is: the share of it from the office's own data (≥ 80% high, ≥ 50% medium)",
});

const scoreSummary = z.object({
  score: z.number().nullable().meta({ description: '0–100, one decimal; null when the office recorded nothing' }),
  reliability: z.number().meta({ description: "Share of the score from the office's own data, 0–1" }),
  certainty: certaintyEnum,
  stars: z
    .number()
    .nullable()
    .meta({ description: 'Stars 1–5 in halves for the office finder; null unless at least medium-sure' }),
  rank: z.number().int().nullable().meta({ description: 'Rank in the province, 1 the best; ties share a rank' }),
  ranked: z.number().int().meta({ description: 'Offices of the province with a score' }),
  provinceScore: z.number().nullable().meta({ description: "The province's mean score" }),
});

export const scoresListSchema = z
  .object({
    month: z.string(),
    weights: weightsSchema,
    offices: z.array(
      scoreSummary.extend({
        office: officeRef,
        pulledDown: z.array(componentEnum).meta({ description: 'What pulled the score down, most first' }),
      }),
    ),
  })
  .meta({ id: 'QualityScores' });

const componentSchema = z.object({
  component: componentEnum,
  weight: z.number(),
  n: z.number().int().meta({ description: "The office's own observations" }),
  raw: z.number().nullable().meta({ description: "The office's own mean, 0–1" }),
  provinceMean: z.number().meta({ description: "The province's mean, 0–1" }),
  estimate: z.number().meta({ description: "The office's estimate after shrinkage toward the province, 0–1" }),
  reliability: z.number().meta({ description: 'n / (n + k): the share of the estimate from the office' }),
  points: z.number().meta({ description: "Points this component adds (+) or takes (−) against the province's mean" }),
});

const inspectionVerdict = z
  .enum(INSPECTION_VERDICTS)
  .meta({ description: "The inspector's overall verdict: satisfactory, needs improvement, unsatisfactory" });

const itemFinding = z
  .object({
    passed: z.boolean().meta({ description: 'Did the office pass the item' }),
    note: z.string().trim().max(500).nullish().meta({ description: 'What the inspector saw' }),
  })
  .strict();

const itemFindings = z
  .object(
    Object.fromEntries(INSPECTION_ITEM_KEYS.map((k) => [k, itemFinding])) as Record<InspectionItem, typeof itemFinding>,
  )
  .strict()
  .meta({
    id: 'QualityInspectionItems',
    description:
      'Every checklist item, passed or failed: signage and licence displayed, tariff posted, queue ticketing, privacy of the counter, staff licences, video equipment, accessibility',
  });

const inspectionKind = z.enum(INSPECTION_KINDS).meta({
  description:
    'How the visit was made: scheduled (the office told beforehand), unannounced, or a mystery shopper served as a citizen',
});

export const inspectionBody = z
  .object({
    inspectedOn: jalaliDateField.meta({ description: 'The day of the visit, Jalali; not after today' }),
    kind: inspectionKind.default('scheduled'),
    items: itemFindings,
    verdict: inspectionVerdict,
    note: z.string().trim().max(2000).nullish(),
  })
  .strict();

const itemsOut = z.object(
  Object.fromEntries(
    INSPECTION_ITEM_KEYS.map((k) => [k, z.object({ passed: z.boolean(), note: z.string().nullable() })]),
  ) as Record<InspectionItem, z.ZodObject<{ passed: z.ZodBoolean; note: z.ZodNullable<z.ZodString> }>>,
);

const inspectionFields = {
  id: idField,
  inspectedOn: z.string().meta({ description: 'The day of the visit, ISO' }),
  items: itemsOut,
  result: z
    .number()
    .int()
    .meta({ description: 'The weighted share of the checklist passed, 0–100: what the score counts' }),
  verdict: inspectionVerdict,
  note: z.string().nullable(),
  kind: inspectionKind,
  answers: z
    .record(z.string(), z.object({ action: z.string(), dueOn: z.string().meta({ description: 'ISO day' }) }))
    .nullable()
    .meta({
      description: "The office manager's corrective action and its day for each failed item; null until answered",
    }),
  answeredAt: z.string().nullable(),
};

export const inspectionSchema = z.object({ ...inspectionFields, office: officeRef }).meta({ id: 'QualityInspection' });

const scoreReason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inspectionFailed'),
    inspectionId: idField,
    inspectedOn: z.string().meta({ description: 'The day of the visit, ISO' }),
    result: z.number().int().meta({ description: 'The share of the checklist passed, 0–100' }),
    failedItems: z.array(z.enum(INSPECTION_ITEM_KEYS as [InspectionItem, ...InspectionItem[]])),
  }),
  z.object({
    kind: z.literal('component'),
    component: componentEnum,
    points: z.number().meta({ description: "Points taken against the province's mean (negative)" }),
  }),
]);

export const officeScoreSchema = scoreSummary
  .extend({
    office: officeRef,
    month: z.string(),
    weights: weightsSchema,
    components: z.array(componentSchema),
    pulledDown: z.array(componentSchema).meta({ description: 'What pulled the score down, most points first' }),
    reasons: z.array(scoreReason).meta({
      description:
        'What pulled the score down, most serious first: each failed inspection of the month (latest first), then each component below the province mean (docs/decisions/0076)',
    }),
    trend: z
      .array(
        z.object({
          month: z.string(),
          score: z.number().nullable(),
          certainty: certaintyEnum,
          rank: z.number().int().nullable(),
          provinceScore: z.number().nullable(),
        }),
      )
      .meta({ description: 'The twelve months to this one, oldest first' }),
    inspections: z
      .array(z.object({ ...inspectionFields, inspector: z.string() }))
      .meta({ description: "The office's inspections in the month, the latest visit first" }),
  })
  .meta({ id: 'QualityOfficeScore' });

export const weightSetBody = z
  .object({
    effectiveFrom: jalaliMonthField.meta({
      description: 'Jalali month from which the set applies: next month or later',
    }),
    weights: weightsInput,
    reason: z.string().trim().min(3).max(1000).meta({ description: 'Why the association changes the weights' }),
  })
  .strict();

export const weightSetSchema = z.object({
  id: idField,
  effectiveFrom: z.string(),
  weights: weightsSchema,
  reason: z.string(),
  createdAt: z.string(),
});

export const weightSetsSchema = z
  .object({ inForce: weightsSchema, items: z.array(weightSetSchema) })
  .meta({ id: 'QualityWeightSets' });

const correctiveAction = z
  .object({
    action: z.string().trim().min(3).max(1000).meta({ description: 'What the office does about the finding' }),
    dueOn: jalaliDateField.meta({ description: 'The day it will be done by, Jalali; not before the visit' }),
  })
  .strict();

export const inspectionAnswerBody = z
  .object({
    answers: z
      .object(
        Object.fromEntries(INSPECTION_ITEM_KEYS.map((k) => [k, correctiveAction.optional()])) as Record<
          InspectionItem,
          z.ZodOptional<typeof correctiveAction>
        >,
      )
      .strict()
      .meta({ description: 'A corrective action for every item the office failed, and for no other' }),
  })
  .strict();

// --- Complaints ---

const complaintCategory = z.enum(COMPLAINT_CATEGORIES).meta({
  description: 'Overcharging, conduct, delay, an error in a document, privacy, a service refused, or other',
});

export const complaintBody = z
  .object({
    officeId: idField.meta({ description: 'The office complained about' }),
    operatorUserId: idField.nullish().meta({ description: 'The operator complained about, if the citizen names one' }),
    category: complaintCategory,
    occurredOn: jalaliDateField.meta({ description: 'The day it happened, Jalali; not after today' }),
    text: z.string().trim().min(10).max(2000).meta({ description: 'What happened, in the citizen’s words' }),
    citizenId: idField
      .optional()
      .meta({ description: 'At an office: the citizen the operator files for (online the signed-in citizen)' }),
  })
  .strict();

export const complaintsQuery = z.object({
  state: z.enum(COMPLAINT_STATES).optional(),
  provinceId: provinceIdParam.optional().meta({ description: 'Only this province (within the caller’s scope)' }),
});

export const complaintAnswerBody = z
  .object({ answer: z.string().trim().min(10).max(2000).meta({ description: "The office manager's answer" }) })
  .strict();

export const complaintDecisionBody = z
  .object({
    outcome: z.enum(['upheld', 'dismissed']),
    reasons: z
      .string()
      .trim()
      .min(10)
      .max(2000)
      .meta({ description: "The association's reasons, shown to the complainant" }),
  })
  .strict();

export const complaintSchema = z
  .object({
    id: idField,
    office: officeRef,
    operator: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
    channel: z.enum(COMPLAINT_CHANNELS),
    category: complaintCategory,
    occurredOn: z.string(),
    text: z.string(),
    filedOn: z.string(),
    state: z.enum(COMPLAINT_STATES).meta({ description: 'received → answered (by the manager) → upheld / dismissed' }),
    answer: z.string().nullable(),
    answeredOn: z.string().nullable(),
    reasons: z.string().nullable(),
    decidedOn: z.string().nullable(),
    answerClock: z
      .object({
        elapsed: z.number().int(),
        limitDays: z.number().int(),
        remaining: z.number().int(),
        dueOn: z.string().nullable(),
        state: z.enum(CLOCK_STATES),
        daysOver: z.number().int(),
      })
      .meta({ description: "The manager's answer clock in working days (Fridays and holidays not counted)" }),
    decidable: z.boolean().meta({ description: 'May the association decide it now' }),
    remindedOn: z
      .string()
      .nullable()
      .meta({ description: "The day the office's manager was reminded that one working day was left to answer" }),
    escalatedOn: z.string().nullable().meta({
      description:
        "The day the complaint, unanswered past the manager's limit, was escalated to the province's association",
    }),
  })
  .meta({ id: 'QualityComplaint' });

export const complaintsSchema = z.object({ items: z.array(complaintSchema) }).meta({ id: 'QualityComplaints' });
