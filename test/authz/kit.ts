/**
 * The authorization matrix's vocabulary, shared by matrix.int.test.ts and the per-area row files
 * under rows/: the actors (the matrix's columns), the outcomes a cell may expect, and an operation.
 */
import { CONTRACTS, type OperationId } from '#server/contracts';
import { operationKey, operationsOf } from '#server/platform/http/contract';
import type { Client, RequestOptions, TestServer } from '../support/test-server';

const OPERATION_KEYS = new Map(operationsOf(CONTRACTS).map((o) => [o.id, operationKey(o.endpoint)]));

/** A matrix row's key for an operation on contracts, by its `area.name`: `op('offices.history')` is `GET /api/v1/offices/{id}/history`. */
export function op(id: OperationId): string {
  const key = OPERATION_KEYS.get(id);
  if (!key) throw new Error(`no contract operation ${id}`);
  return key;
}

/** The actors, in the matrix's column order. */
export const ACTORS = [
  'anonymous',
  '09120000001',
  '09130000002',
  'operator.11001',
  'manager.11001',
  'manager.11002',
  'operator.13001',
  'manager.13001',
  'association',
  'association.tehran',
  'association.isfahan',
  'regulator',
  'clerk.tehran',
  'judge.tehran',
  'clerk.isfahan',
  'consultant.11001',
  'arbitrator.tehran',
  'inspector.tehran',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** ok: 2xx, everything. F: 2xx, filtered to the caller's scope (proved below). U: 401 unauthenticated. D: 403 forbidden. R: 403 role_not_assignable. */
export const ok = 'ok',
  F = 'filtered',
  U = 401,
  D = 403,
  R = 'role_not_assignable';
/** N: 404 not_found — the record exists but is not the caller's to see, and its existence is not revealed. */
export const N = 404;
/** A: allowed — past authorization; the request itself is then refused on its merits (a wrong code, a duplicate), never with 401/403/404. */
export const A = 'allowed';
export type Outcome = typeof ok | typeof F | typeof U | typeof D | typeof R | typeof N | typeof A;

export interface Operation {
  /** What this row exercises, for the reader. */
  note: string;
  request(actor: ActorName, index: number): RequestOptions | Promise<RequestOptions>;
  expected: Outcome[];
}

//                                    anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
export const PUBLIC: Outcome[] = [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok];
export const SIGNED_IN: Outcome[] = [U, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok];

/** What a row file gets: the running test server and the signed-in client of each actor. */
export interface MatrixContext {
  readonly t: TestServer;
  as(actor: ActorName): Client;
}
