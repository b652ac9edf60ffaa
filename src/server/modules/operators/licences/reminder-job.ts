/** The daily expiry-reminder job (07:00 Tehran is 03:30 UTC): `sendLicenceExpiryReminders` for the Tehran day. */
import { tehranIsoDate } from '#core/jalali';
import { registerScheduledJob } from '../../../platform/jobs/jobs';
import { sendLicenceExpiryReminders } from './reminders';

export const LICENCE_REMINDER_QUEUE = 'licences.expiry-reminders';

registerScheduledJob({ queue: LICENCE_REMINDER_QUEUE, cron: '30 3 * * *', run: (database) => sendLicenceExpiryReminders(database.db, tehranIsoDate()) });
