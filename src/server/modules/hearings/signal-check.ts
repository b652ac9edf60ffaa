/**
 * The self-test's connection check: a WebSocket at /api/v1/hearings/:id/signal-check on the same
 * server, behind the same door as the hearing room's socket (seatedUpgrade), that answers each
 * `{type: 'ping', n}` with `{type: 'pong', n}`. The page measures the round trip from it.
 *
 * It is a socket of its own, not a message of the room's: opening the room's socket joins the
 * hearing (attendance written, the participant put in the waiting room, everyone told), which a
 * check made the day before must not do. Nothing here touches the database after the upgrade.
 * The office's check of a booth's device uses the same echo at its office's address.
 */
import type { FastifyRequest } from 'fastify';
import { authorizeVisible } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { Api } from '#server/platform/http/api';
import type { WebSocket } from './rooms';
import { boothCalendarParams } from './schemas';
import { sameOrigin, seatedUpgrade } from './signalling';
import * as store from './store';

/** Enough for a few measurements; a socket that asks for more is closed. */
const SIGNAL_CHECK_PINGS = 20;

/**
 * The office's own booth check opens the same echo for its office: only its operators and manager
 * (`hearings.booth-check`), from a page of this server; anyone else finds no such office.
 */
async function boothCheckUpgrade(ctx: AppContext, request: FastifyRequest) {
  if (!request.actor) throw new AppError('unauthenticated');
  if (!sameOrigin(request.headers.origin, request.headers.host)) throw new AppError('forbidden');
  const parsed = boothCalendarParams.safeParse(request.params);
  if (!parsed.success) throw new AppError('not_found');
  const [office] = await store.officesByIds(ctx.db, [parsed.data.id]);
  if (!office) throw new AppError('not_found');
  authorizeVisible(request.actor, 'hearings.booth-check', { officeId: office.id, provinceId: office.provinceId });
}

export function registerSignalCheck(app: Api, ctx: AppContext) {
  app.register(async (scope) => {
    scope.get(
      '/v1/hearings/:id/signal-check',
      { websocket: true, schema: { hide: true }, preValidation: (request) => seatedUpgrade(ctx, request) },
      echo,
    );
    scope.get(
      '/v1/offices/:id/hearing-booths/signal-check',
      { websocket: true, schema: { hide: true }, preValidation: (request) => boothCheckUpgrade(ctx, request) },
      echo,
    );
  });
}

function echo(ws: unknown) {
  const socket = ws as WebSocket;
  let answered = 0;
  socket.on('message', (raw) => {
    let n: unknown;
    try {
      const m = JSON.parse(String(raw)) as { type?: unknown; n?: unknown };
      n = m.type === 'ping' && Number.isInteger(m.n) ? m.n : undefined;
    } catch {
      n = undefined;
    }
    if (n === undefined) {
      socket.send(JSON.stringify({ type: 'error', code: 'bad_request' }));
      return;
    }
    socket.send(JSON.stringify({ type: 'pong', n }));
    if (++answered >= SIGNAL_CHECK_PINGS) socket.close(1000, 'enough');
  });
}
