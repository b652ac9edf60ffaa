/**
 * The authorization policy: one table of which roles may perform each action, and one rule for
 * whether a role's scope covers a resource. Every use case calls `authorize` (one resource) or
 * `scopeFilter` (a list) before it touches data; nothing else decides access.
 */
import { AppError } from '../errors/app-error';
import type { Actor, Grant, ResourceScope, Role, Scope } from './actor';

const OVERSIGHT: Role[] = ['association_admin', 'regulator_admin'];

export const PERMISSIONS = {
  /** Counts on the dashboard, within the caller's scope. */
  'stats.overview': ['operator', 'office_manager', 'association_admin', 'regulator_admin', 'inspector', 'court_clerk', 'judge', 'consultant', 'arbitrator'],
  'users.list': ['office_manager', ...OVERSIGHT],
  'users.create': ['office_manager', ...OVERSIGHT],
  'users.reset-password': ['office_manager', ...OVERSIGHT],
  'offices.staff': ['office_manager', 'inspector', ...OVERSIGHT],
  'outbox.read': OVERSIGHT,
  'audit.read': ['regulator_admin'],
  'tariffs.court-costs.manage': ['regulator_admin'],
  /** Tariffs as policy: drafts by the association (national), approval by the regulator (never one's own draft). */
  'tariffs.drafts.read': ['inspector', ...OVERSIGHT],
  'tariffs.drafts.manage': OVERSIGHT,
  'tariffs.approve': ['regulator_admin'],
  /** The revision simulator and its saved runs; a province's association runs it for its province only. */
  'tariffs.simulate': OVERSIGHT,
  'tariffs.simulations.read': ['inspector', ...OVERSIGHT],
  /** The office cost model behind break-even: a province's association edits its province, national oversight any. */
  'tariffs.cost-model.read': ['inspector', ...OVERSIGHT],
  'tariffs.cost-model.manage': OVERSIGHT,
  /** Channel policy of catalog services (office only / online only / both): the regulator's decision. */
  'catalog.channel-policy.manage': ['regulator_admin'],
  /** Channel share of services over time, per province. */
  'stats.channels': ['inspector', ...OVERSIGHT],
  'audit.verify': ['regulator_admin'],
  'citizens.read-own': ['citizen'],
  /** The court desk: the clerk's queue of submitted filings and their decisions; the court's cases. */
  'court.queue': ['court_clerk'],
  'court.decide': ['court_clerk'],
  'court.cases': ['court_clerk', 'judge'],
  /** Electronic notices: issued by the court, opened by the citizen online or at an office with consent. */
  'notices.issue': ['court_clerk', 'judge'],
  'notices.open-at-office': ['operator', 'office_manager'],
  'tracking.read-own': ['citizen'],
  /** Filings: prepared at an office for a citizen, or online by the citizen for themself. */
  'filings.create': ['operator', 'office_manager', 'citizen'],
  'filings.edit': ['operator', 'office_manager', 'citizen'],
  'filings.read': ['operator', 'office_manager', 'citizen', 'inspector', ...OVERSIGHT],
  'filings.list': ['operator', 'office_manager', 'inspector', ...OVERSIGHT],
  /** Judicial e-accounts registered at the counter, the citizen lookup, legal persons and representatives. */
  'eaccounts.register': ['operator', 'office_manager'],
  'citizens.lookup': ['operator', 'office_manager'],
  'parties.manage': ['operator', 'office_manager'],
  /** The counter: queue tickets, consents for status lookups, today's work. */
  'counter.tickets': ['operator', 'office_manager'],
  'counter.consents': ['operator', 'office_manager'],
  'counter.status-lookup': ['operator', 'office_manager'],
  'counter.today': ['operator', 'office_manager'],
  /** Payments: started by whoever pays (the office for a citizen, or the citizen online), read by the payer, the office and oversight. */
  'payments.start': ['operator', 'office_manager', 'citizen'],
  'payments.read': ['operator', 'office_manager', 'citizen', 'inspector', ...OVERSIGHT],
  'payments.list': ['office_manager', 'inspector', ...OVERSIGHT],
  /** The holiday calendar and deadline rules behind legal time limits. */
  'holidays.read': OVERSIGHT,
  'holidays.manage': ['regulator_admin'],
  'deadline-rules.read': OVERSIGHT,
  'deadline-rules.manage': ['regulator_admin'],
  /** Office licensing: applications (founder online or the association for them), reviewed by the province's association, decided by the regulator. */
  'office-applications.submit': ['citizen', 'association_admin'],
  'office-applications.read': ['citizen', 'inspector', ...OVERSIGHT],
  'office-applications.review': ['association_admin'],
  'office-applications.decide': ['regulator_admin'],
  /** An office's record: its profile (hours, counters, booths), status over time, competencies. */
  'offices.profile.edit': ['office_manager', ...OVERSIGHT],
  'offices.history': ['office_manager', 'inspector', ...OVERSIGHT],
  'offices.status.manage': ['regulator_admin'],
  'competencies.manage': ['regulator_admin'],
  /** The operator registry and employment: kept by the office manager, seen by the association for its province and by oversight. */
  'staff.registry': ['office_manager', 'inspector', ...OVERSIGHT],
  'staff.self': ['operator', 'office_manager', 'consultant'],
  'employment.manage': ['office_manager'],
  'employment.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Training and exams: the association runs courses, sessions and the question bank; staff enrol and sit exams. */
  'training.read': ['operator', 'office_manager', 'consultant', 'inspector', ...OVERSIGHT],
  'training.manage': ['association_admin'],
  'training.enrol': ['operator', 'office_manager', 'consultant', 'association_admin'],
  'exams.manage': ['association_admin'],
  'exams.take': ['operator', 'office_manager', 'consultant'],
  'exams.results': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Activity licences: issued and renewed by the association, suspended or revoked by the association or the regulator. */
  'licences.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** One's own activity licences (whatever office they are at): the staff who hold them. */
  'licences.read-own': ['operator', 'office_manager', 'consultant'],
  'licences.issue': ['association_admin'],
  'licences.suspend': ['association_admin', 'regulator_admin'],
  /** Geography: the network map and its figures (a province's association and inspectors see their province). */
  'geo.distribution.read': ['inspector', ...OVERSIGHT],
  /** An office's viability (demand, revenue, break-even): its manager for their office, oversight for theirs. */
  'geo.viability.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Official population tables replace the shipped figures: the national administrator's job. */
  'geo.population.import': ['regulator_admin'],
  /** Candidate locations for new offices, and the siting optimizer (a province's association for its province). */
  'geo.sites.manage': OVERSIGHT,
  'geo.siting.run': OVERSIGHT,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Which roles each granting role may hand out (and only within its own scope). */
export const ASSIGNABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  office_manager: ['operator', 'consultant'],
  association_admin: ['office_manager', 'operator', 'consultant', 'inspector', 'arbitrator', 'association_admin'],
  regulator_admin: ['office_manager', 'operator', 'consultant', 'inspector', 'arbitrator', 'association_admin', 'regulator_admin', 'court_clerk', 'judge'],
};

/** The kind of scope each role is granted in. */
export const ROLE_SCOPE: Record<Role, Scope['kind'][]> = {
  citizen: ['own'],
  operator: ['office'],
  office_manager: ['office'],
  consultant: ['office'],
  association_admin: ['province', 'nation'],
  regulator_admin: ['nation'],
  court_clerk: ['court'],
  judge: ['court'],
  arbitrator: ['province'],
  inspector: ['province', 'nation'],
};

/** Does this grant's scope cover the resource? */
export function covers(grant: Grant, actor: Actor, resource: ResourceScope): boolean {
  const s = grant.scope;
  switch (s.kind) {
    case 'nation': return true;
    case 'province': return s.provinceId != null && resource.provinceId === s.provinceId;
    case 'office': return s.officeId != null && resource.officeId === s.officeId;
    case 'court': return s.courtId != null && resource.courtId === s.courtId;
    case 'own':
      return (resource.citizenId != null && resource.citizenId === actor.citizenId)
        || (resource.userId != null && resource.userId === actor.userId);
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
    else if (s.kind === 'own') { f.citizenId = actor.citizenId; f.userId = actor.userId; }
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
  const grant = actor.grants.find((g) => roles.includes(g.role) && g.scope.kind === 'office' && g.scope.officeId != null && g.scope.provinceId != null);
  if (!grant) throw new AppError('forbidden');
  const office = { officeId: grant.scope.officeId!, provinceId: grant.scope.provinceId! };
  authorize(actor, action, office);
  return office;
}
