/**
 * Once per database: deadlines fixed at delivery before free limits were counted right are
 * counted again. Until then the last day was delivery + limit (a day short: Art. 445 leaves out
 * the day of the action too); it is delivery + limit + 1, moved off Fridays and holidays (Art.
 * 444). The new last day is never earlier than the old one, so nobody loses time.
 *
 * It runs at start, after the migrations, in one transaction with its audit event and its row in
 * `deadline_recounts` (the mark that it ran; migration 0013 writes that row itself when there was
 * nothing to recount, as in a new database). Counting uses the holiday calendar as it stands after
 * migration 0013, which holds the same days the old deadlines were counted on. The update is
 * set-based: one "nominal day → last day" table for the span of deliveries, joined to every
 * delivered copy.
 */
import { eq, sql } from 'drizzle-orm';
import { countWindow, MAX_CLOSED_RUN_DAYS } from '#core/deadlines';
import { addDaysIso } from '#core/jalali';
import type { Db } from '#server/db/client';
import type { Executor } from '#server/db/transaction';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { Clock } from '#server/platform/clock/clock';
import { loadHolidayCalendar } from './calendar';
import { deadlineRecounts } from './tables';

const FREE_LIMITS_RULE = 'art-445-free-limits';
const RECOUNT_LOCK = 7_240_445;

async function alreadyRecounted(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ rule: deadlineRecounts.rule })
    .from(deadlineRecounts)
    .where(eq(deadlineRecounts.rule, FREE_LIMITS_RULE));
  return row !== undefined;
}

/** Recounts every stored deadline the first time it runs on a database; returns how many changed, or null when it had run before. */
export async function recountDeadlinesOnce(db: Db, clock: Clock): Promise<{ changed: number } | null> {
  if (await alreadyRecounted(db)) return null;
  return db.transaction(async (tx) => {
    // Several API processes may start together: one recounts, the others find its row.
    await tx.execute(sql`select pg_advisory_xact_lock(${RECOUNT_LOCK})`);
    if (await alreadyRecounted(tx)) return null;
    const span = (
      await tx.execute(sql`
      select min((delivered_at at time zone 'Asia/Tehran')::date)::text as "from",
             max((delivered_at at time zone 'Asia/Tehran')::date)::text as "to", max(deadline_days)::int as "days"
      from notice_deliveries where delivered_at is not null and deadline_days is not null`)
    ).rows[0] as { from: string | null; to: string | null; days: number | null };
    let changed = 0;
    if (span.from && span.to && span.days) {
      const { toIso } = countWindow(span.to, span.days);
      const calendar = await loadHolidayCalendar(tx, addDaysIso(span.from, 1), toIso);
      // Every day a nominal last day (delivery + limit + 1) can fall on, with the day Art. 444 makes the last.
      const nominal: string[] = [];
      const last: string[] = [];
      const latestNominal = addDaysIso(toIso, -MAX_CLOSED_RUN_DAYS);
      let open = '';
      // Walking backwards from the end of the calendar: a closed day's last day is the next open day already seen.
      for (let day = toIso; day >= addDaysIso(span.from, 2); day = addDaysIso(day, -1)) {
        if (!calendar.closure(day)) open = day;
        if (day > latestNominal) continue;
        if (!open) throw new RangeError(`no open day after ${day} within the calendar loaded`);
        nominal.push(day);
        last.push(open);
      }
      const result = await tx.execute(sql`
        update notice_deliveries d set deadline_date = m.last_day
        from unnest(${`{${nominal.join(',')}}`}::date[], ${`{${last.join(',')}}`}::date[]) as m(nominal, last_day)
        where d.delivered_at is not null and d.deadline_days is not null
          and m.nominal = (d.delivered_at at time zone 'Asia/Tehran')::date + d.deadline_days + 1
          and d.deadline_date is distinct from m.last_day`);
      changed = result.rowCount ?? 0;
    }
    const now = clock.now();
    await tx.insert(deadlineRecounts).values({ rule: FREE_LIMITS_RULE, recountedAt: now, changed });
    await recordAudit(tx, null, {
      action: 'notices.deadlines-recounted',
      entityType: 'notice-deadlines',
      entityId: FREE_LIMITS_RULE,
      data: {
        changed,
        deliveredFrom: span.from,
        deliveredTo: span.to,
        at: now.toISOString(),
        rule: 'Civil Procedure Code Arts. 444–445: last day = delivery + limit + 1, moved off Fridays and holidays',
      },
    });
    return { changed };
  });
}
