/** The daily employment-alerts job (07:15 Tehran is 03:45 UTC): `sendEmploymentAlerts` for the Tehran day. */
import { registerScheduledJob } from '../../../platform/jobs/jobs';
import { sendEmploymentAlerts } from './alert-notices';

export const EMPLOYMENT_ALERTS_QUEUE = 'employment.alerts';

registerScheduledJob({ queue: EMPLOYMENT_ALERTS_QUEUE, cron: '45 3 * * *', run: (database, clock) => sendEmploymentAlerts(database.db, clock.now()) });
