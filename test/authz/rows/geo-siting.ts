/** Authorization matrix rows of geography: siting (see ../matrix.int.test.ts for how cells are read). */
import { A, D, F, ok, U, type MatrixContext, op, type Operation, type Outcome } from '../kit';

const TEHRAN = 1;

export function geoSitingRows(ctx: MatrixContext): Record<string, Operation> {
  /** One saved run for Tehran, made by the national association. */
  let run: Promise<number> | undefined;
  const tehranRun = () =>
    (run ??= ctx
      .as('association')
      .post('/api/v1/geo/siting/runs', { provinceId: TEHRAN, radiusKm: 15, k: 1, solver: 'heuristic' })
      .then((res) => (res.json() as { id: number }).id));
  /** A fresh Tehran site for each caller, so every allowed caller has one to remove. */
  const tehranSite = async () =>
    Number(
      (
        await ctx.t.query<{ id: number }>(
          "insert into candidate_sites (province_id, name, lat, lon) values (1, 'matrix site', 35.6, 51.3) returning id",
        )
      )[0].id,
    );

  return {
    [op('network.candidates')]: {
      note: "Tehran's candidate locations: national oversight and Tehran's association",
      request: () => ({ method: 'GET', url: `/api/v1/geo/siting/candidates?provinceId=${TEHRAN}` }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D] as Outcome[],
    },
    [op('network.addCandidate')]: {
      note: 'add a Tehran site at a point in Isfahan (past authorization: refused as outside the province, nothing written)',
      request: () => ({
        method: 'POST',
        url: '/api/v1/geo/siting/candidates',
        body: { provinceId: TEHRAN, name: 'matrix', lat: 32.65, lon: 51.67 },
      }),
      expected: [U, D, D, D, D, D, D, D, A, A, D, A, D, D, D, D, D, D] as Outcome[],
    },
    [op('network.removeCandidate')]: {
      note: "remove a Tehran site (a fresh one per caller): national oversight and Tehran's association",
      request: async () => ({ method: 'DELETE', url: `/api/v1/geo/siting/candidates/${await tehranSite()}` }),
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D] as Outcome[],
    },
    [op('network.runSiting')]: {
      note: 'run the optimizer for Tehran (one new office, fast solver)',
      request: () => ({
        method: 'POST',
        url: '/api/v1/geo/siting/runs',
        body: { provinceId: TEHRAN, radiusKm: 15, k: 1, solver: 'heuristic' },
      }),
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D] as Outcome[],
    },
    [op('network.sitingRuns')]: {
      note: "saved runs: national oversight all, a province's association its province's",
      request: () => ({ method: 'GET', url: '/api/v1/geo/siting/runs' }),
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, D] as Outcome[],
    },
    [op('network.sitingRun')]: {
      note: "a saved run for Tehran: national oversight and Tehran's association",
      request: async () => ({ method: 'GET', url: `/api/v1/geo/siting/runs/${await tehranRun()}` }),
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, D] as Outcome[],
    },
  };
}
