/**
 * The one place where the server's ports are wired: the gateways it talks to and the handlers a
 * lower area calls when a higher area must act (see platform/ports). `startServer` builds the
 * context with `composePorts()`; a test or a deployment passes its own gateway in `overrides`.
 * The areas' periodic jobs are listed here too, bound to the same ports.
 */
import { creditArbitrationFee } from '#server/modules/arbitration/fees';
import { creditConsultation } from '#server/modules/consultation/service';
import { creditServicePayment } from '#server/modules/counter/service';
import { embeddedCourtDesk } from '#server/modules/court/gateway';
import { creditFiling } from '#server/modules/filings/service';
import { HEARING_REMINDER_JOB } from '#server/modules/hearings/reminder-job';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { deliveredDecision } from '#server/modules/notices/service';
import { EMPLOYMENT_ALERTS_JOB } from '#server/modules/operators/employment/alert-job';
import { LICENCE_REMINDER_JOB } from '#server/modules/operators/licences/reminder-job';
import { reconcileJob } from '#server/modules/payments/reconcile-job';
import { sandboxGateway } from '#server/modules/payments/sandbox-gateway';
import { PROPOSAL_REMINDER_JOB } from '#server/modules/proposals/escalation-job';
import { COMPLAINT_REMINDER_JOB } from '#server/modules/quality/complaint-reminders';
import { inviteToSurvey } from '#server/modules/quality/surveys';
import { BOARD_ANNUAL_REPORT_JOB } from '#server/modules/stats/board-annual';
import { BOARD_REPORT_JOB } from '#server/modules/stats/board-report';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { THROTTLE_PURGE_JOB } from '#server/platform/auth/throttle';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { paymentGateways, type Ports } from '#server/platform/ports/ports';

/** Daftar's own ports: the sandbox bank, the embedded court desk, the areas' credit handlers, the holiday calendar and delivered decisions. */
export function composePorts(overrides: Partial<Ports> = {}): Ports {
  return {
    paymentGateways: paymentGateways(sandboxGateway),
    court: embeddedCourtDesk,
    onPaymentCredited: {
      filing: creditFiling,
      service: creditServicePayment,
      consultation: creditConsultation,
      arbitration: creditArbitrationFee,
    },
    holidayCalendar: loadHolidayCalendar,
    onTicketServed: inviteToSurvey,
    deliveredDecision,
    ...overrides,
  };
}

/** The areas' periodic jobs, run by the job queue's workers. */
export function scheduledJobs(ports: Ports): ScheduledJob[] {
  return [
    reconcileJob(ports),
    LICENCE_REMINDER_JOB,
    EMPLOYMENT_ALERTS_JOB,
    PROPOSAL_REMINDER_JOB,
    COMPLAINT_REMINDER_JOB,
    THROTTLE_PURGE_JOB,
    STATS_REFRESH_JOB,
    BOARD_REPORT_JOB,
    BOARD_ANNUAL_REPORT_JOB,
    HEARING_REMINDER_JOB,
  ];
}
