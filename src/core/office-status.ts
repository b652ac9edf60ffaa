/**
 * An office's status over time and the state of its competencies: which changes the regulator may
 * make from which state, and when a competency lets the office offer a service on a day.
 */

const OFFICE_STATUSES = ['active', 'suspended', 'closed'] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];

export type OfficeStatusProblem = 'status_conflict' | 'reason_required';

/**
 * May the office go from `current` to `next`? Suspension and closure need a reason; reinstatement
 * is only from a suspension; closure is final.
 */
export function officeStatusChangeProblem(
  current: OfficeStatus,
  next: OfficeStatus,
  reason: string | null | undefined,
): OfficeStatusProblem | null {
  const allowed =
    (current === 'active' && (next === 'suspended' || next === 'closed')) ||
    (current === 'suspended' && (next === 'active' || next === 'closed'));
  if (!allowed) return 'status_conflict';
  if (next !== 'active' && !reason?.trim()) return 'reason_required';
  return null;
}

const COMPETENCY_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type CompetencyStatus = (typeof COMPETENCY_STATUSES)[number];

/**
 * Competency changes by the regulator: suspend or withdraw an active one, lift or withdraw a
 * suspension. A withdrawn competency comes back only through a new grant (with new dates).
 */
export function competencyChangeProblem(
  current: CompetencyStatus,
  next: CompetencyStatus,
  reason: string | null | undefined,
): OfficeStatusProblem | null {
  const allowed = (current === 'active' && next !== 'active') || (current === 'suspended' && next !== 'suspended');
  if (!allowed) return 'status_conflict';
  if (next !== 'active' && !reason?.trim()) return 'reason_required';
  return null;
}

/** Does this competency let the office offer the service on `day` (ISO dates compare as strings)? */
export function competencyInForce(
  c: { status: CompetencyStatus; validFrom: string; validUntil: string | null },
  day: string,
): boolean {
  return c.status === 'active' && c.validFrom <= day && (c.validUntil == null || c.validUntil >= day);
}

/** What a grant does to an office that may already hold the competency. */
export type GrantEffect = 'grant' | 'reactivate' | 'already-held';

export function grantEffect(existing: { status: CompetencyStatus } | null): GrantEffect {
  if (!existing) return 'grant';
  // A suspension is the regulator's own decision about that office: a bulk grant does not lift it.
  return existing.status === 'withdrawn' ? 'reactivate' : 'already-held';
}
