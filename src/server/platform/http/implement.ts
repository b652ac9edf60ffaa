/**
 * Registers an area's endpoints from its contract with fastify-type-provider-zod: the schemas,
 * the OpenAPI description (tags, summary, operationId `area.name`, who may call it, security,
 * answers by status) all come from the contract. The handler gets the parsed input and the caller
 * and still calls the authorization policy itself, in its use case: a contract's `access` says
 * who may call it for the reader and the document; the policy decides.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { PERMISSIONS, type Action } from '#server/platform/auth/permissions';
import { AppError } from '#server/platform/errors/app-error';
import { ERROR_CATALOG, type ErrorCode } from '#server/platform/errors/catalog';
import type { Api } from './api';
import type { AreaContract, EndpointDef, EndpointInput, HandlerResult } from './contract';
import { problemSchema } from './problem-schema';

type Handler<E extends EndpointDef> = (
  input: EndpointInput<E>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<HandlerResult<E> | FastifyReply> | HandlerResult<E> | FastifyReply;

export type Handlers<C extends AreaContract> = { [K in keyof C['endpoints']]: Handler<C['endpoints'][K]> };

export interface ImplementOptions<C extends AreaContract = AreaContract> {
  /** Runs first in the area's own scope: content-type parsers, the multipart plugin. */
  setup?: (scope: Api) => void | Promise<void>;
  /** A body limit for every endpoint of this contract (the app's default otherwise). */
  bodyLimit?: number;
  /** Fastify route config of some endpoints, by name: a rate limit, `acceptsUnstorableText`. */
  config?: { [K in keyof C['endpoints']]?: Record<string, unknown> };
}

const SESSION = [{ session: [] }];
const SESSION_AND_CSRF = [{ session: [], csrf: [] }];

/** "Who may call it", in the document's words, from the contract's access. */
function whoMayCall(access: EndpointDef['access']): string {
  if (access === 'public') return 'anyone, signed in or not.';
  if (access === 'signed-in') return 'anyone signed in.';
  const roles = PERMISSIONS[access as Action] as readonly string[];
  return `the roles the policy gives \`${access}\` (${roles.join(', ')}), each within the scope of their role.`;
}

function successStatuses(e: EndpointDef): number[] {
  if (e.status === undefined) return [200];
  return typeof e.status === 'number' ? [e.status] : [...e.status];
}

/** The Fastify schema of one endpoint. */
function routeSchema(tag: string, name: string, e: EndpointDef) {
  const statuses = new Set<number>();
  if (e.params || e.query || e.headers || e.body || e.upload) statuses.add(400);
  if (e.access !== 'public') statuses.add(401);
  if (e.access !== 'public' && e.access !== 'signed-in') statuses.add(403);
  for (const code of e.problems ?? []) statuses.add(ERROR_CATALOG[code].status);
  const response: Record<number, z.ZodType> = {};
  for (const s of successStatuses(e)) response[s] = e.response;
  for (const s of [...statuses].sort((a, b) => a - b)) response[s] = problemSchema;
  for (const [code, schema] of Object.entries(e.problemBodies ?? {}) as [ErrorCode, z.ZodType][])
    response[ERROR_CATALOG[code].status] = schema;
  return {
    tags: [e.tag ?? tag],
    operationId: `${tag}.${name}`,
    summary: e.summary,
    description: `${e.description ? `${e.description}\n\n` : ''}Who may call it: ${whoMayCall(e.access)}`,
    ...(e.access === 'public' ? {} : { security: e.method === 'GET' ? SESSION : SESSION_AND_CSRF }),
    ...(e.params ? { params: e.params } : {}),
    ...(e.query ? { querystring: e.query } : {}),
    ...(e.headers ? { headers: e.headers } : {}),
    ...(e.body && !e.upload ? { body: e.body } : {}),
    ...(e.upload
      ? { consumes: e.upload.kind === 'multipart' ? ['multipart/form-data'] : [...e.upload.mediaTypes] }
      : {}),
    ...(Array.isArray(e.produces) ? { produces: [...e.produces] } : {}),
    ...(e.hidden ? { hide: true } : {}),
    response,
  };
}

/** Registers every endpoint of the contract on `app` (mounted under /api), each with its handler. */
export function implement<C extends AreaContract>(
  app: Api,
  contract: C,
  handlers: Handlers<C>,
  options: ImplementOptions<C> = {},
): void {
  app.register(async (scope) => {
    const api = scope as unknown as Api;
    await options.setup?.(api);
    for (const [name, e] of Object.entries(contract.endpoints) as [string, EndpointDef][]) {
      const handler = (handlers as Record<string, Handler<EndpointDef>>)[name];
      if (!handler) throw new Error(`${contract.tag}.${name}: no handler`);
      if (!e.path.startsWith('/api/'))
        throw new Error(`${contract.tag}.${name}: a contract's path starts with /api/ (${e.path})`);
      const single = successStatuses(e).length === 1 ? successStatuses(e)[0] : null;
      const config = (options.config as Record<string, Record<string, unknown> | undefined> | undefined)?.[name];
      api.route({
        method: e.method,
        url: e.path.slice('/api'.length),
        schema: routeSchema(contract.tag, name, e),
        ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
        ...(config ? { config } : {}),
        handler: async (request, reply) => {
          if (e.access !== 'public' && !request.actor) throw new AppError('unauthenticated');
          const input = {
            params: request.params,
            query: request.query,
            headers: request.headers,
            body: request.body,
            actor: request.actor,
          } as EndpointInput<EndpointDef>;
          if (single !== null && single !== 200) reply.code(single);
          const result = await handler(input, request, reply);
          if (result === reply || reply.sent) return reply;
          return reply.send(result ?? null);
        },
      });
    }
  });
}
