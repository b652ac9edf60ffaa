/**
 * An office's hearing booths: numbered 1 … n (n from the office's profile), each holding one
 * participant at a time. A booking holds its booth for the hearing's whole length; two bookings of
 * one booth may not overlap (one ending as the other starts do not). Pure, so the server decides
 * with it under the office's lock and the tests pin it without a database.
 */
import { addDaysIso } from './jalali';

export interface BoothBooking {
  boothNo: number;
  startsAt: Date;
  endsAt: Date;
}

function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The lowest-numbered booth free for the whole of `want`, or null when every booth is taken for part of it. */
export function freeBooth(booths: number, taken: readonly BoothBooking[], want: { startsAt: Date; endsAt: Date }) {
  const busy = new Set(taken.filter((b) => overlaps(b, want)).map((b) => b.boothNo));
  for (let n = 1; n <= booths; n++) if (!busy.has(n)) return n;
  return null;
}

/** The code a participant shows at the office's check-in: six digits, from a random integer below 10⁶. */
export function checkInCodeOf(random: number): string {
  return String(Math.trunc(Math.abs(random)) % 1_000_000).padStart(6, '0');
}

/** The four checks of a device's self-test (a participant's own, or an office's booth). */
export const DEVICE_CHECKS = ['camera', 'microphone', 'speaker', 'connection'] as const;
export type DeviceCheck = (typeof DEVICE_CHECKS)[number];

/**
 * What each check of a booth's self-test ended as: `ok`, or why not — a camera or speaker that
 * failed, a microphone that failed or stayed silent, a connection that failed or was slow.
 */
export interface BoothCheckStatuses {
  camera: 'ok' | 'fail';
  microphone: 'ok' | 'silent' | 'fail';
  speaker: 'ok' | 'fail';
  connection: 'ok' | 'slow' | 'fail';
}

/** A booth passes its check only when all four are `ok`; otherwise the checks that were not, in the page's order. */
export function boothCheckOutcome(s: BoothCheckStatuses): { passed: boolean; failed: DeviceCheck[] } {
  const failed = DEVICE_CHECKS.filter((c) => s[c] !== 'ok');
  return { passed: failed.length === 0, failed };
}

/**
 * Whether a booth check made on `checkedDay` speaks for a hearing on `hearingDay` (ISO days in
 * Tehran): the office tests the booth the day before, or on the day itself; an older check says
 * nothing about the device today.
 */
export function boothCheckCounts(checkedDay: string, hearingDay: string): boolean {
  return checkedDay === hearingDay || checkedDay === addDaysIso(hearingDay, -1);
}
