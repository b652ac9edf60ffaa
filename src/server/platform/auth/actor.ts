import type { ROLES, SCOPE_KINDS } from './values';

export type Role = (typeof ROLES)[number];
type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Where a role applies. A province-wide grant also names the province of an office or court grant. */
export interface Scope {
  kind: ScopeKind;
  provinceId?: number | null;
  officeId?: number | null;
  courtId?: number | null;
  /** What a person reads for this scope («دفتر ۱۱۰۰۱ — ونک», «استان تهران»). */
  label?: { fa: string; en: string };
}

export interface Grant {
  role: Role;
  scope: Scope;
}

/** Who is asking: resolved from the session on every request. */
export interface Actor {
  userId: number;
  kind: 'staff' | 'citizen';
  displayName: string;
  username: string | null;
  mobile: string | null;
  citizenId: number | null;
  grants: Grant[];
}

/** What a resource belongs to, as far as access is concerned. */
export interface ResourceScope {
  provinceId?: number | null;
  officeId?: number | null;
  courtId?: number | null;
  /** The citizen whose own record this is. */
  citizenId?: number | null;
  /** The user whose own record this is. */
  userId?: number | null;
}
