/** Authorization matrix rows of deadlines and the holiday calendar (see ../matrix.int.test.ts for how cells are read). */
import { lunarHolidays } from '#core/holidays';
import { addDaysIso, formatJalaliIso, isoToJalali } from '#core/jalali';
import { D, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

const jalali = (iso: string) => formatJalaliIso(isoToJalali(iso));
/** Ashura of 1450, computed: only the regulator's call moves it, one day on. */
const ashura1450 = lunarHolidays(1450).find((h) => h.titleEn === 'Ashura')!.day;

export function deadlineRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('notices.computeDeadline')]: {
      note: 'the deadline calculator: anyone, signed in or not, may count a limit from a notice',
      request: () => ({
        method: 'POST',
        url: '/api/v1/deadlines/compute',
        body: { deliveredOn: '1404/01/15', amount: 20, unit: 'day' },
      }),
      expected: PUBLIC,
    },
    [op('notices.publicDeadlineRules')]: {
      note: 'the limit that runs from each kind of notice, with its legal source (public, for the calculator)',
      request: () => ({ method: 'GET', url: '/api/v1/deadlines/rules' }),
      expected: PUBLIC,
    },
    [op('notices.confirmHoliday')]: {
      note: 'confirm a computed lunar holiday (Ashura 1404) against the official calendar',
      request: () => ({ method: 'POST', url: '/api/v1/holidays/1404-04-15/confirm' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('notices.moveHoliday')]: {
      note: 'move a computed lunar holiday to its official day',
      request: () => ({
        method: 'POST',
        url: `/api/v1/holidays/${jalali(ashura1450)}/move`,
        body: { to: jalali(addDaysIso(ashura1450, 1)) },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
  };
}
