/** The daily expiry-reminder job (07:00 Tehran is 03:30 UTC): `sendLicenceExpiryReminders` for the Tehran day. */
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { sendLicenceExpiryReminders } from './reminders';

const LICENCE_REMINDER_QUEUE = 'licences.expiry-reminders';

export const LICENCE_REMINDER_JOB: ScheduledJob = {
  queue: LICENCE_REMINDER_QUEUE,
  cron: '30 3 * * *',
  run: (database, clock) => sendLicenceExpiryReminders(database.db, clock.now()),
};
