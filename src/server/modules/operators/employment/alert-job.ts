/** The daily employment-alerts job (07:15 Tehran is 03:45 UTC): `sendEmploymentAlerts` for the Tehran day. */
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { sendEmploymentAlerts } from './alert-notices';

const EMPLOYMENT_ALERTS_QUEUE = 'employment.alerts';

export const EMPLOYMENT_ALERTS_JOB: ScheduledJob = {
  queue: EMPLOYMENT_ALERTS_QUEUE,
  cron: '45 3 * * *',
  run: (database, clock) => sendEmploymentAlerts(database.db, clock.now()),
};
