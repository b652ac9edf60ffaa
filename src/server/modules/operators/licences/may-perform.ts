/**
 * May this person perform this service at this office on this day? The one check behind every
 * service action (see docs/decisions/0014): the office is active, it holds an in-date active
 * competency for the service, and the person holds a licence at that office naming the service
 * that is neither revoked, nor suspended, nor expired.
 *
 * One round trip, or none where the verdict is a column of a statement the caller issues anyway
 * (submitting a filing reads it with the filing it locks). The licence lookup walks
 * `activity_licences_user_idx` (user_id, status); the competency lookup the unique
 * (office_id, service_code) key.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/platform/errors/app-error';
import type { ErrorCode } from '#server/platform/errors/catalog';

export interface MayPerformInput {
  officeId: number;
  userId: number;
  serviceCode: string;
  /** ISO day (YYYY-MM-DD): today in Tehran by the server's clock, for a service performed now. */
  day: string;
}

/**
 * The verdict for a person, office, service and day as one SQL expression: `'ok'` or the refusal's
 * code. A licence's standing on the day ranks usable, expired, suspended, revoked; when a person
 * holds several licences at the office covering the service, the best one decides, so an old
 * revoked licence never hides a newer valid one. `officeId` and `serviceCode` may be columns of the
 * statement the verdict is part of (the filing being submitted), so the check costs no round trip
 * of its own there.
 */
export function mayPerformVerdictSql(input: {
  officeId: number | SQL;
  userId: number;
  serviceCode: string | SQL;
  day: string;
}): SQL {
  const { officeId, userId, serviceCode, day } = input;
  return sql`coalesce((
    select case
      when o.status <> 'active' then 'office_not_active'
      when not exists (select 1 from office_competencies c
              where c.office_id = o.id and c.service_code = ${serviceCode} and c.status = 'active'
                and c.valid_from <= ${day}::date and (c.valid_until is null or c.valid_until >= ${day}::date))
        then 'office_lacks_competency'
      else coalesce((
        select case when a.status = 'revoked' then 'licence_revoked'
             when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= ${day}::date) then 'licence_suspended'
             when a.expires_on < ${day}::date then 'licence_expired'
             else 'ok' end
        from activity_licences a
        where a.user_id = ${userId} and a.office_id = o.id and a.service_codes ? ${serviceCode}
        order by case when a.status = 'revoked' then 3
             when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= ${day}::date) then 2
             when a.expires_on < ${day}::date then 1
             else 0 end, a.expires_on desc
        limit 1), 'licence_required')
      end
    from offices o where o.id = ${officeId}), 'office_not_active')`;
}

const REFUSALS = new Set<ErrorCode>([
  'office_not_active',
  'office_lacks_competency',
  'licence_required',
  'licence_expired',
  'licence_suspended',
  'licence_revoked',
]);

/**
 * Proof that the check passed for exactly this person, office, service and day, earlier in the same
 * use case (in its transaction, or just before it, as the counter's e-account registration checks
 * before it asks for the code): `recordService` takes it instead of checking again. Only this module
 * makes one.
 */
export interface LicenceCheck {
  readonly input: Readonly<MayPerformInput>;
}
const passed = new WeakSet<LicenceCheck>();

/** Throws the refusal named by `verdict` (from `mayPerformVerdictSql`), or gives the proof that the check passed. */
export function licenceCheckFrom(input: MayPerformInput, verdict: string): LicenceCheck {
  if (verdict !== 'ok') {
    const code: ErrorCode = REFUSALS.has(verdict as ErrorCode) ? (verdict as ErrorCode) : 'licence_required';
    throw new AppError(code, { extra: { serviceCode: input.serviceCode, officeId: input.officeId } });
  }
  const check: LicenceCheck = Object.freeze({ input: Object.freeze({ ...input }) });
  passed.add(check);
  return check;
}

/** Is `check` a passed check of exactly `input`? */
export function provesMayPerform(check: LicenceCheck | undefined, input: MayPerformInput): boolean {
  return (
    check != null &&
    passed.has(check) &&
    check.input.officeId === input.officeId &&
    check.input.userId === input.userId &&
    check.input.serviceCode === input.serviceCode &&
    check.input.day === input.day
  );
}

/** Throws the refusal (office_not_active, office_lacks_competency, licence_*) unless the person may perform the service. */
export async function assertMayPerform(db: Executor, input: MayPerformInput): Promise<LicenceCheck> {
  const { rows } = await db.execute<{ verdict: string }>(sql`select ${mayPerformVerdictSql(input)} as verdict`);
  return licenceCheckFrom(input, rows[0]?.verdict ?? 'office_not_active');
}
