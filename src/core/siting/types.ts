/**
 * The siting problem's shapes, shared by the solvers, the API and the web page: where at most k new
 * offices go so that the population newly within the coverage radius is as large as possible while
 * every office, old and new, keeps its expected demand at or above break-even.
 */

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A place where people live; `demandPerPerson` is monthly services per person. */
export interface DemandPoint extends GeoPoint {
  id: string;
  population: number;
  demandPerPerson: number;
}

/** An office already licensed; `breakEven` is the monthly services it needs to pay its way. */
export interface ExistingOffice extends GeoPoint {
  id: string | number;
  breakEven: number;
}

/** A place where a new licence could go. */
export interface Candidate extends GeoPoint {
  id: string;
  breakEven: number;
}

export interface SitingInstance {
  demand: DemandPoint[];
  existing: ExistingOffice[];
  candidates: Candidate[];
  radiusKm: number;
  /** How many new licences may be given at most. */
  k: number;
}

interface NewOfficeDemand {
  id: string;
  demand: number;
  breakEven: number;
}

/** An existing office that loses demand to the new ones. */
export interface ExistingLoss {
  id: string | number;
  before: number;
  after: number;
  breakEven: number;
}

export type SolverName = 'heuristic' | 'exact' | 'brute-force';

export interface SitingSolution {
  /** Candidate ids, in the order chosen. */
  chosen: string[];
  /** Population newly within `radiusKm` of an office: the objective. */
  newlyCovered: number;
  coveredBefore: number;
  coveredAfter: number;
  totalPopulation: number;
  newOffices: NewOfficeDemand[];
  /** Only the offices that lose demand. */
  existingLosses: ExistingLoss[];
  solver: SolverName;
  millis: number;
  /** True when the solver proved no better choice exists (exact within its gap, brute force). */
  optimal?: boolean;
  /** Relative gap between the choice and the best bound the exact solver proved. */
  gap?: number;
}

interface SolveOptions {
  timeLimitSeconds?: number;
}

export interface SitingSolver {
  name: SolverName;
  solve(instance: SitingInstance, options?: SolveOptions): Promise<SitingSolution>;
}

/** One thing wrong with an instance; the server turns these into problem+json fields. */
export interface SitingProblem {
  field: string;
  code: SitingProblemCode;
}

type SitingProblemCode =
  | 'siting.k_exceeds_candidates'
  | 'siting.k_not_positive'
  | 'siting.negative_radius'
  | 'siting.point_outside_iran'
  | 'siting.empty_demand'
  | 'siting.negative_population'
  | 'siting.negative_demand_per_person'
  | 'siting.negative_break_even'
  | 'siting.duplicate_candidate_id'
  | 'siting.not_a_number';
