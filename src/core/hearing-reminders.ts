/**
 * A hearing's SMS reminders: one the day before (24 hours ahead) and one an hour before. A
 * reminder is due from its moment until the next one's (the day's until the hour's, the hour's
 * until the start), so a run of the job that comes late still sends it while it means something,
 * and a run after the start sends nothing. A hearing summoned within a reminder's lead time (the
 * summons itself is the warning) is not reminded for it.
 */

const HEARING_REMINDERS = ['day', 'hour'] as const;
export type HearingReminder = (typeof HEARING_REMINDERS)[number];

const HOUR = 60 * 60_000;
/** How long before the start each reminder is due. */
const REMINDER_LEAD_MS: Record<HearingReminder, number> = { day: 24 * HOUR, hour: HOUR };

/** The reminder due at `now` for a hearing starting at `startsAt`, summoned at `scheduledAt`; null when none is. */
export function dueReminder(startsAt: Date, scheduledAt: Date, now: Date): HearingReminder | null {
  const left = startsAt.getTime() - now.getTime();
  const summonedAhead = startsAt.getTime() - scheduledAt.getTime();
  if (left <= 0) return null;
  if (left <= REMINDER_LEAD_MS.hour) return summonedAhead > REMINDER_LEAD_MS.hour ? 'hour' : null;
  if (left <= REMINDER_LEAD_MS.day) return summonedAhead > REMINDER_LEAD_MS.day ? 'day' : null;
  return null;
}
