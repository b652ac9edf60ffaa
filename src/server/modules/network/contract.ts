/**
 * The network area's endpoints, under the API's geo tag: the network map's figures (distribution,
 * offices as map points, viability), the citizens' office finder, and siting new offices
 * (candidate locations, the optimizer's runs) (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams, pageOf, provinceParams } from '#server/platform/http/fields';
import {
  distributionQuery,
  distributionSchema,
  officesMapQuery,
  officesMapSchema,
  provinceDetailSchema,
  viabilityListSchema,
  viabilityQuery,
} from './distribution/schemas';
import { finderQuery, finderResponse } from './finder/schemas';
import {
  candidateListQuery,
  candidateSchema,
  candidateSiteBody,
  sitingRunBody,
  sitingRunListItem,
  sitingRunListQuery,
  sitingRunSchema,
} from './siting/schemas';

const tag = 'geo';

export const networkContract = areaContract('network', {
  // ——— The network map ———
  distribution: endpoint({
    method: 'GET',
    path: '/api/v1/geo/distribution',
    access: 'geo.distribution.read',
    tag,
    summary:
      "Offices per 100,000 people, demand per office, the share of people farther than distanceKm from an active office and offices below break-even, per province (a province's association and inspectors: their province) over the last 12 complete Jalali months",
    query: distributionQuery,
    response: distributionSchema,
  }),
  provinceDistribution: endpoint({
    method: 'GET',
    path: '/api/v1/geo/distribution/provinces/:id',
    access: 'geo.distribution.read',
    tag,
    summary:
      "A province's figures and its counties', each county with its saturation (offices over the offices its expected demand keeps at break-even)",
    params: provinceParams,
    query: distributionQuery,
    response: provinceDetailSchema,
    problems: ['not_found'],
  }),
  officesMap: endpoint({
    method: 'GET',
    path: '/api/v1/geo/offices/map',
    access: 'geo.distribution.read',
    tag,
    summary: "Active offices as map points with their viability (within the caller's scope)",
    query: officesMapQuery,
    response: officesMapSchema,
    problems: ['not_found'],
  }),
  viability: endpoint({
    method: 'GET',
    path: '/api/v1/geo/viability',
    access: 'geo.viability.read',
    tag,
    summary:
      "Offices' monthly demand, revenue under the schedule in force, cost, break-even volume and viability (national oversight: all; a province's association and inspectors: their province; an office manager: their office)",
    query: viabilityQuery,
    response: viabilityListSchema,
    problems: ['not_found'],
  }),

  // ——— The office finder ———
  finder: endpoint({
    method: 'GET',
    path: '/api/v1/geo/finder',
    access: 'public',
    tag,
    summary: 'The nearest active offices offering a service, with distance and hours (public)',
    description:
      "Search from `lat`+`lon`, else `cityId` (the city's coordinates), else `provinceId` (its capital). Offices are active ones holding a competency in force today for the service, nearest first by great-circle distance. Opening states are on Tehran time and skip official holidays. A service done only online answers `onlineOnly: true` with `onlineUrl` and no offices.",
    query: finderQuery,
    response: finderResponse,
  }),

  // ——— Siting new offices ———
  candidates: endpoint({
    method: 'GET',
    path: '/api/v1/geo/siting/candidates',
    access: 'geo.sites.manage',
    tag,
    summary:
      "A province's candidate locations for new offices: its cities and the sites added there (national oversight; a province's association: its province)",
    query: candidateListQuery,
    response: z.object({ items: z.array(candidateSchema) }),
  }),
  addCandidate: endpoint({
    method: 'POST',
    path: '/api/v1/geo/siting/candidates',
    access: 'geo.sites.manage',
    tag,
    summary: 'Add a candidate site (a point inside Iran and inside the province); audited',
    body: candidateSiteBody,
    status: 201,
    response: candidateSchema,
  }),
  removeCandidate: endpoint({
    method: 'DELETE',
    path: '/api/v1/geo/siting/candidates/:id',
    access: 'geo.sites.manage',
    tag,
    summary: 'Remove a candidate site (kept for the saved runs that chose it); audited',
    params: idParams,
    status: 204,
    response: z.null().meta({ description: 'Removed' }),
    problems: ['not_found'],
  }),
  runSiting: endpoint({
    method: 'POST',
    path: '/api/v1/geo/siting/runs',
    access: 'geo.siting.run',
    tag,
    summary: 'Run the siting optimizer for a province (or the nation, national roles only) and keep the run',
    description:
      "Chooses at most `k` new office locations among the candidates so that the population newly within `radiusKm` of an office is as large as possible, while every new office reaches its break-even volume and no existing office falls below its own (an office already below keeps all its demand). Demand goes to the nearest office. Existing offices are the active offices of the run's province; offices across its border are not counted. A run where no new office can pay its way answers 200 with an empty proposal and `emptyReason`.",
    body: sitingRunBody,
    status: 201,
    response: sitingRunSchema,
    problems: ['siting_too_large_for_exact'],
  }),
  sitingRuns: endpoint({
    method: 'GET',
    path: '/api/v1/geo/siting/runs',
    access: 'geo.siting.run',
    tag,
    summary:
      "Saved siting runs, newest first (national runs to national oversight; a province's runs also to its association)",
    query: sitingRunListQuery,
    response: pageOf(sitingRunListItem),
  }),
  sitingRun: endpoint({
    method: 'GET',
    path: '/api/v1/geo/siting/runs/:id',
    access: 'geo.siting.run',
    tag,
    summary: 'A saved siting run: its parameters, proposal, coverage and the offices that lose demand',
    params: idParams,
    response: sitingRunSchema,
    problems: ['not_found'],
  }),
});
