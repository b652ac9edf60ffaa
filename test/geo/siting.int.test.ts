/**
 * Siting new offices through the HTTP API: a run for Isfahan on the demo data measured against
 * `evaluate`, the fast and the exact solver on a small province instance, saved runs by scope,
 * bad input refused with problems naming the field, and candidate sites added and removed with
 * their audit events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '#core/siting/index';
import { sitingInstance } from '#server/modules/network/siting/runs';
import { sitingRunBody, type SitingRun } from '#server/modules/network/siting/schemas';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let association: Client, tehran: Client, isfahan: Client, regulator: Client, inspector: Client;

const ISFAHAN = 3;
/** A break-even the demo's thin volume lets a new town office reach (the demo has seven offices for the whole country). */
const isfahanRun = { provinceId: ISFAHAN, radiusKm: 15, k: 3, solver: 'heuristic', breakEvenVolume: 20 } as const;

beforeAll(async () => {
  t = await startTestServer();
  [association, tehran, isfahan, regulator, inspector] = await Promise.all([
    t.signInStaff('association'),
    t.signInStaff('association.tehran'),
    t.signInStaff('association.isfahan'),
    t.signInStaff('regulator'),
    t.signInStaff('inspector.tehran'),
  ]);
});

afterAll(async () => {
  await t?.stop();
});

async function run(client: Client, body: Record<string, unknown>): Promise<SitingRun> {
  const res = await client.post('/api/v1/geo/siting/runs', body);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
  return res.json() as SitingRun;
}

describe('POST /api/v1/geo/siting/runs', () => {
  it('a run for Isfahan proposes offices whose coverage and demand are what evaluate measures for the chosen set', async () => {
    const result = await run(isfahan, isfahanRun);
    expect(result.provinceId).toBe(ISFAHAN);
    expect(result.provinceName?.en).toBe('Isfahan');
    expect(result.proposal.length).toBeGreaterThan(0);
    expect(result.proposal.length).toBeLessThanOrEqual(3);
    expect(result.emptyReason).toBeNull();

    const { instance } = await sitingInstance(t.server.ctx, ISFAHAN, sitingRunBody.parse(isfahanRun));
    const measured = evaluate(
      instance,
      result.proposal.map((p) => p.candidateId),
    );
    expect(measured.feasible).toBe(true);
    expect(result.coverage.newlyCovered).toBeCloseTo(measured.newlyCovered, 6);
    expect(result.coverage.coveredBefore).toBeCloseTo(measured.coveredBefore, 6);
    expect(result.coverage.coveredAfter).toBeCloseTo(measured.coveredAfter, 6);
    expect(result.coverage.totalPopulation).toBe(measured.totalPopulation);
    expect(result.coverage.gainPercent).toBeCloseTo((100 * measured.newlyCovered) / measured.totalPopulation, 1);
    expect(result.proposal.map((p) => p.demand)).toEqual(measured.newOffices.map((n) => n.demand));
    expect(result.existingLosses.map((l) => [l.officeId, l.before, l.after])).toEqual(
      measured.existingLosses.map((l) => [l.id, l.before, l.after]),
    );

    for (const p of result.proposal) {
      expect(p.demand).toBeGreaterThanOrEqual(p.breakEven);
      expect(p.breakEven).toBe(20);
      expect(p.name.fa).toMatch(/[\u0600-\u06FF]/);
      expect(p.lat).toBeGreaterThan(30);
    }
    // Offices of the province, drawn grey on the map; the ones losing demand keep their floor.
    expect(result.existingOffices.map((o) => o.code).sort()).toEqual(['13001', '13002']);
    for (const l of result.existingLosses)
      expect(l.after).toBeGreaterThanOrEqual(Math.min(l.before, l.breakEven) - 1e-6);
    expect(result.assumptions.breakEvenSource).toBe('override');
    expect(result.solver.name).toBe('heuristic');
  });

  it('the fast and the exact solver agree on a small province instance, and the exact one says it is optimal', async () => {
    const body = { ...isfahanRun, k: 2, radiusKm: 20, candidates: 'cities' };
    const fast = await run(association, { ...body, solver: 'heuristic' });
    const exact = await run(association, { ...body, solver: 'exact' });
    expect(exact.solver.name).toBe('exact');
    expect(exact.solver.optimal).toBe(true);
    expect(fast.coverage.newlyCovered).toBeCloseTo(exact.coverage.newlyCovered, 6);
    expect(exact.coverage.newlyCovered).toBeGreaterThan(0);
  });

  it("the default break-even is the median of the province's offices, and a proposal nobody can keep is empty with its reason", async () => {
    const result = await run(isfahan, { provinceId: ISFAHAN, radiusKm: 15, k: 2, solver: 'heuristic' });
    expect(result.assumptions.breakEvenSource).toBe('province-median');
    expect(result.assumptions.newOfficeBreakEven).toBeGreaterThan(0);
    const none = await run(isfahan, { ...isfahanRun, breakEvenVolume: 1_000_000 });
    expect(none.proposal).toEqual([]);
    expect(none.emptyReason).toBe('no-viable-candidate');
    expect(none.coverage.newlyCovered).toBe(0);
  });

  it('extra population at a point counts in the coverage', async () => {
    const base = await run(isfahan, isfahanRun);
    const more = await run(isfahan, {
      ...isfahanRun,
      extraDemand: [{ lat: 33.98, lon: 51.43, population: 50_000, name: 'شهرک تازه' }],
    });
    expect(more.coverage.totalPopulation).toBe(base.coverage.totalPopulation + 50_000);
    expect(more.params.extraDemand).toHaveLength(1);
  });

  it('a national run is for national roles; the exact solver refuses the whole country', async () => {
    const nation = await run(association, { radiusKm: 15, k: 3, solver: 'heuristic' });
    expect(nation.provinceId).toBeNull();
    expect(nation.assumptions.breakEvenSource).toBe('per-province');
    expect(nation.size.candidates).toBeGreaterThan(300);
    // With offices in every province the nation at 15 km is a small problem now (about 4,000 point and
    // candidate pairs); at 400 km nearly every candidate is within reach of every point: past the limit.
    expectProblem(
      await association.post('/api/v1/geo/siting/runs', { radiusKm: 400, k: 3, solver: 'exact' }),
      422,
      'siting_too_large_for_exact',
    );
    expectProblem(await isfahan.post('/api/v1/geo/siting/runs', { radiusKm: 15, k: 3 }), 403, 'forbidden');
  });

  it("a province's association cannot run for another province; staff without the permission cannot run at all", async () => {
    expectProblem(await tehran.post('/api/v1/geo/siting/runs', isfahanRun), 403, 'forbidden');
    expectProblem(await inspector.post('/api/v1/geo/siting/runs', isfahanRun), 403, 'forbidden');
    expectProblem(await t.anonymous().post('/api/v1/geo/siting/runs', isfahanRun), 401);
  });

  it.each([
    ['a negative radius', { radiusKm: -5 }, 'radiusKm', 'negative_radius'],
    ['no new office', { k: 0 }, 'k', 'too_small'],
    ['a fractional k', { k: 1.5 }, 'k', 'invalid_type'],
    ['more new offices than candidates', { k: 5, candidates: 'sites' }, 'k', 'k_exceeds_candidates'],
    [
      'extra demand outside Iran',
      {
        extraDemand: [
          { lat: 33.98, lon: 51.43, population: 10 },
          { lat: 41.5, lon: 49.5, population: 1000 },
        ],
      },
      'extraDemand.1',
      'point_outside_iran',
    ],
    ['an unknown province', { provinceId: 99 }, 'provinceId', 'invalid_value'],
    ['an unknown solver', { solver: 'genetic' }, 'solver', 'invalid_value'],
  ])('%s is a 400 naming the field', async (_label, patch, field, code) => {
    const client = (patch as { provinceId?: number }).provinceId === 99 ? association : isfahan;
    const body = expectProblem(
      await client.post('/api/v1/geo/siting/runs', { ...isfahanRun, ...patch }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(body)[field]?.code, JSON.stringify(body.errors)).toBe(code);
  });
});

describe('saved runs', () => {
  it("are listed newest first within the caller's scope and read back as computed", async () => {
    const made = await run(isfahan, isfahanRun);
    const list = (await isfahan.get('/api/v1/geo/siting/runs?pageSize=50')).json() as {
      items: { id: number; provinceId: number | null; chosen: number; newlyCovered: number }[];
      total: number;
    };
    expect(list.items[0].id).toBe(made.id);
    expect(list.items.every((r) => r.provinceId === ISFAHAN)).toBe(true);
    expect(list.items[0].chosen).toBe(made.proposal.length);
    expect(list.items[0].newlyCovered).toBe(made.coverage.newlyCovered);

    const again = await isfahan.get(`/api/v1/geo/siting/runs/${made.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(made);

    // The national association sees every run (national ones too); Tehran's sees none of Isfahan's.
    const national = (await association.get('/api/v1/geo/siting/runs?pageSize=200')).json() as {
      items: { provinceId: number | null }[];
    };
    expect(national.items.some((r) => r.provinceId == null)).toBe(true);
    const theirs = (await tehran.get('/api/v1/geo/siting/runs?pageSize=200')).json() as {
      items: { provinceId: number | null }[];
    };
    expect(theirs.items.every((r) => r.provinceId === 1)).toBe(true);
    expectProblem(await tehran.get(`/api/v1/geo/siting/runs/${made.id}`), 403, 'forbidden');
    expectProblem(await regulator.get('/api/v1/geo/siting/runs/999999'), 404, 'not_found');
  });
});

describe('candidate sites', () => {
  const kashanRoad = { provinceId: ISFAHAN, name: 'شهرک نوبنیاد', lat: 33.6, lon: 51.6, note: 'طرح جامع ۱۴۰۴' };

  it("a province's cities are candidates, marked where an office already is", async () => {
    const res = await isfahan.get(`/api/v1/geo/siting/candidates?provinceId=${ISFAHAN}`);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { kind: string; hasOffice: boolean; provinceId: number }[] }).items;
    expect(items.filter((c) => c.kind === 'city').length).toBeGreaterThan(5);
    expect(items.some((c) => c.hasOffice)).toBe(true);
    expect(items.every((c) => c.provinceId === ISFAHAN)).toBe(true);
    expectProblem(await tehran.get(`/api/v1/geo/siting/candidates?provinceId=${ISFAHAN}`), 403, 'forbidden');
  });

  it('an added site is audited, listed, offered to the optimizer, and removed (softly) with its own audit event', async () => {
    const added = await isfahan.post('/api/v1/geo/siting/candidates', kashanRoad);
    expect(added.statusCode, added.body).toBe(201);
    const site = added.json() as { id: string; siteId: number; kind: string; name: { fa: string } };
    expect(site.kind).toBe('site');
    expect(site.name.fa).toBe(kashanRoad.name);
    const [addEvent] = await t.query<{ action: string; province_id: number; data: { name: string } }>(
      "select action, province_id, data from audit_events where entity_type = 'candidate_site' and entity_id = $1 and action = 'geo.sites.add'",
      [String(site.siteId)],
    );
    expect(addEvent).toMatchObject({ province_id: ISFAHAN, data: { name: kashanRoad.name } });

    const listed = (await isfahan.get(`/api/v1/geo/siting/candidates?provinceId=${ISFAHAN}`)).json() as {
      items: { id: string }[];
    };
    expect(listed.items.map((c) => c.id)).toContain(site.id);
    const onlySites = await run(isfahan, { ...isfahanRun, k: 1, candidates: 'sites', breakEvenVolume: 0.001 });
    expect(onlySites.size.candidates).toBe(1);
    expect(onlySites.proposal.every((p) => p.candidateId === site.id)).toBe(true);

    expectProblem(
      await tehran.request({ method: 'DELETE', url: `/api/v1/geo/siting/candidates/${site.siteId}` }),
      403,
      'forbidden',
    );
    const removed = await isfahan.request({ method: 'DELETE', url: `/api/v1/geo/siting/candidates/${site.siteId}` });
    expect(removed.statusCode).toBe(204);
    const [row] = await t.query<{ removed_at: Date | null }>('select removed_at from candidate_sites where id = $1', [
      site.siteId,
    ]);
    expect(row.removed_at).not.toBeNull();
    expect(
      await t.query("select 1 from audit_events where action = 'geo.sites.remove' and entity_id = $1", [
        String(site.siteId),
      ]),
    ).toHaveLength(1);
    const after = (await isfahan.get(`/api/v1/geo/siting/candidates?provinceId=${ISFAHAN}`)).json() as {
      items: { id: string }[];
    };
    expect(after.items.map((c) => c.id)).not.toContain(site.id);
    expectProblem(
      await isfahan.request({ method: 'DELETE', url: `/api/v1/geo/siting/candidates/${site.siteId}` }),
      404,
      'not_found',
    );
  });

  it.each([
    ['a point in another province', { lat: 35.7, lon: 51.4 }, 'point_outside_province'],
    ['a point outside Iran', { lat: 41.5, lon: 49.5 }, 'point_outside_iran'],
  ])('%s is refused next to the coordinates', async (_label, point, code) => {
    const body = expectProblem(
      await isfahan.post('/api/v1/geo/siting/candidates', { ...kashanRoad, ...point }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(body).lat?.code).toBe(code);
    expect(fieldErrors(body).lon?.code).toBe(code);
  });

  it("a province's association adds sites only in its province; a blank name is a field error", async () => {
    expectProblem(await tehran.post('/api/v1/geo/siting/candidates', kashanRoad), 403, 'forbidden');
    const body = expectProblem(
      await isfahan.post('/api/v1/geo/siting/candidates', { ...kashanRoad, name: '  ' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(body).name?.code).toBe('required');
  });
});
