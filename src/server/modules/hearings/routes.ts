/** The hearings area's routes: each endpoint of its contract, a use case called, its answer out; the hearing room's WebSocket and the self-test's echo. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { hearingsContract } from './contract';
import * as boothChecks from './booth-checks';
import * as booths from './booths';
import * as hearings from './service';
import { registerSignalCheck } from './signal-check';
import { registerSignalling } from './signalling';

export function hearingRoutes(app: Api, ctx: AppContext) {
  implement(app, hearingsContract, {
    schedule: ({ actor, body, headers }) => hearings.scheduleHearing(ctx, actor, body, headers['idempotency-key']),
    list: ({ actor, query }) => hearings.listHearings(ctx, actor, query.state),
    get: ({ actor, params }) => hearings.getHearing(ctx, actor, params.id),
    iceServers: ({ actor, params }) => hearings.hearingIceServers(ctx, actor, params.id),
    transition: ({ actor, params, body }) => hearings.transition(ctx, actor, params.id, body.transition),
    minutes: ({ actor, params, body }) => hearings.saveMinutes(ctx, actor, params.id, body.text),
    judges: ({ actor, query }) => hearings.listJudges(ctx, actor, query.caseId),
    boothOffices: ({ actor, params, query }) => booths.boothOffices(ctx, actor, params.id, query),
    bookBooth: ({ actor, params, body }) =>
      booths.bookBooth(ctx, actor, params.id, params.participantId, body.officeId),
    boothCalendar: ({ actor, params, query }) => booths.boothCalendar(ctx, actor, params.id, query.date.iso),
    checkIn: ({ actor, params, body }) => booths.checkIn(ctx, actor, params.id, params.participantId, body),
    boothCheck: ({ actor, params, body }) => boothChecks.recordBoothCheck(ctx, actor, params.id, params.boothNo, body),
  });
  registerSignalling(app, ctx);
  registerSignalCheck(app, ctx);
}
