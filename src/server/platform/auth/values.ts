/** The authorization policy's value lists: roles and the kinds of scope a role is held in (pure; tables, contracts and the web import them). */

/** The roles of the authorization policy (stored in role_grants.role, owned by the identity area). */
export const ROLES = [
  'citizen',
  'operator',
  'office_manager',
  'association_admin',
  'regulator_admin',
  'court_clerk',
  'judge',
  'consultant',
  'arbitrator',
  'inspector',
] as const;
/** The kinds of scope a role is held in (role_grants.scope_kind). */
export const SCOPE_KINDS = ['nation', 'province', 'office', 'court', 'own'] as const;
