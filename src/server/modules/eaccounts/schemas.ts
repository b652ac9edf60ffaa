/** Request and response shapes of the e-accounts area: judicial e-accounts, the citizen lookup, legal persons, representatives. */
import { z } from 'zod';
import { isValidLegalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import {
  jalaliDateField,
  mobileField,
  nationalIdField,
  pageOf,
  paginationQuery,
  idField,
} from '#server/platform/http/fields';
import { meSchema } from '#server/modules/identity/schemas';
import { IDENTITY_CHECKS_AT_OFFICE, REPRESENTATIVE_KINDS } from '#server/modules/accounts/values';

const messageCode = (code: string) => ({ params: { messageCode: code }, message: code });

const personName = z.string().trim().min(1).max(100);
const oneTimeCode = z
  .string()
  .trim()
  .transform(toLatinDigits)
  .refine((v) => /^\d{6}$/.test(v), messageCode('invalid_mobile_code'));
const postalCodeField = z
  .string()
  .trim()
  .transform((v) => toLatinDigits(v).replace(/[\s-]/g, ''))
  .refine((v) => /^\d{10}$/.test(v), messageCode('invalid_postal_code'))
  .meta({ description: 'Ten-digit Iranian postal code; Persian digits accepted', example: '1969833114' });

export const mobileCodeBody = z.object({ mobile: mobileField }).strict();
export const mobileCodeResponse = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});

const eaccountFields = {
  nationalId: nationalIdField,
  firstName: personName,
  lastName: personName,
  fatherName: personName,
  birthDate: jalaliDateField,
  mobile: mobileField,
  /** The code sent to the mobile, proving the person holds it. */
  mobileCode: oneTimeCode,
  address: z.string().trim().min(5).max(500),
  postalCode: postalCodeField,
  cityId: idField.optional(),
};

/** An operator registers a citizen who is at the counter. */
export const registerEaccountBody = z
  .object({
    ...eaccountFields,
    identityCheck: z.enum(IDENTITY_CHECKS_AT_OFFICE),
    /** The citizen's province; the office's province when absent. */
    provinceId: idField.optional(),
    /** The visitor's queue ticket at this office, recorded on the service. */
    ticketId: idField.optional(),
  })
  .strict();
export type RegisterEaccountInput = z.output<typeof registerEaccountBody>;

/** A citizen registers online (identity checked by mobile ownership and the registry). */
export const selfRegisterBody = z.object({ ...eaccountFields, provinceId: idField }).strict();
export type SelfRegisterInput = z.output<typeof selfRegisterBody>;

const eaccountSchema = z
  .object({
    id: z.number().int(),
    nationalId: z.string(),
    judicialId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    fatherName: z.string().nullable(),
    /** Jalali YYYY-MM-DD. */
    birthDate: z.string().nullable(),
    mobile: z.string(),
    provinceId: z.number().int(),
    identityCheck: z.string(),
    channel: z.enum(['office', 'online']),
    registeredAt: z.string(),
  })
  .meta({ id: 'EAccount' });

export const registeredResponse = z.object({
  eaccount: eaccountSchema,
  serviceRecordId: z.number().int(),
  amountRials: z.number().int(),
  /** The registration fee's payment, started with the registration (the counter sends the visitor to it). */
  payment: z.object({ paymentId: z.number().int(), receiptNumber: z.string(), redirectUrl: z.string() }).nullable(),
});
export const selfRegisteredResponse = z.object({ eaccount: eaccountSchema, user: meSchema });

export const citizenLookupQuery = z.object({ nationalId: nationalIdField });
/** What an operator may see of a citizen before starting a service: no filings, no full mobile. */
export const citizenLookupSchema = z
  .object({
    id: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    judicialId: z.string().nullable(),
    maskedMobile: z.string(),
    provinceId: z.number().int(),
  })
  .meta({ id: 'CitizenLookup' });

export const legalPersonBody = z
  .object({
    nationalCompanyId: z
      .string()
      .trim()
      .transform((v) => toLatinDigits(v))
      .refine(isValidLegalId, messageCode('invalid_company_id')),
    name: z.string().trim().min(2).max(200),
    registrationNumber: z.string().trim().transform(toLatinDigits).pipe(z.string().min(1).max(30)),
    provinceId: idField,
    address: z.string().trim().max(500).optional(),
    /** The national ID of the citizen who acts for the company (needs an e-account). */
    agentNationalId: nationalIdField.optional(),
  })
  .strict();
export type LegalPersonInput = z.output<typeof legalPersonBody>;

export const legalPersonSchema = z
  .object({
    id: z.number().int(),
    nationalCompanyId: z.string(),
    name: z.string(),
    registrationNumber: z.string().nullable(),
    provinceId: z.number().int(),
    address: z.string().nullable(),
    agent: z.object({ citizenId: z.number().int(), name: z.string(), nationalId: z.string() }).nullable(),
  })
  .meta({ id: 'LegalPerson' });
export const legalPersonPage = pageOf(legalPersonSchema);
export const partySearchQuery = z.object({
  q: z.string().trim().max(100).transform(toLatinDigits).optional(),
  ...paginationQuery,
});

export const representativeBody = z
  .object({
    nationalId: nationalIdField,
    kind: z.enum(REPRESENTATIVE_KINDS),
    licenceNumber: z.string().trim().transform(toLatinDigits).pipe(z.string().min(1).max(30)).optional(),
    /** The bar association (or court, for a guardian) that issued the licence or appointment. */
    issuer: z.string().trim().min(2).max(200).optional(),
    validUntil: jalaliDateField.optional(),
  })
  .strict();
export type RepresentativeInput = z.output<typeof representativeBody>;

export const representativeSchema = z
  .object({
    id: z.number().int(),
    citizenId: z.number().int(),
    name: z.string(),
    nationalId: z.string(),
    kind: z.enum(REPRESENTATIVE_KINDS),
    licenceNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    /** Jalali YYYY-MM-DD. */
    validUntil: z.string().nullable(),
  })
  .meta({ id: 'Representative' });
export const representativePage = pageOf(representativeSchema);
export const representativeSearchQuery = z.object({
  q: z.string().trim().max(100).transform(toLatinDigits).optional(),
  nationalId: nationalIdField.optional(),
  kind: z.enum(REPRESENTATIVE_KINDS).optional(),
  ...paginationQuery,
});
