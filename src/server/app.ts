/**
 * Builds the Fastify application: platform plugins, every area's routes, the OpenAPI document and
 * the web UI. Tests build exactly this app; `main.ts` adds the process around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AREAS } from './areas';
import { resolveSession } from './modules/identity/sessions';
import { sandboxBankRoutes } from './modules/payments/routes';
import type { AppContext } from './platform/context';
import { AppError } from './platform/errors/app-error';
import { problemErrorHandler, sendProblem } from './platform/errors/problem';
import { trackRoutesForMethodCheck } from './platform/http/method-not-allowed';
import { registerRateLimits } from './platform/http/rate-limit';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerSessionHook } from './platform/http/session-hook';
import { refuseUnstorableText } from './platform/http/unstorable-text';

const BODY_LIMIT_BYTES = 1_048_576;

/**
 * Every schema is a zod schema, validated and serialised by fastify-type-provider-zod. Handing its
 * compilers to Fastify as the factories too spares loading Fastify's default JSON-schema compilers
 * (ajv, fast-json-stringify), which no route uses — a good part of a restart's time. Fastify types
 * the factories for JSON-schema compilers, hence the cast.
 */
const ZOD_COMPILERS = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    // Errors Fastify raises before routing (a malformed URL, say) are problems like any other.
    frameworkErrors: (error, request, reply) => problemErrorHandler(error, request, reply),
    // Error answers never carry stack traces; see problemErrorHandler.
    return503OnClosing: true,
    schemaController: { compilersFactory: ZOD_COMPILERS },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  // Only JSON bodies: HTML forms on other sites cannot post text/plain or form data to the API.
  app.removeContentTypeParser('text/plain');
  const allowedMethods = trackRoutesForMethodCheck(app);

  await app.register(cookie);
  // WebSockets (the hearing room's signalling): small messages only; routes opt in with `websocket: true`.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // The hearing room's page talks to the Janus SFU, when there is one, on Janus's own origin.
  const janus = ctx.config.janus ? new URL(ctx.config.janus.url) : null;
  await registerSecurityHeaders(app, janus ? [`${janus.protocol}//${janus.host}`] : []);
  await registerRateLimits(app, ctx);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Daftar API',
        version: ctx.config.version,
        description:
          'API of Daftar, the platform of the judicial electronic services offices. Errors are RFC 9457 problem+json with a stable `code` and Persian and English messages. Browser sessions use the `daftar_session` cookie; state-changing requests must send the `x-csrf-token` header with the value of the `daftar_csrf` cookie.',
      },
      tags: AREAS.map((a) => ({ name: a.tag, description: a.description })),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'daftar_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas with a meta id become components.schemas, which the operations' $refs point at.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerSessionHook(app, ctx, (c, token, now) => resolveSession(c.db, token, now));
  refuseUnstorableText(app);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const area of AREAS)
    await app.register((scope) => area.routes(scope.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: '/api' });
  // The sandbox bank's pages stand where a bank's internet payment page would: outside the API.
  await app.register((scope) => sandboxBankRoutes(scope, ctx));

  const webIndex = path.join(ctx.config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(webIndex);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDistDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const urlPath = request.url.split('?')[0];
    if (urlPath.startsWith('/api/')) {
      const allow = allowedMethods(urlPath);
      if (allow.length)
        return sendProblem(reply.header('allow', allow.join(', ')), new AppError('method_not_allowed'), request);
      return sendProblem(reply, new AppError('route_not_found'), request);
    }
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !path.extname(urlPath)) {
      // The single-page app routes everything else itself.
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(webIndex));
    }
    return sendProblem(reply, new AppError('route_not_found'), request);
  });

  return app;
}
