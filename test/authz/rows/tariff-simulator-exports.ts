/** Authorization matrix rows of the simulator's exports: CSV, the board report and its PDF (see ../matrix.int.test.ts for how cells are read). */
import { insertSimulationRun } from '../../support/simulation-result';
import { D, ok, op, U, type MatrixContext, type Operation, type Outcome } from '../kit';

export function simulatorExportRows(ctx: MatrixContext): Record<string, Operation> {
  /** One saved run limited to Tehran, by Tehran's association. */
  let run: Promise<number> | undefined;
  const tehranRun = () => (run ??= insertSimulationRun(ctx.t, 'association.tehran', 1));

  const exports = [
    ['tariffs.simulationCsv', '/export.csv'],
    ['tariffs.simulationReport', '/report'],
    ['tariffs.simulationReportPdf', '/report.pdf'],
  ] as const;
  return Object.fromEntries(
    exports.map(([id, suffix]) => [
      op(id),
      {
        note: `export a saved run of Tehran (${suffix.slice(1)}): national oversight, Tehran's association and inspector`,
        request: async () => ({
          method: 'GET' as const,
          url: `/api/v1/tariffs/simulations/${await tehranRun()}${suffix}`,
        }),
        //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
        expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, ok] as Outcome[],
      },
    ]),
  );
}
