import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '#server/platform/context';

/** The Fastify instance every area registers its routes on (zod-typed). */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Area {
  /** The OpenAPI tag: the area's name from the architecture (identity, offices, ...). */
  tag: string;
  description: string;
  routes(app: Api, ctx: AppContext): void | Promise<void>;
}
