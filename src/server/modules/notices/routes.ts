/** The notices area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { areaContract } from '#server/platform/http/contract';
import { implement } from '#server/platform/http/implement';
import { sendPdf as sendPrintedPdf } from '#server/platform/pdf/send-pdf';
import * as atOffice from './at-office';
import { fileStorage } from '#server/platform/storage/storage';
import { NOTICE_DOCUMENT_MEDIA_TYPES, noticeDocumentContract, noticesContract } from './contract';
import * as documents from './documents';
import * as paper from './paper-service';
import { computeDeadline, publicRules } from './deadlines';
import * as holidays from './holidays';
import { noticeFileName, noticePrintHtml } from './notice-print';
import { listOutbox } from './outbox';
import * as notices from './service';
import * as tracking from './tracking';

export function noticeRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);
  const sendPdf = (reply: FastifyReply, file: { fileName: string; bytes: Buffer }) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);

  const { attachDocument: _attach, ...endpoints } = noticesContract.endpoints;
  implement(app, areaContract(noticesContract.tag, endpoints), {
    computeDeadline: ({ body }) => computeDeadline(ctx, body),
    publicDeadlineRules: () => publicRules(ctx),

    outbox: ({ actor, query }) => listOutbox(ctx, actor, query),

    issue: ({ actor, params, body }) => notices.issueNotice(ctx, actor, params.id, body),
    servePaper: ({ actor, params, body }) => paper.recordPaperService(ctx, actor, params.id, params.partyId, body),
    async courtDocument({ actor, params }, req, reply) {
      return sendPdf(reply, await documents.courtDocument(ctx, actor, params.id, storage, req.log));
    },
    async myDocument({ actor, params }, req, reply) {
      return sendPdf(reply, await documents.ownDocument(ctx, actor, params.id, storage, req.log));
    },

    async myNoticePdf({ actor, params }, req, reply) {
      const printable = await notices.printOwnNotice(ctx, actor, params.id);
      return sendPrintedPdf(req, reply, {
        html: () => noticePrintHtml(printable),
        htmlUrl: `/me/notices/${params.id}`,
        filename: noticeFileName(params.id),
        print: { format: 'A4' },
      });
    },
    async noticePdfAtOffice({ actor, params, query }, req, reply) {
      const printable = await atOffice.printAtOffice(ctx, actor, params.id, query);
      return sendPrintedPdf(req, reply, {
        html: () => noticePrintHtml(printable),
        htmlUrl: '/counter/notices',
        filename: noticeFileName(params.id),
        print: { format: 'A4' },
      });
    },

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

  // The signed decision arrives as the raw PDF body; its type is judged by content.
  implement(
    app,
    noticeDocumentContract,
    {
      async attachDocument({ actor, params }, req) {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return documents.attachDocument(ctx, actor, params.id, bytes, storage);
      },
    },
    {
      setup(scope) {
        for (const type of NOTICE_DOCUMENT_MEDIA_TYPES) {
          scope.addContentTypeParser(
            type,
            { parseAs: 'buffer', bodyLimit: documents.DOCUMENT_MAX_BYTES },
            (_req: FastifyRequest, body: Buffer, done) => done(null, body),
          );
        }
      },
    },
  );
}
