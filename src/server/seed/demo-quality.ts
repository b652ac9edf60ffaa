/**
 * The demo's counter history for the quality pages: a year of queue tickets at each demo office,
 * each office with its own pace, so the offices' measured facts differ visibly (Vanak quick and
 * getting quicker, Shahr-e Rey slow and getting slower, Sepahanshahr losing visitors who give up).
 * Deterministic: the same day gives the same tickets.
 *
 * The history ends 45 days before the seed day: the counter's estimate of the wait reads the last
 * days' services and the day's own queue, and the days the demo (and its browser tests) work on
 * start with the office's queue empty.
 */
import { and, inArray, isNotNull } from 'drizzle-orm';
import { addDaysIso, addJalaliMonths, jalaliMonthOfIso, jalaliMonthStartIso, weekdayOfIso } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { queueTickets } from '#server/modules/counter/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { DEMO_OFFICES } from './demo-data';

/** Each office's pace: median-ish wait and service in minutes, their change over the year (×), and one visitor in `giveUp` leaving unserved. */
const PACE: Record<string, { wait: number; service: number; drift: number; giveUp: number; perDay: number }> = {
  '11001': { wait: 9, service: 11, drift: 0.7, giveUp: 40, perDay: 6 },
  '11002': { wait: 16, service: 14, drift: 1, giveUp: 25, perDay: 5 },
  '11003': { wait: 28, service: 19, drift: 1.5, giveUp: 12, perDay: 5 },
  '13001': { wait: 11, service: 12, drift: 0.9, giveUp: 30, perDay: 5 },
  '13002': { wait: 20, service: 16, drift: 1.1, giveUp: 6, perDay: 4 },
  '14001': { wait: 14, service: 13, drift: 1, giveUp: 20, perDay: 4 },
  '12001': { wait: 12, service: 15, drift: 0.8, giveUp: 30, perDay: 4 },
};

/** Seeds the tickets and says how many. `today` is the seed day in Tehran (ISO). */
export async function seedDemoQuality(tx: Executor, today: string): Promise<{ tickets: number }> {
  const from = jalaliMonthStartIso(addJalaliMonths(jalaliMonthOfIso(today), -12));
  const until = addDaysIso(today, -45);
  const staff = await tx
    .select({ officeId: roleGrants.officeId, userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.role, ['operator', 'office_manager']), isNotNull(roleGrants.officeId)))
    .orderBy(roleGrants.userId);
  const staffOf = (officeId: number) => staff.filter((s) => s.officeId === officeId).map((s) => s.userId);

  const rows: (typeof queueTickets.$inferInsert)[] = [];
  let dayIndex = 0;
  for (let day = from; day < until; day = addDaysIso(day, 1), dayIndex += 1) {
    if (weekdayOfIso(day) === 5) continue; // Fridays the offices are closed
    for (const office of DEMO_OFFICES) {
      const pace = PACE[office.code];
      const people = staffOf(office.id);
      // Over the year the pace moves from 1× to `drift`×.
      const drift = 1 + (pace.drift - 1) * (dayIndex / 365);
      for (let n = 1; n <= pace.perDay; n += 1) {
        const spread = 0.5 + ((n * 7 + dayIndex * 3) % 11) / 10; // 0.5× … 1.5×
        const wait = Math.max(1, Math.round(pace.wait * drift * spread));
        const service = Math.max(2, Math.round(pace.service * drift * (0.6 + ((n * 5 + dayIndex) % 9) / 10)));
        const created = new Date(
          `${day}T${String(8 + n).padStart(2, '0')}:${String((n * 13) % 60).padStart(2, '0')}:00+03:30`,
        );
        const gaveUp = (dayIndex * pace.perDay + n) % pace.giveUp === 0;
        const called = new Date(created.getTime() + wait * 60_000);
        rows.push({
          officeId: office.id,
          day,
          number: n,
          serviceCode: n % 3 === 0 ? 'notice-page' : 'petition',
          status: gaveUp ? 'cancelled' : 'done',
          servedBy: gaveUp || people.length === 0 ? null : people[n % people.length],
          createdAt: created,
          calledAt: gaveUp ? null : called,
          doneAt: gaveUp ? null : new Date(called.getTime() + service * 60_000),
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(queueTickets).values(rows.slice(i, i + 1000));
  return { tickets: rows.length };
}
