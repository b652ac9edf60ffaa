/**
 * A citizen's consent, given by a one-time code, for an office to look up their status or open a
 * notice on their behalf. Valid for a short time, for that office and that purpose only.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/platform/errors/app-error';
import { consents } from './tables';
import type { CONSENT_PURPOSES } from './values';

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_TTL_MINUTES = 30;

/**
 * Throws `consent_required` unless this consent is for this citizen, office and purpose, was given
 * to this operator (the code was read out to them, not to a colleague) and has not expired at `now`.
 */
export async function assertConsent(
  db: Executor,
  q: { consentId: number; citizenId: number; officeId: number; operatorUserId: number; purpose: ConsentPurpose },
  now: Date,
): Promise<void> {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.id, q.consentId),
        eq(consents.citizenId, q.citizenId),
        eq(consents.officeId, q.officeId),
        eq(consents.operatorUserId, q.operatorUserId),
        eq(consents.purpose, q.purpose),
        gt(consents.expiresAt, now),
      ),
    );
  if (!row) throw new AppError('consent_required');
}
