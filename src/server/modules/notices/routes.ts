/** The notices area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import * as atOffice from './at-office';
import { noticesContract } from './contract';
import { computeDeadline, publicRules } from './deadlines';
import * as holidays from './holidays';
import { listOutbox } from './outbox';
import * as notices from './service';
import * as tracking from './tracking';

export function noticeRoutes(app: Api, ctx: AppContext) {
  implement(app, noticesContract, {
    computeDeadline: ({ body }) => computeDeadline(ctx, body),
    publicDeadlineRules: () => publicRules(ctx),

    outbox: ({ actor, query }) => listOutbox(ctx, actor, query),

    issue: ({ actor, params, body }) => notices.issueNotice(ctx, actor, params.id, body),

    myOverview: ({ actor }) => tracking.ownOverview(ctx, actor),
    myFilings: ({ actor, query }) => tracking.ownFilings(ctx, actor, query),
    myCases: ({ actor, query }) => tracking.ownCases(ctx, actor, query),
    myNotices: ({ actor, query }) => tracking.ownNotices(ctx, actor, query),
    openMine: ({ actor, params }) => notices.openOwnNotice(ctx, actor, params.id),

    atOffice: ({ actor, query }) => atOffice.consentedNotices(ctx, actor, query),
    async openAtOffice({ actor, params, headers, body }, _req, reply) {
      const { replayed, ...opened } = await atOffice.openAtOffice(
        ctx,
        actor,
        params.id,
        body,
        headers['idempotency-key'],
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return opened;
    },

    holidays: ({ actor, query }) => holidays.listHolidays(ctx, actor, query.year),
    addHoliday: ({ actor, body }) => holidays.addHoliday(ctx, actor, body),
    async removeHoliday({ actor, params }) {
      await holidays.removeHoliday(ctx, actor, params.date);
      return null;
    },
    confirmHoliday: ({ actor, params }) => holidays.confirmLunarHoliday(ctx, actor, params.date),
    moveHoliday: ({ actor, params, body }) => holidays.moveLunarHoliday(ctx, actor, params.date, body.to),

    deadlineRules: ({ actor }) => notices.listRules(ctx, actor),
    updateDeadlineRule: ({ actor, params, body }) => notices.updateRule(ctx, actor, params.kind, body),
  });
}
