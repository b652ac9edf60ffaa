/**
 * The payments reconciliation job, every 5 minutes: payments left pending (the payer closed the
 * tab, the callback never arrived) are inquired with their gateway and credited once, closed, or
 * expired; old idempotency answers are forgotten. `reconcilePayments` is the job's function.
 */
import { registerScheduledJob } from '../../platform/jobs/jobs';
import { reconcilePayments } from './service';

export const RECONCILE_QUEUE = 'payments.reconcile';

registerScheduledJob({ queue: RECONCILE_QUEUE, cron: '*/5 * * * *', run: (database, clock) => reconcilePayments(database.db, clock.now()) });
