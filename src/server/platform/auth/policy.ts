/**
 * The authorization policy: the table of which roles may perform each action (permissions.ts) and
 * one rule for whether a role's scope covers a resource. Every use case calls `authorize` (one
 * resource) or `scopeFilter` (a list) before it touches data; nothing else decides access.
 */
import { AppError } from '#server/platform/errors/app-error';
import type { Actor, Grant, ResourceScope, Role, Scope } from './actor';
import { ASSIGNABLE_ROLES, PERMISSIONS, ROLE_SCOPE, type Action } from './permissions';

/** Does this grant's scope cover the resource? */
export function covers(grant: Grant, actor: Actor, resource: ResourceScope): boolean {
  const s = grant.scope;
  switch (s.kind) {
    case 'nation':
      return true;
    case 'province':
      return s.provinceId != null && resource.provinceId === s.provinceId;
    case 'office':
      return s.officeId != null && resource.officeId === s.officeId;
    case 'court':
      return s.courtId != null && resource.courtId === s.courtId;
    case 'own':
      return (
        (resource.citizenId != null && resource.citizenId === actor.citizenId) ||
        (resource.userId != null && resource.userId === actor.userId)
      );
  }
}

function grantsFor(actor: Actor, action: Action): Grant[] {
  const roles = PERMISSIONS[action] as readonly Role[];
  return actor.grants.filter((g) => roles.includes(g.role));
}

/**
 * Does the actor hold a role that may perform the action at all, whatever the resource? For
 * actions on one's own records (`*-own`), where the resource is the actor's by identity rather
 * than by the scope of a grant.
 */
export function holds(actor: Actor, action: Action): boolean {
  return grantsFor(actor, action).length > 0;
}

export function can(actor: Actor, action: Action, resource: ResourceScope): boolean {
  return grantsFor(actor, action).some((g) => covers(g, actor, resource));
}

/** Throws `forbidden` unless the actor may perform the action on this resource. */
export function authorize(actor: Actor, action: Action, resource: ResourceScope): void {
  if (!can(actor, action, resource)) throw new AppError('forbidden');
}

/**
 * Like authorize, for reading one record named by its id: a record the actor may not see answers
 * 404, as a missing one does, so the answer never tells whether the id exists.
 */
export function authorizeVisible(actor: Actor, action: Action, resource: ResourceScope): void {
  if (!can(actor, action, resource)) throw new AppError('not_found');
}

/** What part of a list the actor may see for this action; `null` means nothing at all. */
export interface ScopeFilter {
  all: boolean;
  provinceIds: number[];
  officeIds: number[];
  courtIds: number[];
  citizenId: number | null;
  userId: number | null;
}

export function scopeFilter(actor: Actor, action: Action): ScopeFilter {
  const grants = grantsFor(actor, action);
  if (grants.length === 0) throw new AppError('forbidden');
  const f: ScopeFilter = { all: false, provinceIds: [], officeIds: [], courtIds: [], citizenId: null, userId: null };
  for (const g of grants) {
    const s = g.scope;
    if (s.kind === 'nation') f.all = true;
    else if (s.kind === 'province' && s.provinceId != null) f.provinceIds.push(s.provinceId);
    else if (s.kind === 'office' && s.officeId != null) f.officeIds.push(s.officeId);
    else if (s.kind === 'court' && s.courtId != null) f.courtIds.push(s.courtId);
    else if (s.kind === 'own') {
      f.citizenId = actor.citizenId;
      f.userId = actor.userId;
    }
  }
  return f;
}

/**
 * May the actor grant `role` within `target` (whose provinceId is filled in even for office and
 * court scopes)? The granter needs `users.create` over the target scope and the role must be one
 * its own role may hand out; a province admin cannot mint a national one.
 */
export function canAssign(actor: Actor, role: Role, target: Scope): boolean {
  if (!ROLE_SCOPE[role].includes(target.kind)) return false;
  return grantsFor(actor, 'users.create').some((g) => {
    if (!(ASSIGNABLE_ROLES[g.role] ?? []).includes(role)) return false;
    if (g.scope.kind === 'nation') return true;
    if (target.kind === 'nation') return false;
    if (g.scope.kind === 'province' && target.kind === 'province' && role === 'association_admin') return false;
    return covers(g, actor, { provinceId: target.provinceId, officeId: target.officeId, courtId: target.courtId });
  });
}

/**
 * The office an operator or office manager acts for in this action: their office grant among the
 * roles allowed to perform it, checked against the policy. Staff without one are refused.
 */
export function actingOffice(actor: Actor, action: Action): { officeId: number; provinceId: number } {
  const roles = PERMISSIONS[action] as readonly Role[];
  const grant = actor.grants.find(
    (g) =>
      roles.includes(g.role) && g.scope.kind === 'office' && g.scope.officeId != null && g.scope.provinceId != null,
  );
  if (!grant) throw new AppError('forbidden');
  const office = { officeId: grant.scope.officeId!, provinceId: grant.scope.provinceId! };
  authorize(actor, action, office);
  return office;
}
