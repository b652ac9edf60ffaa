/** Request and response shapes of the identity area (sign-in, accounts, staff), shared with the web. */
import { z } from 'zod';
import { toLatinDigits } from '#core/persian-digits';
import {
  jalaliDateField,
  localizedName,
  mobileField,
  nationalIdField,
  pageOf,
  paginationQuery,
  sortQuery,
  passwordField,
  queryInt,
  shebaField,
  usernameField,
  idField,
} from '#server/platform/http/fields';
import { ROLES, SCOPE_KINDS } from '#server/platform/auth/values';

const roleSchema = z.enum(ROLES);

const scopeSchema = z.object({
  kind: z.enum(SCOPE_KINDS),
  provinceId: z.number().int().nullable().optional(),
  officeId: z.number().int().nullable().optional(),
  courtId: z.number().int().nullable().optional(),
  label: localizedName,
});

const grantSchema = z.object({ role: roleSchema, scope: scopeSchema });

export const meSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['staff', 'citizen']),
    displayName: z.string(),
    username: z.string().nullable(),
    mobile: z.string().nullable(),
    roles: z.array(grantSchema),
  })
  .meta({ id: 'CurrentUser' });

export const staffSignInBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();

export const citizenCodeBody = z.object({ mobile: mobileField }).strict();
export const citizenCodeResponse = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});
export const citizenSignInBody = z
  .object({
    mobile: mobileField,
    code: z
      .string()
      .trim()
      .transform(toLatinDigits)
      .pipe(z.string().regex(/^\d{6}$/)),
  })
  .strict();
export const signedInResponse = z.object({ user: meSchema });

export const staffCodeBody = z.object({ username: staffSignInBody.shape.username }).strict();
export const staffCodeResponse = z.object({
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});
export const staffCodeSignInBody = z
  .object({ username: staffSignInBody.shape.username, code: citizenSignInBody.shape.code })
  .strict();

/** The columns the staff accounts list sorts by. */
export const STAFF_LIST_SORTS = ['name', 'username', 'nationalId', 'status', 'createdAt'] as const;

export const staffListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  officeId: queryInt(1, 2_147_483_647).optional(),
  provinceId: queryInt(1, 32_767).optional(),
  /** Newest account first unless a column is chosen. */
  sort: sortQuery(STAFF_LIST_SORTS),
  ...paginationQuery,
});

export const staffMemberSchema = z
  .object({
    id: z.number().int(),
    username: z.string().nullable(),
    displayName: z.string(),
    nationalId: z.string().nullable(),
    mobile: z.string().nullable(),
    roles: z.array(grantSchema),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffMember' });

export const staffPage = pageOf(staffMemberSchema);

export const createStaffBody = z
  .object({
    username: usernameField,
    password: passwordField,
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    nationalId: nationalIdField,
    mobile: mobileField,
    birthDate: jalaliDateField.optional(),
    sheba: shebaField.optional(),
    role: roleSchema.exclude(['citizen']),
    officeId: idField.optional(),
    provinceId: idField.optional(),
    courtId: idField.optional(),
    nation: z.boolean().optional(),
  })
  .strict();

export type CreateStaffInput = z.output<typeof createStaffBody>;

export const resetPasswordBody = z.object({ password: passwordField }).strict();

export const citizenProfileSchema = z
  .object({
    id: z.number().int(),
    nationalId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    mobile: z.string(),
    province: z.object({ id: z.number().int(), name: localizedName }),
  })
  .meta({ id: 'CitizenProfile' });
