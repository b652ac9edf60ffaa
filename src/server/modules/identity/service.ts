/** Use cases of the identity area. Each takes the actor first and checks access before any data. */
import type { Actor, Role, Scope } from '#server/platform/auth/actor';
import { hashPassword } from '#server/platform/auth/passwords';
import { ROLE_SCOPE } from '#server/platform/auth/permissions';
import { authorize, canAssign, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import type { CreateStaffInput } from './schemas';
import * as store from './store';

type UserRow = NonNullable<Awaited<ReturnType<typeof store.findUser>>>;

function toStaffMember(user: UserRow, grants: store.GrantRow[]) {
  return {
    id: user.id,
    username: user.username,
    displayName: `${user.firstName} ${user.lastName}`,
    nationalId: user.nationalId,
    mobile: user.mobile,
    disabled: user.disabled,
    roles: grants.map(({ role, scope }) => ({ role, scope })),
    createdAt: user.createdAt.toISOString(),
  };
}

/** The signed-in user as the session resolved it: no further queries. */
export function currentUser(actor: Actor) {
  return {
    id: actor.userId,
    kind: actor.kind,
    displayName: actor.displayName,
    username: actor.username,
    mobile: actor.mobile,
    roles: actor.grants.map(({ role, scope }) => ({
      role,
      scope: {
        kind: scope.kind,
        provinceId: scope.provinceId ?? null,
        officeId: scope.officeId ?? null,
        courtId: scope.courtId ?? null,
        label: scope.label ?? { fa: '', en: '' },
      },
    })),
  };
}

export async function listStaff(ctx: AppContext, actor: Actor, search: store.StaffSearch) {
  const filter = scopeFilter(actor, 'users.list');
  // Asking for a particular office or province outside one's scope is refused, not answered empty.
  if (search.officeId) {
    const office = await store.officeLocation(ctx.db, search.officeId);
    if (!office) throw new AppError('not_found');
    authorize(actor, 'users.list', { officeId: office.id, provinceId: office.provinceId });
  }
  if (search.provinceId) authorize(actor, 'users.list', { provinceId: search.provinceId });
  const { rows, total } = await store.searchStaff(ctx.db, filter, search);
  const grants = await store.grantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((u) => toStaffMember(u, grants.get(u.id) ?? [])),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** Works out the full scope of a new grant (the province of an office or court included). */
async function targetScope(ctx: AppContext, role: Role, input: CreateStaffInput): Promise<Scope> {
  const kinds = ROLE_SCOPE[role];
  if (kinds.includes('office')) {
    if (!input.officeId) throw invalidField('officeId', 'scope_required');
    const office = await store.officeLocation(ctx.db, input.officeId);
    if (!office) throw invalidField('officeId', 'invalid_value');
    return { kind: 'office', officeId: office.id, provinceId: office.provinceId };
  }
  if (kinds.includes('court')) {
    if (!input.courtId) throw invalidField('courtId', 'scope_required');
    const court = await store.courtLocation(ctx.db, input.courtId);
    if (!court) throw invalidField('courtId', 'invalid_value');
    return { kind: 'court', courtId: court.id, provinceId: court.provinceId };
  }
  if (kinds.includes('nation') && (input.nation || !kinds.includes('province'))) return { kind: 'nation' };
  if (!input.provinceId) throw invalidField('provinceId', 'scope_required');
  if (!(await store.provinceExists(ctx.db, input.provinceId))) throw invalidField('provinceId', 'invalid_value');
  return { kind: 'province', provinceId: input.provinceId };
}

export async function createStaff(ctx: AppContext, actor: Actor, input: CreateStaffInput) {
  // Only someone who may create users somewhere gets past this line; the scope check follows.
  scopeFilter(actor, 'users.create');
  const scope = await targetScope(ctx, input.role, input);
  if (!canAssign(actor, input.role, scope)) throw new AppError('role_not_assignable');
  if (await store.usernameExists(ctx.db, input.username)) {
    throw new AppError('username_taken', {
      fields: [
        {
          field: 'username',
          code: 'invalid_value',
          message: { fa: 'این نام کاربری قبلاً ثبت شده است.', en: 'This username is already taken.' },
        },
      ],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (tx) => {
    const created = await store.insertStaff(
      tx,
      {
        kind: 'staff',
        username: input.username,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        nationalId: input.nationalId,
        mobile: input.mobile,
        birthDate: input.birthDate?.iso,
        sheba: input.sheba,
      },
      {
        role: input.role,
        scopeKind: scope.kind,
        provinceId: scope.provinceId ?? null,
        officeId: scope.officeId ?? null,
        courtId: scope.courtId ?? null,
      },
    );
    await recordAudit(tx, actor, {
      action: 'users.create',
      entityType: 'user',
      entityId: created.id,
      provinceId: scope.provinceId,
      officeId: scope.officeId,
      data: {
        username: input.username,
        role: input.role,
        scope: {
          kind: scope.kind,
          provinceId: scope.provinceId ?? null,
          officeId: scope.officeId ?? null,
          courtId: scope.courtId ?? null,
        },
      },
    });
    return created;
  });
  const grants = (await store.grantsOf(ctx.db, [user.id])).get(user.id) ?? [];
  return toStaffMember(user, grants);
}

/** A password may be reset by whoever may manage every one of the target's grants. */
export async function resetPassword(ctx: AppContext, actor: Actor, userId: number, password: string) {
  scopeFilter(actor, 'users.reset-password');
  const user = await store.findUser(ctx.db, userId);
  if (user?.kind !== 'staff') throw new AppError('not_found');
  const grants = (await store.grantsOf(ctx.db, [userId])).get(userId) ?? [];
  const allowed = grants.length > 0 && grants.every((g) => canAssign(actor, g.role, g.scope));
  if (!allowed) throw new AppError('forbidden');
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await store.setPasswordHash(tx, userId, passwordHash);
    // A new password ends every session signed in with the old one.
    await store.endSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'users.reset-password', entityType: 'user', entityId: userId });
  });
}

export async function ownCitizenProfile(ctx: AppContext, actor: Actor) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'citizens.read-own', { citizenId: actor.citizenId });
  const row = await store.findCitizen(ctx.db, actor.citizenId);
  if (!row) throw new AppError('not_found');
  const c = row.citizen;
  return {
    id: c.id,
    nationalId: c.nationalId,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    mobile: c.mobile,
    province: { id: c.provinceId, name: { fa: row.provinceFa, en: row.provinceEn } },
  };
}
