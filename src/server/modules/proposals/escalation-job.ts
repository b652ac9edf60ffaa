/**
 * The daily reminders on proposals' clocks (07:30 Tehran is 04:00 UTC): a reminder to the
 * reviewer when the running clock enters its last working days, and an overdue proposal escalated
 * to a second reviewer (another national regulator), each once per clock; and a pilot whose end
 * review falls due brought back to the regulator who approved it, once per last day (an extension
 * brings it back again).
 */
import { formatJalali, tehranIsoDate } from '#core/jalali';
import { clockNotice } from '#core/proposal-clock';
import type { Executor } from '#server/db/transaction';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { calendarFor, clocksOf, phaseOf, pilotStateOf } from './service';
import * as store from './store';
import { OPEN_PROPOSAL_STATUSES } from './values';

const PHASE_FA = { completeness: 'بررسی کامل بودن', decision: 'تصمیم' } as const;

/** Pilots whose end review fell due (within their last days, or lapsed) and whose reviewer has not been told for this last day. */
async function remindPilotReviews(db: Executor, now: Date, today: string): Promise<number> {
  const approved = (await store.proposals(db, { statuses: ['approved', 'approved-with-changes'] })).filter(
    (r) => r.pilot && r.pilotUntil && r.pilotReviewRemindedFor !== r.pilotUntil,
  );
  const reviews = await store.pilotReviewsOf(
    db,
    approved.map((r) => r.id),
  );
  let reminded = 0;
  for (const row of approved) {
    const state = pilotStateOf(
      row,
      reviews.filter((r) => r.proposalId === row.id),
      today,
    );
    if (state !== 'due' && state !== 'lapsed') continue;
    await db.transaction(async (tx) => {
      const reviewer = row.decidedBy ?? (await store.secondReviewer(tx, null))?.id ?? null;
      const mobile = reviewer == null ? null : await store.mobileOf(tx, reviewer);
      if (mobile)
        await enqueueMessage(
          tx,
          {
            channel: 'sms',
            recipient: mobile,
            template: 'proposal.pilot-review',
            body: `دفتر: آخرین روز دورهٔ آزمایشی «${row.titleFa}» (پیشنهاد شمارهٔ ${row.id}) ${formatJalali(row.pilotUntil!, 'fa')} است؛ دربارهٔ پذیرش سراسری، تمدید یا پایان آن تصمیم بگیرید.`,
          },
          now,
        );
      await store.updateProposal(tx, row.id, { pilotReviewRemindedFor: row.pilotUntil });
    });
    reminded++;
  }
  return reminded;
}

export async function sendProposalReminders(
  db: Executor,
  now: Date,
): Promise<{ reminded: number; escalated: number; pilotReviews: number }> {
  const today = tehranIsoDate(now);
  const open = await store.proposals(db, { statuses: OPEN_PROPOSAL_STATUSES });
  const calendar = await calendarFor(db, open, today);
  const requests = await store.infoRequestsOf(
    db,
    open.map((r) => r.id),
  );
  const result = { reminded: 0, escalated: 0, pilotReviews: 0 };
  for (const candidate of open) {
    await db.transaction(async (tx) => {
      const row = await store.proposalForUpdate(tx, candidate.id);
      const phase = row && phaseOf(row);
      if (!row || !phase) return;
      const clocks = clocksOf(
        row,
        requests.filter((r) => r.proposalId === row.id),
        today,
        calendar,
      );
      const clock = phase === 'decision' ? clocks.decision! : clocks.completeness;
      const notice = clockNotice(clock, {
        reminded: row.remindedPhase === phase,
        escalated: row.escalatedPhase === phase,
      });
      if (notice === 'remind') {
        const reviewer = row.acknowledgedBy ?? (await store.secondReviewer(tx, null))?.id ?? null;
        const mobile = reviewer == null ? null : await store.mobileOf(tx, reviewer);
        if (mobile)
          await enqueueMessage(
            tx,
            {
              channel: 'sms',
              recipient: mobile,
              template: 'proposal.reminder',
              body: `دفتر: مهلت ${PHASE_FA[phase]} پیشنهاد «${row.titleFa}» (شمارهٔ ${row.id}) ${clock.remaining} روز کاری دیگر به پایان می‌رسد.`,
            },
            now,
          );
        await store.updateProposal(tx, row.id, { remindedPhase: phase });
        result.reminded++;
      }
      if (notice === 'escalate') {
        const second = await store.secondReviewer(tx, row.acknowledgedBy);
        if (!second) return;
        if (second.mobile)
          await enqueueMessage(
            tx,
            {
              channel: 'sms',
              recipient: second.mobile,
              template: 'proposal.escalated',
              body: `دفتر: مهلت ${PHASE_FA[phase]} پیشنهاد «${row.titleFa}» (شمارهٔ ${row.id}) ${clock.daysOver} روز کاری گذشته است و برای پیگیری به شما ارجاع شد.`,
            },
            now,
          );
        await store.updateProposal(tx, row.id, { escalatedTo: second.id, escalatedPhase: phase, escalatedAt: now });
        await recordAudit(tx, null, {
          action: 'proposals.escalate',
          entityType: 'service_proposal',
          entityId: row.id,
          data: { phase, daysOver: clock.daysOver, to: second.id, from: row.acknowledgedBy },
        });
        result.escalated++;
      }
    });
  }
  result.pilotReviews = await remindPilotReviews(db, now, today);
  return result;
}

export const PROPOSAL_REMINDER_JOB: ScheduledJob = {
  queue: 'proposals.clock-reminders',
  cron: '0 4 * * *',
  run: (database, clock) => sendProposalReminders(database.db, clock.now()),
};
