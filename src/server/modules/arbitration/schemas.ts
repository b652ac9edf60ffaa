/** Request and response shapes of the arbitration area, shared with the web. */
import { z } from 'zod';
import {
  idField,
  idParam,
  jalaliDateField,
  localizedName,
  mobileField,
  nationalIdField,
} from '#server/platform/http/fields';
import { timeField } from '#server/modules/notices/schemas';
import {
  AGREEMENT_KINDS,
  ARBITRATION_STATES,
  ARBITRATION_STEPS,
  ARBITRATION_SUBJECTS,
  ARBITRATOR_SELECTIONS,
  ARBITRATOR_STATUSES,
  AWARD_NOTICE_METHODS,
  ANNULMENT_GROUNDS,
  DOCUMENT_KINDS,
  HEARING_PLACES,
  PARTY_ROLES,
  SIGNATURES,
  TERM_UNITS,
  FEE_BASES,
  FEE_PAYERS,
} from './values';

/** Whole Rials, up to a thousand trillion: far beyond any claim, and five arbitrators' fees stay exact integers. */
const rials = z.number().int().min(0).max(1_000_000_000_000_000);

const partyInput = z
  .object({
    nationalId: nationalIdField,
    mobile: mobileField,
  })
  .strict();

export const startBody = z
  .object({
    agreementKind: z.enum(AGREEMENT_KINDS),
    subjectKind: z.enum(ARBITRATION_SUBJECTS),
    subject: z.string().trim().min(10).max(2000),
    arbitratorCount: z.number().int().min(1).max(5),
    selection: z.enum(ARBITRATOR_SELECTIONS),
    /** The term the parties set; null or absent: three months from the notice to the arbitrators (Art. 484 note). */
    term: z
      .object({ amount: z.number().int().min(1).max(365), unit: z.enum(TERM_UNITS) })
      .strict()
      .nullable()
      .default(null),
    seatOfficeId: idField,
    awardNotice: z.enum(AWARD_NOTICE_METHODS),
    /** The caller is the claimant; these are the other side. */
    respondents: z.array(partyInput).min(1).max(5),
    /**
     * Art. 498: the arbitrators' fee as agreed (each arbitrator's amount), or by the official scale on
     * the claim's value (null: not monetary, or it cannot be valued); who pays (equal shares unless
     * agreed otherwise). Fixed when the term starts. Absent: the agreement records no fee.
     */
    fee: z
      .discriminatedUnion('basis', [
        z
          .object({
            basis: z.literal('agreed'),
            perArbitratorRials: rials.min(1),
            payers: z.enum(FEE_PAYERS).default('equal'),
          })
          .strict(),
        z
          .object({
            basis: z.literal('scale'),
            claimRials: rials.min(1).nullable(),
            payers: z.enum(FEE_PAYERS).default('equal'),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();
export type StartInput = z.infer<typeof startBody>;

export const consentBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'invalid_format' }),
  })
  .strict();

export const appointBody = z
  .object({
    arbitrators: z
      .array(
        z.union([
          z.object({ userId: idField }).strict(),
          z.object({ nationalId: nationalIdField, name: z.string().trim().min(3).max(120) }).strict(),
        ]),
      )
      .min(1)
      .max(5),
  })
  .strict();
export type AppointInput = z.infer<typeof appointBody>;

export const answerParams = z.object({ id: idParam, arbitratorId: idParam });
export const answerBody = z.object({ accept: z.boolean() }).strict();

export const startHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

/** A hearing: its Jalali day and Tehran time, at the seat office or by video. */
export const hearingBody = z
  .object({
    date: jalaliDateField,
    time: timeField,
    place: z.enum(HEARING_PLACES),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type HearingInput = z.infer<typeof hearingBody>;

export const hearingParams = z.object({ id: idParam, hearingId: idParam });

export const documentParams = z.object({ id: idParam, documentId: idParam });

/** A party's submission or evidence as the case lists it (its bytes are downloaded on their own). */
const documentView = z
  .object({
    id: z.number().int(),
    partyId: z.number().int(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    pages: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ArbitrationDocument' });

/** A held hearing's minutes: what happened, as the arbitrator writes it, and which parties appeared. */
export const minutesBody = z
  .object({
    text: z.string().trim().min(20).max(20_000),
    presentPartyIds: z
      .array(idField)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'invalid_value' }),
  })
  .strict();
export type MinutesInput = z.infer<typeof minutesBody>;

/** The award's text as the arbitrators write it (Art. 482 ff.): reasons, the decision, and whom it favours. */
export const awardBody = z
  .object({
    reasons: z.string().trim().min(20).max(20_000),
    decision: z.string().trim().min(10).max(5_000),
    winnerPartyId: idField,
  })
  .strict();
export type AwardInput = z.infer<typeof awardBody>;

export const signatureBody = z
  .object({
    /** true: signs the award; false: refuses to sign it (Art. 484). */
    sign: z.boolean(),
    /** A dissenting opinion, written on the award with the arbitrator's name. */
    dissent: z.string().trim().max(5_000).optional(),
  })
  .strict();

/** Art. 490: the party asking for annulment and the Art. 489 grounds they rely on. */
export const annulmentBody = z
  .object({
    partyId: idField,
    grounds: z
      .array(z.enum(ANNULMENT_GROUNDS))
      .min(1)
      .max(ANNULMENT_GROUNDS.length)
      .refine((g) => new Set(g).size === g.length, { message: 'invalid_value' }),
  })
  .strict();
export type AnnulmentInput = z.infer<typeof annulmentBody>;

/** Art. 488: the party asking for the enforcement order. */
export const enforcementBody = z.object({ partyId: idField }).strict();

/** A band of the official scale: the part of the claim up to `upToRials` (null: the rest) at basisPoints/10,000. */
const feeBand = z
  .object({ upToRials: rials.min(1).nullable(), basisPoints: z.number().int().min(0).max(10_000) })
  .strict();

/** A new official scale of arbitrators' fees, as the regulator enters it. */
export const feeScaleBody = z
  .object({
    validFrom: jalaliDateField,
    /** The regulation it carries: its title and date of approval. */
    source: z.string().trim().min(3).max(300),
    bands: z.array(feeBand).min(1).max(10),
    capRials: rials.min(1).nullable(),
    nonMonetaryMinRials: rials,
    nonMonetaryMaxRials: rials,
  })
  .strict();
export type FeeScaleInput = z.infer<typeof feeScaleBody>;

export const feeScaleView = z
  .object({
    id: z.number().int(),
    validFrom: z.object({ iso: z.string(), jalali: z.string() }),
    bands: z.array(z.object({ upToRials: z.number().int().nullable(), basisPoints: z.number().int() })),
    capRials: z.number().int().nullable(),
    nonMonetaryMinRials: z.number().int(),
    nonMonetaryMaxRials: z.number().int(),
    source: z.string(),
    /** The scale in force today. */
    inForce: z.boolean(),
    /** Withdrawn before its first day (when, and the regulator's reason): it never comes into force. */
    withdrawal: z.object({ at: z.string(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'ArbitrationFeeScale' });
export const feeScaleList = z.object({ items: z.array(feeScaleView) });

/** The regulator's reason for withdrawing a scale before its first day: required, and a blank one is refused by name. */
export const feeScaleWithdrawalBody = z
  .object({
    reason: z
      .string()
      .trim()
      .refine((v) => v.length > 0, { params: { messageCode: 'reason_required' }, message: 'reason_required' })
      .pipe(z.string().max(1000)),
  })
  .strict();
export type FeeScaleWithdrawalInput = z.infer<typeof feeScaleWithdrawalBody>;

/** A payment started for the caller's share of the fee: go to `redirectUrl` (the bank) to pay. */
export const feePaymentResponse = z
  .object({
    paymentId: z.number().int(),
    receiptNumber: z.string(),
    redirectUrl: z.string(),
    amountRials: z.number().int(),
  })
  .meta({ id: 'ArbitrationFeePayment' });

export const feeHeaders = z.looseObject({ 'idempotency-key': z.string().optional() });

const feeView = z
  .object({
    basis: z.enum(FEE_BASES),
    payers: z.enum(FEE_PAYERS),
    claimRials: z.number().int().nullable(),
    agreedPerArbitratorRials: z.number().int().nullable(),
    /** Fixed when the term started; null until then (or while no scale is in force). */
    totalRials: z.number().int().nullable(),
    perArbitratorRials: z.array(z.number().int()),
    scale: z
      .object({
        id: z.number().int(),
        validFrom: z.object({ iso: z.string(), jalali: z.string() }),
        source: z.string(),
      })
      .nullable(),
    shares: z.array(
      z.object({
        partyId: z.number().int(),
        name: z.string(),
        amountRials: z.number().int(),
        status: z.enum(['owed', 'pending', 'paid']),
        paidAt: z.string().nullable(),
        /** The payment and its receipt: shown to the party whose share it is. */
        paymentId: z.number().int().nullable(),
        receiptNumber: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ArbitrationFee' });

export const listQuery = z.object({ state: z.enum(ARBITRATION_STATES).optional() }).strict();

const dayView = z.object({ iso: z.string(), jalali: z.string() }).meta({ id: 'ArbitrationDay' });

const partyView = z.object({
  id: z.number().int(),
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  maskedMobile: z.string(),
  consented: z.boolean(),
  consentedAt: z.string().nullable(),
});

const arbitratorView = z.object({
  id: z.number().int(),
  name: z.string(),
  registered: z.boolean(),
  status: z.enum(ARBITRATOR_STATUSES),
  notifiedOn: dayView.nullable(),
  /** Their answer to the award: signed, refused, or not yet (null). */
  signature: z.enum(SIGNATURES).nullable(),
  dissent: z.string().nullable(),
});

const hearingView = z.object({
  id: z.number().int(),
  startsAt: z.string(),
  place: z.enum(HEARING_PLACES),
  note: z.string(),
  /** The minutes, once an arbitrator recorded them after the hearing (final once written). */
  minutes: z
    .object({
      text: z.string(),
      presentPartyIds: z.array(z.number().int()),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .nullable(),
});

const awardView = z
  .object({
    reasons: z.string(),
    decision: z.string(),
    winnerPartyId: z.number().int(),
    /** The day the award bears: the day the majority's last signature made it (null while a draft). */
    date: dayView.nullable(),
    /** Art. 484: signed by all, by a majority with the rest refusing, or still waiting. */
    signatures: z.enum(['pending', 'signed', 'no_majority']),
    /** Where it was lodged to reach the parties (Art. 485): the court case and its e-notice. */
    court: z.object({ id: z.number().int(), name: localizedName, caseId: z.number().int() }).nullable(),
    noticeId: z.number().int().nullable(),
    /** Each party's delivery of the e-notice (null: not opened yet). */
    deliveries: z.array(z.object({ partyId: z.number().int(), deliveredAt: z.string().nullable() })),
    annulment: z.object({ partyId: z.number().int(), grounds: z.array(z.enum(ANNULMENT_GROUNDS)) }).nullable(),
    enforcementPartyId: z.number().int().nullable(),
  })
  .meta({ id: 'ArbitrationAward' });

const eventView = z.object({
  id: z.number().int(),
  kind: z.string(),
  step: z.enum(ARBITRATION_STEPS).nullable(),
  toState: z.enum(ARBITRATION_STATES).nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const clockView = z
  .object({
    /** What the clock is: the term (Arts. 468, 484), or a window from the award's notice (Arts. 488, 490). */
    kind: z.enum(['term', 'comply', 'annulment']),
    startsOn: dayView,
    lastDay: dayView,
    days: z.number().int(),
    /** Days left from today (0 on the last day, negative once past). */
    daysLeft: z.number().int(),
  })
  .meta({ id: 'ArbitrationClock' });

const caseSummary = z.object({
  id: z.number().int(),
  state: z.enum(ARBITRATION_STATES),
  subjectKind: z.enum(ARBITRATION_SUBJECTS),
  subject: z.string(),
  seatOffice: z.object({ id: z.number().int(), code: z.string(), name: localizedName }),
  createdAt: z.string(),
  termLastDay: dayView.nullable(),
});

export const caseView = caseSummary
  .extend({
    agreementKind: z.enum(AGREEMENT_KINDS),
    arbitratorCount: z.number().int(),
    selection: z.enum(ARBITRATOR_SELECTIONS),
    term: z.object({ amount: z.number().int(), unit: z.enum(TERM_UNITS) }).nullable(),
    awardNotice: z.enum(AWARD_NOTICE_METHODS),
    parties: z.array(partyView),
    arbitrators: z.array(arbitratorView),
    clocks: z.array(clockView),
    hearings: z.array(hearingView),
    /** The parties' submissions and evidence, oldest first. */
    documents: z.array(documentView),
    award: awardView.nullable(),
    /** The arbitrators' fee (Art. 498), when the agreement recorded one. */
    fee: feeView.nullable(),
    timeline: z.array(eventView),
    /** What the caller is on this case. */
    viewer: z.object({
      partyId: z.number().int().nullable(),
      arbitratorId: z.number().int().nullable(),
      office: z.boolean(),
      court: z.boolean(),
    }),
  })
  .meta({ id: 'ArbitrationCase' });

export const caseList = z.object({ items: z.array(caseSummary.meta({ id: 'ArbitrationCaseSummary' })) });

export const registryResponse = z.object({
  items: z.array(z.object({ userId: z.number().int(), name: z.string(), province: localizedName.nullable() })),
});

export const codeSentResponse = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});
