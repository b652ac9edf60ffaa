/**
 * The payments reconciliation job, every 5 minutes: payments left pending (the payer closed the
 * tab, the callback never arrived) are inquired with their gateway and credited once, closed, or
 * expired; old idempotency answers are forgotten. `reconcilePayments` is the job's function; the
 * composition hands the job to the queue with the ports it wired.
 */
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import type { Ports } from '#server/platform/ports/ports';
import { reconcilePayments } from './service';

const RECONCILE_QUEUE = 'payments.reconcile';

export function reconcileJob(ports: Ports): ScheduledJob {
  return {
    queue: RECONCILE_QUEUE,
    cron: '*/5 * * * *',
    run: (database, clock) => reconcilePayments({ db: database.db, ports }, clock.now()),
  };
}
