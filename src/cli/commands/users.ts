/**
 * `daftar users create` and `daftar users reset-password`: staff accounts from the command line,
 * validated with the API's own schema (national ID, mobile, password strength) and audited with
 * no actor (the CLI).
 */
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '#server/db/client';
import { createStaffBody } from '#server/modules/identity/schemas';
import * as store from '#server/modules/identity/store';
import { users } from '#server/modules/accounts/tables';
import { recordAudit } from '#server/platform/audit/audit-log';
import { ROLE_SCOPE } from '#server/platform/auth/permissions';
import { hashPassword } from '#server/platform/auth/passwords';
import { sessions } from '#server/modules/accounts/tables';
import { clearFailures } from '#server/platform/auth/throttle';
import { ERROR_CATALOG, FIELD_MESSAGES, type FieldMessageCode } from '#server/platform/errors/catalog';
import { passwordField, usernameField } from '#server/platform/http/fields';
import { CliError, integerOption, withDatabase } from './common';

const FLAG_OF: Record<string, string> = {
  username: '--username',
  password: '--password',
  firstName: '--first-name',
  lastName: '--last-name',
  nationalId: '--national-id',
  mobile: '--mobile',
  role: '--role',
  officeId: '--office-id',
  provinceId: '--province-id',
  courtId: '--court-id',
  nation: '--nation',
};

function fieldLine(field: string, code: FieldMessageCode): string {
  const m = FIELD_MESSAGES[code];
  return `${FLAG_OF[field] ?? field}: ${m.fa} / ${m.en}`;
}

function issueCode(issue: z.core.$ZodIssue): FieldMessageCode {
  const custom = (issue as { params?: { messageCode?: string } }).params?.messageCode;
  if (custom && custom in FIELD_MESSAGES) return custom as FieldMessageCode;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      return (issue as { minimum?: unknown }).minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'invalid_value';
    default:
      return 'invalid';
  }
}

function validationFailure(lines: string[]): CliError {
  return new CliError(ERROR_CATALOG.validation_failed.fa, ERROR_CATALOG.validation_failed.en, lines);
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 16 characters from an unambiguous alphabet, with letters and digits (≈ 93 bits). */
function generatePassword(): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 16; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    if (passwordField.safeParse(s).success) return s;
  }
}

export interface CreateUserInput {
  username?: string;
  role?: string;
  officeId?: number;
  provinceId?: number;
  courtId?: number;
  nation?: boolean;
  firstName?: string;
  lastName?: string;
  nationalId?: string;
  mobile?: string;
  password?: string;
}

export async function createUser(
  database: Database,
  input: CreateUserInput,
): Promise<{ id: number; username: string; password: string; generatedPassword: boolean; scope: string }> {
  const generatedPassword = input.password === undefined;
  const password = input.password ?? generatePassword();
  const parsed = createStaffBody.safeParse({
    username: input.username,
    password,
    firstName: input.firstName,
    lastName: input.lastName,
    nationalId: input.nationalId,
    mobile: input.mobile,
    role: input.role,
    officeId: input.officeId,
    provinceId: input.provinceId,
    courtId: input.courtId,
    nation: input.nation || undefined,
  });
  if (!parsed.success)
    throw validationFailure(parsed.error.issues.map((i) => fieldLine(String(i.path[0] ?? 'input'), issueCode(i))));
  const body = parsed.data;

  // The scope the role is granted in: the same rules as the API (an office's or a court's province included).
  const kinds = ROLE_SCOPE[body.role];
  const given = (['officeId', 'courtId', 'provinceId', 'nation'] as const).filter((k) => body[k] !== undefined);
  const db = database.db;
  let scope: {
    kind: 'nation' | 'province' | 'office' | 'court';
    provinceId: number | null;
    officeId: number | null;
    courtId: number | null;
  };
  const unexpected = (allowed: string[]) => given.filter((k) => !allowed.includes(k));
  const reject = (fields: string[]) => {
    if (fields.length)
      throw validationFailure(
        fields.map(
          (f) =>
            `${FLAG_OF[f]}: ${FIELD_MESSAGES.invalid_value.fa} / This role (${body.role}) is granted on ${kinds.join(' or ')}, not with ${FLAG_OF[f]}.`,
        ),
      );
  };
  if (kinds.includes('office')) {
    reject(unexpected(['officeId']));
    if (!body.officeId) throw validationFailure([fieldLine('officeId', 'scope_required')]);
    const office = await store.officeLocation(db, body.officeId);
    if (!office)
      throw validationFailure([
        `--office-id: ${FIELD_MESSAGES.invalid_value.fa} / There is no office with id ${body.officeId}.`,
      ]);
    scope = { kind: 'office', provinceId: office.provinceId, officeId: office.id, courtId: null };
  } else if (kinds.includes('court')) {
    reject(unexpected(['courtId']));
    if (!body.courtId) throw validationFailure([fieldLine('courtId', 'scope_required')]);
    const court = await store.courtLocation(db, body.courtId);
    if (!court)
      throw validationFailure([
        `--court-id: ${FIELD_MESSAGES.invalid_value.fa} / There is no court with id ${body.courtId}.`,
      ]);
    scope = { kind: 'court', provinceId: court.provinceId, officeId: null, courtId: court.id };
  } else if (kinds.includes('nation') && (body.nation || !kinds.includes('province'))) {
    reject(unexpected(['nation']));
    scope = { kind: 'nation', provinceId: null, officeId: null, courtId: null };
  } else {
    reject(unexpected(['provinceId']));
    if (!body.provinceId) throw validationFailure([fieldLine('provinceId', 'scope_required')]);
    if (!(await store.provinceExists(db, body.provinceId)))
      throw validationFailure([
        `--province-id: ${FIELD_MESSAGES.invalid_value.fa} / There is no province with id ${body.provinceId}.`,
      ]);
    scope = { kind: 'province', provinceId: body.provinceId, officeId: null, courtId: null };
  }
  if (await store.usernameExists(db, body.username)) {
    throw new CliError(ERROR_CATALOG.username_taken.fa, ERROR_CATALOG.username_taken.en, [
      `--username: ${body.username}`,
    ]);
  }
  const passwordHash = await hashPassword(body.password);
  const user = await db.transaction(async (tx) => {
    const created = await store.insertStaff(
      tx,
      {
        kind: 'staff',
        username: body.username,
        passwordHash,
        firstName: body.firstName,
        lastName: body.lastName,
        nationalId: body.nationalId,
        mobile: body.mobile,
      },
      {
        role: body.role,
        scopeKind: scope.kind,
        provinceId: scope.provinceId,
        officeId: scope.officeId,
        courtId: scope.courtId,
      },
    );
    await recordAudit(tx, null, {
      action: 'users.create',
      entityType: 'user',
      entityId: created.id,
      provinceId: scope.provinceId,
      officeId: scope.officeId,
      data: { username: body.username, role: body.role, scope, via: 'cli' },
    });
    return created;
  });
  const scopeText =
    scope.kind === 'nation'
      ? 'nation'
      : scope.kind === 'province'
        ? `province ${scope.provinceId}`
        : scope.kind === 'office'
          ? `office ${scope.officeId} (province ${scope.provinceId})`
          : `court ${scope.courtId} (province ${scope.provinceId})`;
  return { id: user.id, username: body.username, password: body.password, generatedPassword, scope: scopeText };
}

export async function resetPassword(
  database: Database,
  input: { username?: string; password?: string },
): Promise<{ id: number; username: string; password: string; generatedPassword: boolean }> {
  const name = usernameField.safeParse(input.username ?? '');
  if (!name.success) throw validationFailure([fieldLine('username', input.username ? 'invalid_username' : 'required')]);
  const generatedPassword = input.password === undefined;
  const password = input.password ?? generatePassword();
  const strong = passwordField.safeParse(password);
  if (!strong.success) throw validationFailure(strong.error.issues.map((i) => fieldLine('password', issueCode(i))));
  const db = database.db;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, name.data), eq(users.kind, 'staff')));
  if (!user)
    throw new CliError(`کاربری با نام کاربری «${name.data}» یافت نشد.`, `There is no staff user named "${name.data}".`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await store.setPasswordHash(tx, user.id, passwordHash);
    // A new password signs the person out everywhere and lifts a sign-in lock-out.
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await clearFailures(tx, `staff:${name.data}`);
    await recordAudit(tx, null, {
      action: 'users.reset-password',
      entityType: 'user',
      entityId: user.id,
      data: { username: name.data, via: 'cli' },
    });
  });
  return { id: user.id, username: name.data, password, generatedPassword };
}

export function registerUsers(program: Command): void {
  const group = program.command('users').description('staff accounts / حساب‌های کارکنان');
  group
    .command('create')
    .description('create a staff account with one role / ایجاد حساب کارمند با یک نقش')
    .requiredOption('--username <username>', 'lower-case Latin letters, digits, dots and dashes')
    .requiredOption(
      '--role <role>',
      `one of ${Object.keys(ROLE_SCOPE)
        .filter((r) => r !== 'citizen')
        .join(', ')}`,
    )
    .option('--office-id <id>', 'office scope (operator, office_manager, consultant)', integerOption('--office-id'))
    .option(
      '--province-id <id>',
      'province scope (association_admin, arbitrator, inspector)',
      integerOption('--province-id'),
    )
    .option('--court-id <id>', 'court scope (court_clerk, judge)', integerOption('--court-id'))
    .option('--nation', 'nationwide scope (regulator_admin, association_admin, inspector)')
    .requiredOption('--first-name <name>', 'given name')
    .requiredOption('--last-name <name>', 'family name')
    .requiredOption('--national-id <id>', 'Iranian national ID (ten digits)')
    .requiredOption('--mobile <mobile>', 'Iranian mobile number')
    .option(
      '--password <password>',
      'at least 10 characters with letters and digits; generated and printed when absent',
    )
    .action(async (options: CreateUserInput) => {
      await withDatabase(async (database) => {
        const created = await createUser(database, options);
        console.log(
          `Created staff user ${created.username} (id ${created.id}), ${options.role} on ${created.scope}. / کاربر ${created.username} ایجاد شد.`,
        );
        if (created.generatedPassword) console.log(`Password (shown once, pass it on securely): ${created.password}`);
      });
    });
  group
    .command('reset-password')
    .description("set a staff user's password and sign them out everywhere / تعیین گذرواژهٔ تازه")
    .requiredOption('--username <username>', 'the staff user')
    .option('--password <password>', 'the new password; generated and printed when absent')
    .action(async (options: { username: string; password?: string }) => {
      await withDatabase(async (database) => {
        const done = await resetPassword(database, options);
        console.log(
          `Password of ${done.username} (id ${done.id}) reset; their sessions were ended. / گذرواژه تغییر کرد.`,
        );
        if (done.generatedPassword) console.log(`Password (shown once, pass it on securely): ${done.password}`);
      });
    });
}
