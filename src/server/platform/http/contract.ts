/**
 * One contract per endpoint: its method and path, who may call it, its zod schemas for params,
 * query, headers, body and answer, the problems it can answer with, and a summary. The server
 * registers the route from the contract (implement.ts) and the web calls it through one typed
 * client (web/app/api-client.ts `call`), both from the same zod objects.
 *
 * Pure: this file imports zod and data only, because the web reads the contracts' types and
 * `scripts/contracts.ts` reads them without starting a server.
 */
import type { z } from 'zod';
import type { Actor } from '#server/platform/auth/actor';
import type { Action } from '#server/platform/auth/permissions';
import type { ErrorCode } from '#server/platform/errors/catalog';

/** Who may call an endpoint: anyone, anyone signed in, or the roles the policy gives an action (checked by the use case). */
type Access = 'public' | 'signed-in' | Action;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A problem code an endpoint may answer with (its HTTP status comes from the error catalog). */
type ProblemCode = ErrorCode;

/** How a request body that is not JSON arrives. */
type Upload = { kind: 'multipart' } | { kind: 'raw'; mediaTypes: readonly string[] };

export interface EndpointDef {
  method: HttpMethod;
  /** The full path, Fastify-style params: `/api/v1/offices/:id`. */
  path: string;
  summary: string;
  description?: string;
  /** The OpenAPI tag when it is not the area's (an area's figures shown under `stats`, say). */
  tag?: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  upload?: Upload;
  /** Success status(es): 200 by default; 201 for creations, 204 for no content. */
  status?: number | readonly number[];
  /** The answer's schema (z.null() for 204; a described z.string()/z.any() when `produces` is not JSON). */
  response: z.ZodType;
  /**
   * Media type of a non-JSON answer (text/csv, text/html, application/pdf, image/*); a list when
   * it is one of several (a document's PDF, JPEG or PNG), which the OpenAPI document names each.
   */
  produces?: string | readonly string[];
  /** Problems beyond the ones the contract implies (400 for invalid input, 401/403 for access). */
  problems?: readonly ProblemCode[];
  /** A problem whose body says more than the Problem shape (every error of an imported file, say): its schema, by code. */
  problemBodies?: Partial<Record<ProblemCode, z.ZodType>>;
  /** Left out of the OpenAPI document. */
  hidden?: boolean;
}

/** Declares one endpoint; the object is kept as written so its literal types reach the web. */
export function endpoint<const D extends EndpointDef>(def: D): D {
  return def;
}

export interface AreaContract<
  Tag extends string = string,
  E extends Record<string, EndpointDef> = Record<string, EndpointDef>,
> {
  /** The OpenAPI tag: the area's name from the architecture. */
  tag: Tag;
  endpoints: E;
}

/** An area's endpoints under its tag; each endpoint's operationId is `tag.name`. */
export function areaContract<const Tag extends string, const E extends Record<string, EndpointDef>>(
  tag: Tag,
  endpoints: E,
): AreaContract<Tag, E> {
  return { tag, endpoints };
}

type Out<S> = S extends z.ZodType ? z.output<S> : never;
type In<S> = S extends z.ZodType ? z.input<S> : never;
type Part<E, K extends 'params' | 'query' | 'headers' | 'body', T> = E extends { [P in K]: z.ZodType }
  ? { [P in K]: T }
  : unknown;

/** What a server handler receives: the parsed (output) params, query, headers and body, and the caller. */
export type EndpointInput<E extends EndpointDef> = Part<E, 'params', Out<E['params']>> &
  Part<E, 'query', Out<E['query']>> &
  Part<E, 'headers', Out<E['headers']>> &
  Part<E, 'body', Out<E['body']>> & { actor: E['access'] extends 'public' ? Actor | null : Actor };

/** What a server handler returns: the answer before serialisation (zod output side). */
export type HandlerResult<E extends EndpointDef> = Out<E['response']>;

/** What a client sends: the params, query, headers and body as written (zod input side), and the upload. */
export type ClientInput<E extends EndpointDef> = Part<E, 'params', In<E['params']>> &
  Part<E, 'query', In<E['query']>> &
  Part<E, 'headers', In<E['headers']>> &
  Part<E, 'body', In<E['body']>> &
  (E['upload'] extends { kind: 'multipart' } ? { form: FormData } : unknown) &
  (E['upload'] extends { kind: 'raw' } ? { file: Blob; mediaType: E['upload']['mediaTypes'][number] } : unknown);

/** What a client receives: the answer as it travels (zod input side of the response); a Blob when not JSON. */
export type EndpointResult<E extends EndpointDef> = E['produces'] extends string | readonly string[]
  ? Blob
  : In<E['response']>;

/** `GET /api/v1/offices/{id}`: the operation as the OpenAPI document and the authorization matrix name it. */
export function operationKey(e: Pick<EndpointDef, 'method' | 'path'>): string {
  return `${e.method} ${e.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

/** Each endpoint of a set of area contracts, named `area.name`. */
export function operationsOf(
  contracts: Record<string, AreaContract>,
): { id: string; tag: string; name: string; endpoint: EndpointDef }[] {
  return Object.values(contracts).flatMap((area) =>
    Object.entries(area.endpoints).map(([name, endpoint]) => ({
      id: `${area.tag}.${name}`,
      tag: area.tag,
      name,
      endpoint,
    })),
  );
}
