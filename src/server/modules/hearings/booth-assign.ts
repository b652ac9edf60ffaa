/** Booking a booth at an office for a participant, under the office's lock (scheduling and booking both use it). */
import { freeBooth } from '#core/hearing-booths';
import type { Executor } from '#server/db/transaction';
import * as store from './store';

/** An office hosts hearings when it is active and its profile counts at least one booth. */
export const hostsHearings = (o: { status: string; hearingBooths: number }) =>
  o.status === 'active' && o.hearingBooths > 0;

/**
 * The booth the participant gets at the office for [startsAt, endsAt): the office's row is locked
 * first, so concurrent bookings there are decided one at a time and never share a booth.
 */
export async function assignBooth(
  tx: Executor,
  officeId: number,
  window: { startsAt: Date; endsAt: Date },
  participantId: number,
): Promise<{ boothNo: number; problem?: undefined } | { problem: 'office_without_booths' | 'no_free_booth' }> {
  const office = await store.lockOffice(tx, officeId);
  if (!office || !hostsHearings(office)) return { problem: 'office_without_booths' };
  const taken = await store.boothBookings(tx, [officeId], window.startsAt, window.endsAt, participantId);
  const boothNo = freeBooth(office.hearingBooths, taken, window);
  return boothNo == null ? { problem: 'no_free_booth' } : { boothNo };
}
