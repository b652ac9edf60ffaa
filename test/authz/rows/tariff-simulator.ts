/** Authorization matrix rows of the revision simulator, its saved runs and exports, and the office cost model (see ../matrix.int.test.ts for how cells are read). */
import { addJalaliMonths, jalaliMonthOfIso } from '#core/jalali';
import { insertSimulationRun } from '../../support/simulation-result';
import { TEST_TODAY } from '../../support/test-clock';
import { D, F, ok, U, type MatrixContext, type Operation, op, type Outcome } from '../kit';

export function simulatorRows(ctx: MatrixContext): Record<string, Operation> {
  const seeded = async () =>
    Number((await ctx.t.query<{ id: number }>("select id from tariff_schedules where code = '1403'"))[0].id);
  const thisMonth = jalaliMonthOfIso(TEST_TODAY);
  /** One saved run limited to Tehran, by Tehran's association. */
  let run: Promise<number> | undefined;
  const tehranRun = () => (run ??= insertSimulationRun(ctx.t, 'association.tehran', 1));
  const figures = {
    operatorWageRials: 120_000_000,
    insurancePercent: 23,
    operatorsPerOffice: 3,
    rentRials: 250_000_000,
    otherRials: 70_000_000,
  };

  return {
    [op('tariffs.simulate')]: {
      note: "simulate the 1403 schedule over the demo year, unsaved (national oversight; a province's association for its own province)",
      request: async () => ({
        method: 'POST',
        url: '/api/v1/tariffs/simulations',
        body: {
          scheduleId: await seeded(),
          fromMonth: addJalaliMonths(thisMonth, -12),
          toMonth: addJalaliMonths(thisMonth, -1),
          save: false,
        },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, ok, ok, D, D, D, D, D, D] as Outcome[],
    },
    [op('tariffs.simulations')]: {
      note: "saved runs: national oversight all, a province's association and inspector their province's",
      request: () => ({ method: 'GET', url: '/api/v1/tariffs/simulations' }),
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F] as Outcome[],
    },
    [op('tariffs.simulation')]: {
      note: "a saved run of Tehran: national oversight, Tehran's association and inspector",
      request: async () => ({ method: 'GET', url: `/api/v1/tariffs/simulations/${await tehranRun()}` }),
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, ok] as Outcome[],
    },
    [op('tariffs.costModel')]: {
      note: 'the office cost model of the provinces in scope',
      request: () => ({ method: 'GET', url: '/api/v1/tariffs/cost-model' }),
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F] as Outcome[],
    },
    [op('tariffs.updateCostModel')]: {
      note: "edit Tehran's cost figures: Tehran's association or national oversight",
      request: () => ({ method: 'PUT', url: '/api/v1/tariffs/cost-model/1', body: figures }),
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D] as Outcome[],
    },
  };
}
