/**
 * May this person perform this service at this office on this day? The one check behind every
 * service action (see docs/decisions/0014): the office is active, it holds an in-date active
 * competency for the service, and the person holds a licence at that office naming the service
 * that is neither revoked, nor suspended, nor expired.
 *
 * One round trip: the filing-submit path runs it inside its transaction and has little margin.
 * The licence lookup walks `activity_licences_user_idx` (user_id, status); the competency lookup
 * the unique (office_id, service_code) key.
 */
import { sql } from 'drizzle-orm';
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
 * A licence's standing on the day, best first: usable, expired, suspended, revoked. When a person
 * holds several licences at the office covering the service, the best one decides, so an old
 * revoked licence never hides a newer valid one.
 */
const STANDING_REFUSAL: Record<number, ErrorCode | null> = {
  0: null,
  1: 'licence_expired',
  2: 'licence_suspended',
  3: 'licence_revoked',
};

interface Verdict {
  officeStatus: string;
  competent: boolean;
  standing: number | null;
  licenceId: number | null;
}

/** The refusal code for this person, office, service and day, or null when they may perform it. */
async function mayPerformVerdict(
  db: Executor,
  input: MayPerformInput,
): Promise<{ refusal: ErrorCode | null; licenceId: number | null }> {
  const { day } = input;
  const result = await db.execute(sql`
    select o.status as "officeStatus",
      exists (select 1 from office_competencies c
              where c.office_id = o.id and c.service_code = ${input.serviceCode} and c.status = 'active'
                and c.valid_from <= ${day}::date and (c.valid_until is null or c.valid_until >= ${day}::date)) as competent,
      l.standing, l.id as "licenceId"
    from offices o
    left join lateral (
      select a.id,
        case when a.status = 'revoked' then 3
             when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= ${day}::date) then 2
             when a.expires_on < ${day}::date then 1
             else 0 end as standing
      from activity_licences a
      where a.user_id = ${input.userId} and a.office_id = o.id and a.service_codes ? ${input.serviceCode}
      order by standing, a.expires_on desc
      limit 1
    ) l on true
    where o.id = ${input.officeId}`);
  const row = result.rows[0] as unknown as Verdict | undefined;
  if (row?.officeStatus !== 'active') return { refusal: 'office_not_active', licenceId: null };
  if (!row.competent) return { refusal: 'office_lacks_competency', licenceId: null };
  if (row.standing == null) return { refusal: 'licence_required', licenceId: null };
  return {
    refusal: STANDING_REFUSAL[Number(row.standing)],
    licenceId: row.licenceId == null ? null : Number(row.licenceId),
  };
}

/** Throws the refusal (office_not_active, office_lacks_competency, licence_*) unless the person may perform the service. */
export async function assertMayPerform(db: Executor, input: MayPerformInput): Promise<void> {
  const { refusal } = await mayPerformVerdict(db, input);
  if (refusal) throw new AppError(refusal, { extra: { serviceCode: input.serviceCode, officeId: input.officeId } });
}
